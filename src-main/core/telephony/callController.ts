import JsSIP from 'jssip';
import type { IncomingRTCSessionEvent, RTCSessionEvent } from 'jssip/lib/UA';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { RemotePeerConnection } from './media/remotePeerConnection';
import type { Clock, Logger } from '../platform/ports';
import { performCallAction } from './callActions';
import { checkOffer } from './offerCheck';
import { maskCallerNumber } from '../phones/phoneMasking';
import { CallRecordKeeper, type OpenBase } from './callRecordKeeper';
import { endCauseOf, endHold, newLiveCall, type LiveCall } from './liveCall';
import type { LiveCallRegistry } from './liveCallRegistry';
import { keepCallWhenHoldRefused } from './refusedHold';
import type { MediaBridge } from './media/mediaBridge';
import {
  transientCallProblems,
  type CallAction,
  type CallView,
  type EndCause,
} from '../../../src-shared/telephony/callView';

export interface CallControllerDeps {
  media: MediaBridge;
  /** The client base, once open; calls still work (without a screen pop or record) before. */
  database: () => Promise<OpenBase>;
  liveCalls: LiveCallRegistry;
  clock: Clock;
  logger: Logger;
  onChanged: (calls: CallView[]) => void;
  iceServers?: () => { urls: string | string[] }[];
  /** Key presses in the audio (RFC 4733) or as SIP INFO, as the PBX wants them. */
  dtmfMode?: () => 'rfc4733' | 'info';
  /**
   * Whether an inbound call is offered to the operator now: IT may have Not
   * Ready and wrap-up decline calls instead of letting them ring.
   */
  admit?: () => 'offer' | 'decline';
  /** Whether an offered call is answered by itself (the operator chose it and is Ready). */
  autoAnswer?: () => boolean;
  /** An answered call whose media is not up by then is ended, with a final response. */
  answerTimeoutMs?: number;
  /**
   * The SIP header that carries the number the caller dialled (the line), when
   * the PBX puts it elsewhere than in To (P-Called-Party-ID, X-Called-Number…).
   */
  lineHeader?: () => string | undefined;
}

/**
 * One state machine per call, over JsSIP's sessions: ringing → connecting →
 * active ⇄ held → ended. Each call is an interaction row from the moment it
 * is offered (callRecordKeeper); the caller's card is looked up while it
 * rings; what the operator does to a call is in callActions.
 */
export class CallController {
  private ua: JsSIP.UA | undefined;
  private nextId = 1;
  private readonly calls = new Map<number, LiveCall>();
  /** Ended calls stay listed briefly so the operator sees how they ended. */
  private readonly recent: CallView[] = [];
  private readonly records: CallRecordKeeper;

  constructor(private readonly deps: CallControllerDeps) {
    this.records = new CallRecordKeeper(deps.database, deps.logger);
  }

  /** The user agent of the current registration (or none). */
  useAgent(ua: JsSIP.UA | undefined): void {
    this.ua = ua;
    ua?.on('newRTCSession', (event: RTCSessionEvent) => {
      if ((event.originator as string) === 'remote') this.offered(event as IncomingRTCSessionEvent);
    });
  }

  list(): CallView[] {
    return [...[...this.calls.values()].map((c) => c.view), ...this.recent];
  }

  private lastDialed: string | undefined;

  /** Calls the last number dialled again (the headset's redial button). */
  redial(): ReturnType<CallController['dial']> | undefined {
    return this.lastDialed === undefined ? undefined : this.dial(this.lastDialed);
  }

  /**
   * Calls out to a number or extension, already in the PBX's format; an
   * outbound list asks the PBX for its caller ID (RFC 3325's P-Preferred-Identity).
   */
  dial(
    target: string,
    options: { callerId?: string | undefined } = {},
  ): { ok: true; id: number } | { ok: false; error: 'notRegistered' | 'noAudioWindow' } {
    const ua = this.ua;
    if (ua === undefined || !ua.isRegistered()) return { ok: false, error: 'notRegistered' };
    if (!this.deps.media.isAttached()) return { ok: false, error: 'noAudioWindow' };
    this.holdOthers(undefined);
    this.lastDialed = target;
    const host = (ua as unknown as { configuration: { uri: { host: string } } }).configuration.uri
      .host;
    const session = ua.call(target, {
      mediaStream: this.deps.media.microphone() as unknown as MediaStream,
      pcConfig: { iceServers: this.deps.iceServers?.() ?? [] },
      ...(options.callerId === undefined
        ? {}
        : { extraHeaders: [`P-Preferred-Identity: <sip:${options.callerId}@${host}>`] }),
    });
    const call = this.track(session, 'outbound', target, '');
    return { ok: true, id: call.view.id };
  }

  act(action: CallAction): boolean {
    const call = this.calls.get(action.id);
    if (call === undefined) return false;
    // What went wrong with the last action is old news once the operator acts again.
    if (call.view.problem !== null && transientCallProblems.has(call.view.problem))
      call.view.problem = null;
    try {
      return performCallAction(call, action, {
        answer: (c) => this.answer(c),
        dial: (target) => this.dial(target),
        find: (id) => this.calls.get(id),
        holdOthers: (except) => this.holdOthers(except),
        set: (c, patch) => this.set(c, patch),
        dtmfMode: this.deps.dtmfMode?.() ?? 'rfc4733',
        logger: this.deps.logger,
      });
    } catch (error) {
      this.deps.logger.warn('call: action failed', { action: action.action, error: String(error) });
      return false;
    }
  }

