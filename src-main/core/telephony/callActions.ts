import JsSIP from 'jssip';
import type { Logger } from '../platform/ports';
import type { CallAction, CallView } from '../../../src-shared/telephony/callView';
import type { LiveCall } from './liveCall';

/** What an operator's action needs of the controller around the call. */
export interface CallActionContext {
  answer(call: LiveCall): boolean;
  /** Calls out (a consultation), or says why it cannot. */
  dial(target: string): { ok: true; id: number } | { ok: false };
  find(id: number): LiveCall | undefined;
  /** Puts every other active call on hold. */
  holdOthers(except: LiveCall): void;
  set(call: LiveCall, patch: Partial<CallView>): void;
  dtmfMode: 'rfc4733' | 'info';
  logger: Logger;
}

/**
 * What the operator does to a call: answer, reject, hang up, hold, mute, key
 * tones, consult, transfer. False when the call is not in a state for it;
 * a transfer that fails later is said on the call, and the caller stays.
 */
export function performCallAction(
  call: LiveCall,
  action: CallAction,
  context: CallActionContext,
): boolean {
  const { session } = call;
  switch (action.action) {
    case 'answer':
      return context.answer(call);
    case 'reject':
      if (call.view.state !== 'ringing' || call.view.direction !== 'inbound') return false;
      call.localEnd = 'rejected';
      session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      return true;
    case 'hangup':
      call.localEnd = 'localHangup';
      session.terminate();
      return true;
    case 'hold':
      return call.view.state === 'active' && session.hold();
    case 'resume':
      if (call.view.state !== 'held') return false;
      context.holdOthers(call);
      return session.unhold();
    case 'mute':
      if (action.muted) session.mute({ audio: true });
      else session.unmute({ audio: true });
      return true;
    case 'dtmf':
      if (call.view.state !== 'active') return false;
      session.sendDTMF(action.tones, {
        duration: 100,
        interToneGap: 70,
        transportType:
          context.dtmfMode === 'info'
            ? JsSIP.C.DTMF_TRANSPORT.INFO
            : JsSIP.C.DTMF_TRANSPORT.RFC2833,
      });
      return true;
    case 'consult': {
      if (call.view.state !== 'active' && call.view.state !== 'held') return false;
      if (call.view.state === 'active') session.hold();
      const consult = context.dial(action.target);
      if (!consult.ok) return false;
      context.set(call, { consultCallId: consult.id });
      return true;
    }
    case 'completeTransfer': {
      const consult =
        call.view.consultCallId === null ? undefined : context.find(call.view.consultCallId);
      if (consult?.view.state !== 'active' && consult?.view.state !== 'held') return false;
      call.transferTarget = consult.view.remoteNumber;
      // The caller is sent to the consulted party, replacing our call with them.
      session.refer(consult.session.remote_identity.uri, {
        replaces: consult.session,
        eventHandlers: {
          accepted: () => {
            call.localEnd = 'transferred';
            consult.localEnd = 'transferred';
            session.terminate();
          },
          requestFailed: () => transferFailed(call, context),
          failed: () => transferFailed(call, context),
        },
      });
      return true;
    }
    case 'transfer':
      if (call.view.state !== 'active' && call.view.state !== 'held') return false;
      call.transferTarget = action.target;
      session.refer(action.target, {
        eventHandlers: {
          accepted: () => {
            call.localEnd = 'transferred';
            session.terminate();
          },
          // The REFER refused, or the target never answered: the caller is still here.
          requestFailed: () => transferFailed(call, context),
          failed: () => transferFailed(call, context),
        },
      });
      return true;
  }
}

function transferFailed(call: LiveCall, context: CallActionContext): void {
  if (call.view.state === 'ended') return;
  context.logger.warn('call: transfer failed', { id: call.view.id });
  call.transferTarget = null;
  context.set(call, { problem: 'transferFailed' });
}
