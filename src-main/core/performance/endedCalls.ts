import type { CallView } from '../../../src-shared/telephony/callView';

/**
 * Tells when a call has just ended (missed, or now waiting for its wrap-up):
 * the moment the performance sheet's figures move, before any wrap-up.
 */
export class EndedCalls {
  private readonly seen = new Set<number>();

  /** True when the list holds a call that ended since the last list. */
  changed(list: readonly CallView[]): boolean {
    let ended = false;
    for (const call of list) {
      if (call.state !== 'ended' || this.seen.has(call.id)) continue;
      this.seen.add(call.id);
      ended = true;
    }
    // Calls cleared from the list are forgotten: ids are never reused.
    const shown = new Set(list.map((call) => call.id));
    for (const id of this.seen) if (!shown.has(id)) this.seen.delete(id);
    return ended;
  }
}
