import type BetterSqlite3 from 'better-sqlite3';

export interface StateTotals {
  readySeconds: number;
  onCallSeconds: number;
  wrapUpSeconds: number;
  notReadySeconds: number;
  notReadyByReason: Map<string, number>;
}

interface JournalRow {
  at: string;
  state: 'ready' | 'notReady' | 'onCall' | 'wrapUp';
  reason: string | null;
  seconds: number | null;
}

/**
 * Seconds in each state within [start, end) from the state journal, whose
 * rows carry their own length (see appendState): the states begun in the
 * range are one sum over the index; the one begun before it is counted from
 * the range's start, the last one begun in it only up to its end, and the
 * one still open up to now. Time offline (between a quit and the next
 * start) is nobody's.
 */
export function stateTotals(
  sqlite: BetterSqlite3.Database,
  actor: string,
  start: string,
  end: string,
  now: Date,
): StateTotals {
  const totals: StateTotals = {
    readySeconds: 0,
    onCallSeconds: 0,
    wrapUpSeconds: 0,
    notReadySeconds: 0,
    notReadyByReason: new Map(),
  };
  const add = (state: JournalRow['state'], reason: string | null, seconds: number) => {
    if (seconds === 0 || (state === 'notReady' && reason === 'offline')) return;
    if (state === 'ready') totals.readySeconds += seconds;
    else if (state === 'onCall') totals.onCallSeconds += seconds;
    else if (state === 'wrapUp') totals.wrapUpSeconds += seconds;
    else {
      const why = reason ?? 'other';
      totals.notReadySeconds += seconds;
      totals.notReadyByReason.set(why, (totals.notReadyByReason.get(why) ?? 0) + seconds);
    }
  };
  for (const row of sqlite
    .prepare<[string, string, string], Omit<JournalRow, 'at'>>(
      `SELECT state, reason, total(seconds) AS seconds FROM agent_state_events
       WHERE actor = ? AND at >= ? AND at < ? AND seconds IS NOT NULL GROUP BY state, reason`,
    )
    .all(actor, start, end))
    add(row.state, row.reason, row.seconds ?? 0);

  const startMs = Date.parse(start);
  const cutMs = Math.min(Date.parse(end), now.getTime());
  const endOf = (row: JournalRow) =>
    row.seconds === null ? now.getTime() : Date.parse(row.at) + row.seconds * 1000;
  const latest = (where: string, ...params: string[]) =>
    sqlite
      .prepare<string[], JournalRow>(
        `SELECT at, state, reason, seconds FROM agent_state_events WHERE ${where} ORDER BY at DESC LIMIT 1`,
      )
      .get(...params);
  // Begun before the range: its part inside it.
  const before = latest('actor = ? AND at < ?', actor, start);
  if (before !== undefined)
    add(
      before.state,
      before.reason,
      Math.max(0, (Math.min(endOf(before), cutMs) - startMs) / 1000),
    );
  // The last begun in the range: still open (counted to now), or running past the range's end.
  const last = latest('actor = ? AND at >= ? AND at < ?', actor, start, end);
  if (last !== undefined) {
    const begun = Date.parse(last.at);
    if (last.seconds === null) add(last.state, last.reason, Math.max(0, (cutMs - begun) / 1000));
    else if (endOf(last) > cutMs)
      add(last.state, last.reason, -Math.min(last.seconds, (endOf(last) - cutMs) / 1000));
  }
  return totals;
}

/** On a call or in wrap-up, out of the time the operator was available or working. */
export function occupancy(
  totals: Pick<StateTotals, 'onCallSeconds' | 'wrapUpSeconds' | 'readySeconds'>,
): number | null {
  const working = totals.onCallSeconds + totals.wrapUpSeconds;
  const staffed = working + totals.readySeconds;
  return staffed === 0 ? null : working / staffed;
}