  private answer(call: LiveCall): boolean {
    if (call.view.state !== 'ringing' || call.view.direction !== 'inbound') return false;
    if (!this.deps.media.isAttached()) {
      call.view.problem = 'noAudioWindow';
      call.localEnd = 'mediaFailed';
      call.session.terminate({ status_code: 480, reason_phrase: 'No Audio Device' });
      return false;
    }
    // Call waiting: taking the new call puts the one in progress on hold.
    this.holdOthers(call);
    this.set(call, { state: 'connecting' });
    // The connection opened while it rang is the one JsSIP answers with.
    this.deps.media.answerPrepared(call.view.id, () =>
      call.session.answer({
        mediaStream: this.deps.media.microphone() as unknown as MediaStream,
        pcConfig: { iceServers: this.deps.iceServers?.() ?? [] },
      }),
    );
    // JsSIP waits for ICE gathering without a limit, and a failure inside answer()
    // may leave the caller ringing: the watchdog sends the final response instead.
    call.watchdog = setTimeout(() => {
      if (call.view.state !== 'connecting') return;
      this.deps.logger.warn('call: media did not come up after answer', { id: call.view.id });
      call.view.problem = 'mediaTimeout';
      call.localEnd = 'mediaFailed';
      try {
        call.session.terminate({ status_code: 500, reason_phrase: 'Media Setup Timeout' });
      } catch {
        this.finish(call, 'mediaFailed');
      }
    }, this.deps.answerTimeoutMs ?? 8000);
    return true;
  }

  private holdOthers(except: LiveCall | undefined): void {
    for (const other of this.calls.values()) {
      if (other !== except && other.view.state === 'active') other.session.hold();
    }
  }

  private offered(event: IncomingRTCSessionEvent): void {
    const { session } = event;
    // JsSIP types these as strings; a From without a user part or a name leaves them empty.
    const identity = session.remote_identity as {
      uri: { user?: string | null };
      display_name?: string | null;
    };
    const number = identity.uri.user ?? '';
    // NFC, so the caller's name looks and searches like the same name typed here.
    const name = (identity.display_name ?? '').normalize('NFC');
    const offer = (event.request as { body?: unknown }).body;
    const sdp = typeof offer === 'string' && offer !== '' ? offer : undefined;
    // Checked before anything rings: an offer the window cannot take is refused at once,
    // never a ringing call that fails when answered (JsSIP sends 180 when this returns).
    const refusal = sdp === undefined ? undefined : checkOffer(sdp);
    const call = this.track(session, 'inbound', number, name, refusal === undefined);
    call.view.line = dialledLine(event.request, this.deps.lineHeader?.());
    if (refusal !== undefined) {
      this.deps.logger.warn('call: offer refused', {
        number: maskCallerNumber(number),
        problem: refusal.problem,
        status: refusal.status,
      });
      call.localEnd = 'offerRefused';
      session.terminate({
        status_code: refusal.status,
        reason_phrase: refusal.status === 400 ? 'Bad Request' : 'Not Acceptable Here',
        extraHeaders: [`Warning: 399 pult "${refusal.warning}"`],
      });
      return;
    }
    if ((this.deps.admit?.() ?? 'offer') === 'decline') {
      call.localEnd = 'unavailable';
      session.terminate({ status_code: 480, reason_phrase: 'Agent Not Ready' });
      return;
    }
    this.deps.media.prepareCall(call.view.id, this.deps.iceServers?.() ?? [], sdp);
    if (!this.deps.media.isAttached()) {
      // No window to play audio: the caller is told at once rather than ringing on.
      call.view.problem = 'noAudioWindow';
      call.localEnd = 'unavailable';
      session.terminate({ status_code: 480, reason_phrase: 'No Audio Device' });
      return;
    }
    if (this.deps.autoAnswer?.() === true) {
      // A second to hear the beep and see who it is before the caller is on.
      this.set(call, { autoAnswer: true });
      setTimeout(() => {
        if (call.view.state === 'ringing') this.answer(call);
      }, 1000);
    }
  }

