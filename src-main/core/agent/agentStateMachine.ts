import type { NotReadyReason } from '../../../src-shared/agent/agentStateView';

export type AgentState =
  | { name: 'ready' }
  | { name: 'notReady'; reason: NotReadyReason }
  | { name: 'onCall'; pendingNotReady?: NotReadyReason }
  | { name: 'wrapUp'; pendingNotReady?: NotReadyReason };

export type AgentEvent =
  | { type: 'goReady' }
  | { type: 'goNotReady'; reason: NotReadyReason }
  | { type: 'cancelPending' }
  | { type: 'callStarted' }
  | { type: 'callEnded'; wrapUp: boolean }
  | { type: 'finishWrapUp'; complete: boolean }
  /** IT's time limit for wrap-up ran out, and the policy sends the operator back to work. */
  | { type: 'wrapUpTimeUp' }
  | { type: 'idle' };

export type Transition =
  { ok: true; state: AgentState } | { ok: false; error: 'notAllowed' | 'wrapUpIncomplete' };

const notAllowed: Transition = { ok: false, error: 'notAllowed' };
const to = (state: AgentState): Transition => ({ ok: true, state });
const afterWork = (pending: NotReadyReason | undefined): AgentState =>
  pending === undefined ? { name: 'ready' } : { name: 'notReady', reason: pending };

/**
 * The operator's state between and during calls. Pure, so every transition
 * and every refused one is tested without a PBX. Asking for Not Ready during
 * a call or its wrap-up is remembered and taken when the work is done;
 * wrap-up ends only with its required fields filled in.
 */
export function transition(state: AgentState, event: AgentEvent): Transition {
  switch (event.type) {
    case 'goReady':
      if (state.name === 'notReady') return to({ name: 'ready' });
      if (state.name === 'ready') return to(state);
      return notAllowed; // during a call or wrap-up, Ready comes from finishing the work
    case 'goNotReady':
      if (state.name === 'ready' || state.name === 'notReady')
        return to({ name: 'notReady', reason: event.reason });
      return to({ ...state, pendingNotReady: event.reason });
    case 'cancelPending':
      if (state.name === 'onCall') return to({ name: 'onCall' });
      if (state.name === 'wrapUp') return to({ name: 'wrapUp' });
      return notAllowed;
    case 'callStarted':
      if (state.name === 'ready' || state.name === 'notReady') {
        // Outbound calls are made from Not Ready too; afterwards the operator returns to it.
        return to(
          state.name === 'notReady'
            ? { name: 'onCall', pendingNotReady: state.reason }
            : { name: 'onCall' },
        );
      }
      if (state.name === 'onCall') return to(state); // a second call while on a call
      // A call taken during wrap-up: the unfinished wrap-up waits until after it.
      return to({ name: 'onCall', pendingNotReady: state.pendingNotReady });
    case 'callEnded':
      if (state.name !== 'onCall') return notAllowed;
      return to(
        event.wrapUp
          ? { name: 'wrapUp', pendingNotReady: state.pendingNotReady }
          : afterWork(state.pendingNotReady),
      );
    case 'finishWrapUp':
      if (state.name !== 'wrapUp') return notAllowed;
      if (!event.complete) return { ok: false, error: 'wrapUpIncomplete' };
      return to(afterWork(state.pendingNotReady));
    case 'wrapUpTimeUp':
      if (state.name !== 'wrapUp') return notAllowed;
      return to(afterWork(state.pendingNotReady));
    case 'idle':
      return state.name === 'ready' ? to({ name: 'notReady', reason: 'away' }) : notAllowed;
  }
}

export type InboundPolicy = 'offer' | 'decline' | 'ringWithoutAutoAnswer';

/** What happens to an inbound call in each state, as IT configured it for Not Ready and wrap-up. */
export function inboundPolicy(
  state: Pick<AgentState, 'name'>,
  whenUnavailable: 'decline' | 'ringWithoutAutoAnswer',
): InboundPolicy {
  if (state.name === 'ready' || state.name === 'onCall') return 'offer';
  return whenUnavailable;
}
