import type { CallView } from '../../../src-shared/telephony/callView';

export type CallWorkEvent =
  { type: 'callStarted' } | { type: 'callEnded'; wrapUpInteractionId: number | null };

/**
 * Turns the calls' states into the operator's work: the first call taken or
 * placed starts "on a call", the last one ending ends it, and a call that was
 * talked on (it has a record and was answered) leaves wrap-up to do.
 */
export class CallWork {
  private busy = false;
  /** Calls worked on since the operator became busy. */
  private readonly worked = new Set<number>();
  /** Calls whose wrap-up is still to be written, oldest first. */
  readonly pendingWrapUps: number[] = [];

  update(calls: readonly CallView[]): CallWorkEvent | undefined {
    const isWorking = (c: CallView) =>
      c.state === 'connecting' ||
      c.state === 'active' ||
      c.state === 'held' ||
      (c.state === 'ringing' && c.direction === 'outbound');
    for (const c of calls) if (isWorking(c)) this.worked.add(c.id);
    const working = calls.some(isWorking);
    const stillRinging = calls.some((c) => c.state === 'ringing');
    if (working && !this.busy) {
      this.busy = true;
      return { type: 'callStarted' };
    }
    if (!working && this.busy && !stillRinging) {
      this.busy = false;
      const talked = calls.find(
        (c) =>
          this.worked.has(c.id) &&
          c.state === 'ended' &&
          c.answeredAt !== null &&
          c.interactionId !== null,
      );
      this.worked.clear();
      const wrapUpInteractionId = talked?.interactionId ?? null;
      if (wrapUpInteractionId !== null) this.pendingWrapUps.push(wrapUpInteractionId);
      return { type: 'callEnded', wrapUpInteractionId };
    }
    return undefined;
  }
}