  private track(
    session: RTCSession,
    direction: 'inbound' | 'outbound',
    number: string,
    name: string,
    /** False for a call refused as it arrives: the window hears of it only as ended. */
    announce = true,
  ): LiveCall {
    const call = newLiveCall(
      this.nextId++,
      session,
      direction,
      { number, name },
      this.deps.clock.now(),
    );
    this.calls.set(call.view.id, call);
    this.deps.liveCalls.add(String(call.view.id));
    const callId = (session as unknown as { _request?: { call_id?: string } })._request?.call_id;
    const watchMedia = (connection: unknown) => {
      const events = connection as Partial<RemotePeerConnection> | undefined;
      // The caller hears nothing from us: say so on the call, where the operator looks.
      events?.addEventListener?.('microphonefailed', () =>
        this.set(call, { problem: 'noMicrophone' }),
      );
      // A new window took over the call's media: the other side gets its new offer.
      events?.addEventListener?.('mediarevived', () => this.renegotiate(call));
    };
    // Refused, hold and resume leave the call as it was, and the operator is told why.
    keepCallWhenHoldRefused(
      session,
      (what) => {
        if (what === 'hold') call.holdStartedAt = undefined;
        this.set(call, { problem: what === 'hold' ? 'holdRefused' : 'resumeRefused' });
      },
      this.deps.logger,
    );
    watchMedia(session.connection);
    session.on('peerconnection', (e: { peerconnection: unknown }) => watchMedia(e.peerconnection));
    session.on('accepted', () => {
      if (call.view.direction === 'outbound') this.set(call, { state: 'connecting' });
    });
    session.on('confirmed', () => {
      clearTimeout(call.watchdog);
      const at = this.deps.clock.now();
      this.set(call, { state: 'active', answeredAt: at.toISOString() });
      this.records.answered(call, at);
    });
    session.on('hold', (e: { originator: string }) => {
      if (e.originator !== 'local') return;
      // A refused resume keeps the hold that began earlier.
      call.holdStartedAt ??= this.deps.clock.now().getTime();
      this.set(call, { state: 'held' });
    });
    session.on('unhold', (e: { originator: string }) => {
      if (e.originator !== 'local') return;
      endHold(call, this.deps.clock);
      this.set(call, { state: 'active' });
    });
    session.on('muted', () => this.set(call, { muted: true }));
    session.on('unmuted', () => this.set(call, { muted: false }));
    session.on('ended', (e: { originator: string; cause?: string }) => {
      this.finish(call, call.localEnd ?? endCauseOf(e.originator, e.cause, call));
    });
    session.on('failed', (e: { originator: string; cause?: string }) => {
      if (
        call.view.state === 'connecting' &&
        call.view.problem === null &&
        e.cause !== JsSIP.C.causes.CANCELED
      )
        call.view.problem = 'mediaFailed';
      this.finish(call, call.localEnd ?? endCauseOf(e.originator, e.cause, call));
    });
    // With the base open, the caller is looked up before the call is first shown: the
    // window gets the ringing call and its caller's card in one go, not two renders apart.
    this.records.begin(call, callId ?? '', () => this.changed());
    if (announce) this.changed();
    return call;
  }

  private finish(call: LiveCall, cause: EndCause): void {
    if (call.view.state === 'ended') return;
    clearTimeout(call.watchdog);
    endHold(call, this.deps.clock);
    // "The call goes on" is no longer true: a refused action is not what the call ended with.
    const problem =
      call.view.problem !== null && transientCallProblems.has(call.view.problem)
        ? null
        : call.view.problem;
    this.set(call, {
      state: 'ended',
      endedAt: this.deps.clock.now().toISOString(),
      endCause: cause,
      problem,
    });
    this.calls.delete(call.view.id);
    this.deps.liveCalls.remove(String(call.view.id));
    for (const other of this.calls.values())
      if (other.view.consultCallId === call.view.id) other.view.consultCallId = null;
    // A call that rang and was never answered: what the window prepared for it goes.
    this.deps.media.dropPreparedCall(call.view.id);
    this.recent.unshift(call.view);
    this.recent.length = Math.min(this.recent.length, 3);
    this.records.ended(call);
    this.changed();
  }

  /** Forgets ended calls shown to the operator. */
  clearEnded(): void {
    this.recent.length = 0;
    this.changed();
  }

  /**
   * A re-INVITE with the offer of the call's new connection (the window was
   * reloaded). Should JsSIP not be able to send one now, or the other side
   * refuse it, the call is ended properly rather than left without sound.
   */
  private renegotiate(call: LiveCall): void {
    this.deps.logger.info('calls: renegotiating media after the window came back', {
      callId: call.view.id,
    });
    const sent = call.session.renegotiate({ rtcOfferConstraints: { iceRestart: true } });
    if (!sent) {
      call.localEnd = 'mediaLost';
      call.session.terminate();
    }
  }

  private set(call: LiveCall, patch: Partial<CallView>): void {
    Object.assign(call.view, patch);
    this.changed();
  }

  private changed(): void {
    this.deps.onChanged(this.list());
  }
}

/**
 * The number the caller dialled: the user part of the named header (a name-addr
 * or a bare number) when IT names one and the INVITE has it, else To's user.
 */
export function dialledLine(
  request: { getHeader(name: string): string | undefined; to?: { uri?: { user?: string | null } } },
  header: string | undefined,
): string | null {
  const raw = header === undefined ? undefined : request.getHeader(header);
  if (raw !== undefined && raw.trim() !== '') {
    const uri = /<?(?:sips?|tel):([^@;>]+)/i.exec(raw);
    const user = (uri?.[1] ?? raw).trim();
    if (user !== '') return user.slice(0, 64);
  }
  const to = request.to?.uri?.user;
  return typeof to === 'string' && to !== '' ? to.slice(0, 64) : null;
}
