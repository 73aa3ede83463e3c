import type { RTCSession, TerminateOptions } from 'jssip/lib/RTCSession';
import type { Logger } from '../platform/ports';

export type RefusedHold = 'hold' | 'resume';

/** The parts of JsSIP's session this reaches past its public API for. */
interface SessionInternals {
  _localHold: boolean;
  _onhold(originator: 'local'): void;
  _onunhold(originator: 'local'): void;
  terminate(options?: TerminateOptions): void;
}

const refusals: Record<string, RefusedHold> = { 'Hold Failed': 'hold', 'Unhold Failed': 'resume' };

/**
 * JsSIP hangs up when the other side refuses the re-INVITE that puts a call on
 * hold or takes it off ("500 Hold Failed"). A refused re-INVITE leaves the
 * session as it was (RFC 3261 §14.1), and a caller must never be cut off
 * because a PBX would not hold: for this session, that one hang-up is caught,
 * the hold state put back as it was, and `refused` told. Every other hang-up
 * goes through untouched.
 */
export function keepCallWhenHoldRefused(
  session: RTCSession,
  refused: (what: RefusedHold) => void,
  logger: Logger,
): void {
  const internals = session as unknown as SessionInternals;
  const terminate = session.terminate.bind(session);
  internals.terminate = (options?: TerminateOptions) => {
    const what = refusals[options?.reason_phrase ?? ''];
    if (what === undefined || !session.isEstablished()) {
      terminate(options);
      return;
    }
    // The refused offer is left pending, not rolled back: Chromium's explicit rollback
    // stopped the microphone's audio (measured), and the next offer, ours or the other
    // side's, replaces a pending one by itself (implicit rollback).
    logger.warn('call: the other side refused', { what });
    refused(what);
    internals._localHold = what === 'resume';
    if (what === 'hold') internals._onunhold('local');
    else internals._onhold('local');
  };
}
