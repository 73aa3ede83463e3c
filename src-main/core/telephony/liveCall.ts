import JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { Clock } from '../platform/ports';
import type { CallView, EndCause } from '../../../src-shared/telephony/callView';

/** One call in progress: what the window shows of it, its SIP session, and its timings. */
export interface LiveCall {
  view: CallView;
  session: RTCSession;
  holdStartedAt: number | undefined;
  holdSeconds: number;
  watchdog: NodeJS.Timeout | undefined;
  transferTarget: string | null;
  /** How Pult itself ended it, when it did (JsSIP's cause would say only "BYE"). */
  localEnd: EndCause | undefined;
}

export function newLiveCall(
  id: number,
  session: RTCSession,
  direction: 'inbound' | 'outbound',
  remote: { number: string; name: string },
  offeredAt: Date,
): LiveCall {
  return {
    session,
    view: {
      id,
      direction,
      state: 'ringing',
      remoteNumber: remote.number,
      remoteName: remote.name,
      client: null,
      matches: 0,
      interactionId: null,
      muted: false,
      offeredAt: offeredAt.toISOString(),
      answeredAt: null,
      endedAt: null,
      endCause: null,
      problem: null,
      consultCallId: null,
      autoAnswer: false,
      line: null,
    },
    holdStartedAt: undefined,
    holdSeconds: 0,
    watchdog: undefined,
    transferTarget: null,
    localEnd: undefined,
  };
}

/** A hold that ends adds its length to the call's hold time. */
export function endHold(call: LiveCall, clock: Clock): void {
  if (call.holdStartedAt === undefined) return;
  call.holdSeconds += (clock.now().getTime() - call.holdStartedAt) / 1000;
  call.holdStartedAt = undefined;
}

/** How a call ended, from JsSIP's originator and cause. */
export function endCauseOf(
  originator: string,
  cause: string | undefined,
  call: LiveCall,
): EndCause {
  const causes = JsSIP.C.causes;
  switch (cause) {
    case causes.BYE:
      return originator === 'local' ? 'localHangup' : 'remoteHangup';
    case causes.CANCELED:
      return 'canceled';
    case causes.BUSY:
      return 'busy';
    case causes.REJECTED:
      return 'rejected';
    case causes.NO_ANSWER:
    case causes.EXPIRES:
      return 'noAnswer';
    case causes.UNAVAILABLE:
      return 'unavailable';
    case causes.NOT_FOUND:
    case causes.ADDRESS_INCOMPLETE:
      return 'notFound';
    case causes.RTP_TIMEOUT:
      return 'mediaLost';
    case causes.WEBRTC_ERROR:
    case causes.INTERNAL_ERROR:
    case causes.USER_DENIED_MEDIA_ACCESS:
      return 'mediaFailed';
    case causes.CONNECTION_ERROR:
    case causes.REQUEST_TIMEOUT:
      return 'connectionLost';
    default:
      return call.view.answeredAt === null ? 'failed' : 'remoteHangup';
  }
}
