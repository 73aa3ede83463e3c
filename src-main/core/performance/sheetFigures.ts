import type BetterSqlite3 from 'better-sqlite3';
import type {
  BreakdownItem,
  DrillCall,
  DrillableMetric,
  MetricKey,
  SheetDay,
  SheetRange,
} from '../../../src-shared/performance/sheetView';
import { isoSpan } from '../../../src-shared/localDays';
import { occupancy, stateTotals } from './stateTotals';

/** Who and how: the operator whose records these are, the language of labels, IT's grace. */
export interface SheetContext {
  actor: string;
  language: 'uk' | 'en';
  /** A callback done this many minutes after it was due still counts as kept. */
  callbackGraceMinutes: number;
  now: Date;
}

/**
 * The calls of one span of time (a local day, as its UTC bounds). A call
 * belongs to the day it began (a call across midnight is the evening's); it
 * is handled once its wrap-up is saved, so a call still in wrap-up is
 * counted apart and joins AHT when saved; a transferred call is handled by
 * whoever transferred it, its talk up to the transfer. Wrap-up time is the
 * call's own: from its end to the save (Not Ready asked for during wrap-up
 * starts after the save). Days are asked for one by one by their bounds:
 * SQLite's 'localtime' on every row cost ten times the sum itself.
 */
const callsOfSpan = `
  SELECT
    total(handled) AS callsHandled,
    total(handled AND direction = 'inbound') AS inboundHandled,
    total(handled AND direction = 'outbound') AS outboundHandled,
    total(direction = 'inbound' AND answered_at IS NULL AND ended_at IS NOT NULL) AS missed,
    total(direction = 'outbound') AS outboundAttempts,
    total(handled AND transfer_target IS NOT NULL) AS transferred,
    total(answered_at IS NOT NULL AND ended_at IS NOT NULL AND wrapped_up_at IS NULL) AS inWrapUp,
    total(CASE WHEN handled THEN talk_seconds END) AS talkSeconds,
    total(CASE WHEN handled THEN hold_seconds END) AS holdSeconds,
    total(CASE WHEN handled
      THEN max(0, round((julianday(wrapped_up_at) - julianday(ended_at)) * 86400000) / 1000.0) END) AS wrapSeconds
  FROM (SELECT *, (answered_at IS NOT NULL AND wrapped_up_at IS NOT NULL) AS handled
        FROM interactions WHERE kind = 'call' AND offered_at >= ? AND offered_at < ?)`;
/**
 * The offers of a span: made, accepted, refused. A refusal is an offer
 * refused with its reason, from the knowledge base during the call or from
 * a wrap-up whose outcome is a refusal (which records one such offer).
 */
const offersOfSpan = `SELECT count(*) AS made, total(result = 'accepted') AS accepted,
    total(result = 'refused') AS refused
  FROM offers WHERE offered_at >= ? AND offered_at < ?`;

interface CallDay {
  callsHandled: number;
  inboundHandled: number;
  outboundHandled: number;
  missed: number;
  outboundAttempts: number;
  transferred: number;
  inWrapUp: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapSeconds: number;
}

type CallColumn = keyof CallDay;

export interface RangeFigures {
  figures: Record<MetricKey, number | null>;
  breakdowns: {
    notReadyByReason: BreakdownItem[];
    refusalsByReason: BreakdownItem[];
    refusalsByBranch: BreakdownItem[];
    ordersByType: BreakdownItem[];
  };
  days: SheetDay[];
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Average handle time: talk, hold and wrap-up over the calls handled. */
export function averageHandle(
  calls: Pick<CallDay, 'talkSeconds' | 'holdSeconds' | 'wrapSeconds' | 'callsHandled'>,
) {
  return calls.callsHandled === 0
    ? null
    : (calls.talkSeconds + calls.holdSeconds + calls.wrapSeconds) / calls.callsHandled;
}

/** What one local day holds: its calls, its offers and the operator's time in each state. */
export interface DayFigures {
  calls: CallDay;
  offers: { made: number; accepted: number; refused: number };
  states: {
    readySeconds: number;
    onCallSeconds: number;
    wrapUpSeconds: number;
    notReadySeconds: number;
    notReadyByReason: Record<string, number>;
  };
}

/** One local day's figures, from its bounds. */
export function dayFigures(
  sqlite: BetterSqlite3.Database,
  day: string,
  actor: string,
  now: Date,
): DayFigures {
  const [start, end] = isoSpan(day, day);
  const states = stateTotals(sqlite, actor, start, end, now);
  return {
    calls: sqlite.prepare<[string, string], CallDay>(callsOfSpan).get(start, end) as CallDay,
    offers: sqlite
      .prepare<[string, string], DayFigures['offers']>(offersOfSpan)
      .get(start, end) ?? { made: 0, accepted: 0, refused: 0 },
    states: { ...states, notReadyByReason: Object.fromEntries(states.notReadyByReason) },
  };
}

/**
 * What a day's figures are made of, counted from the indexes alone: calls
 * offered, ended and wrapped up, offers, the operator's state changes and
 * how many are closed, and the length of the state the day began in. Equal
 * fingerprints, equal figures: a day that ended is summed once and read
 * again only when one of its records changes (a late wrap-up, a crash's
 * state closed at the next start).
 */
export function dayFingerprint(sqlite: BetterSqlite3.Database, day: string, actor: string): string {
  const [start, end] = isoSpan(day, day);
  const calls = sqlite
    .prepare<[string, string], number[]>(
      `SELECT count(*), count(ended_at), count(wrapped_up_at), coalesce(max(id), 0)
       FROM interactions WHERE offered_at >= ? AND offered_at < ?`,
    )
    .raw()
    .get(start, end);
  const offers = sqlite
    .prepare<[string, string], number[]>(
      'SELECT count(*), coalesce(max(id), 0) FROM offers WHERE offered_at >= ? AND offered_at < ?',
    )
    .raw()
    .get(start, end);
  const states = sqlite
    .prepare<[string, string, string], number[]>(
      `SELECT count(*), count(seconds), coalesce(max(id), 0) FROM agent_state_events
       WHERE actor = ? AND at >= ? AND at < ?`,
    )
    .raw()
    .get(actor, start, end);
  const before = sqlite
    .prepare<[string, string], { seconds: number | null }>(
      'SELECT seconds FROM agent_state_events WHERE actor = ? AND at < ? ORDER BY at DESC LIMIT 1',
    )
    .get(actor, start);
  return JSON.stringify([calls, offers, states, before?.seconds ?? -1]);
}

/** Days' figures added up (a range, a week). */
export function sumDays(days: readonly DayFigures[]): DayFigures {
  const total: DayFigures = {
    calls: {
      callsHandled: 0,
      inboundHandled: 0,
      outboundHandled: 0,
      missed: 0,
      outboundAttempts: 0,
      transferred: 0,
      inWrapUp: 0,
      talkSeconds: 0,
      holdSeconds: 0,
      wrapSeconds: 0,
    },
    offers: { made: 0, accepted: 0, refused: 0 },
    states: {
      readySeconds: 0,
      onCallSeconds: 0,
      wrapUpSeconds: 0,
      notReadySeconds: 0,
      notReadyByReason: {},
    },
  };
  for (const day of days) {
    for (const key of Object.keys(total.calls) as CallColumn[]) total.calls[key] += day.calls[key];
    total.offers.made += day.offers.made;
    total.offers.accepted += day.offers.accepted;
    total.offers.refused += day.offers.refused;
    total.states.readySeconds += day.states.readySeconds;
    total.states.onCallSeconds += day.states.onCallSeconds;
    total.states.wrapUpSeconds += day.states.wrapUpSeconds;
    total.states.notReadySeconds += day.states.notReadySeconds;
    for (const [reason, seconds] of Object.entries(day.states.notReadyByReason))
      total.states.notReadyByReason[reason] =
        (total.states.notReadyByReason[reason] ?? 0) + seconds;
  }
  return total;
}

/**
 * Every figure of the sheet for a range of local days, from its days'
 * figures (`days`, one a day in order) and what is counted over the range
 * as a whole: orders by type, refusals by reason and by script branch,
 * callbacks kept and complaints. The one-row-a-day series is what the
 * charts draw (a year is 366 points: never more than a chart has pixels).
 */
export function rangeFigures(
  sqlite: BetterSqlite3.Database,
  range: SheetRange,
  days: readonly { day: string; figures: DayFigures }[],
  context: SheetContext,
): RangeFigures {
  const [start, end] = isoSpan(range.from, range.to);
  const total = sumDays(days.map((d) => d.figures));
  const sum = (key: CallColumn) => total.calls[key];
  const offersMade = total.offers.made;
  const offersAccepted = total.offers.accepted;
  const states = total.states;

  const orders = sqlite
    .prepare<[string, string, string], { key: string; label: string; value: number }>(
      `SELECT type_code AS key, max(type_title) AS label, count(*) AS value FROM orders
       WHERE created_by = ? AND created_at >= ? AND created_at < ? GROUP BY type_code ORDER BY value DESC`,
    )
    .all(context.actor, start, end);
  const refusalsByReason = sqlite
    .prepare<[string, string], { key: string; label: string; value: number }>(
      `SELECT r.code AS key, ${context.language === 'en' ? 'r.label_en' : 'r.label_uk'} AS label, count(*) AS value
       FROM offers o JOIN refusal_reasons r ON r.id = o.refusal_reason_id
       WHERE o.offered_at >= ? AND o.offered_at < ? AND o.result = 'refused'
       GROUP BY r.id ORDER BY value DESC`,
    )
    .all(start, end);
  // Where in its script each refusal's call stood when the run ended: the branch that lost it.
  const refusalsByBranch = sqlite
    .prepare<[string, string], { script: string; node: string; value: number }>(
      `SELECT s.name AS script, sr.current_node AS node, count(*) AS value
       FROM offers o
       JOIN script_runs sr ON sr.interaction_id = o.interaction_id
       JOIN script_versions v ON v.id = sr.version_id
       JOIN scripts s ON s.id = v.script_id
       WHERE o.offered_at >= ? AND o.offered_at < ? AND o.result = 'refused'
       GROUP BY s.id, sr.current_node ORDER BY value DESC LIMIT 20`,
    )
    .all(start, end)
    .map((row) => ({
      key: `${row.script}/${row.node}`,
      label: `${row.script} → ${row.node}`,
      value: row.value,
    }));

  const dueBefore = new Date(Math.min(Date.parse(end), context.now.getTime())).toISOString();
  const callbacks = sqlite
    .prepare<[number, string, string, string], { due: number; kept: number | null }>(
      `SELECT count(*) AS due,
         sum(status = 'done' AND julianday(updated_at) <= julianday(due_at) + ? / 1440.0) AS kept
       FROM callbacks WHERE created_by = ? AND status != 'cancelled' AND due_at >= ? AND due_at < ?`,
    )
    .get(context.callbackGraceMinutes, context.actor, start, dueBefore) ?? { due: 0, kept: 0 };
  const complaints = sqlite
    .prepare<[string, string, string], { resolved: number; justified: number | null }>(
      `SELECT count(*) AS resolved, sum(justified = 1) AS justified FROM complaints
       WHERE created_by = ? AND status = 'resolved' AND resolved_at >= ? AND resolved_at < ?`,
    )
    .get(context.actor, start, end) ?? { resolved: 0, justified: 0 };

  const callsHandled = sum('callsHandled');
  const handleSeconds = sum('talkSeconds') + sum('holdSeconds') + sum('wrapSeconds');
  const figures: Record<MetricKey, number | null> = {
    callsHandled,
    inboundHandled: sum('inboundHandled'),
    outboundHandled: sum('outboundHandled'),
    missed: sum('missed'),
    outboundAttempts: sum('outboundAttempts'),
    transferred: sum('transferred'),
    inWrapUp: sum('inWrapUp'),
    talkSeconds: sum('talkSeconds'),
    holdSeconds: sum('holdSeconds'),
    wrapSeconds: sum('wrapSeconds'),
    ahtSeconds: ratio(handleSeconds, callsHandled),
    wrapShare: ratio(sum('wrapSeconds'), handleSeconds),
    readySeconds: states.readySeconds,
    notReadySeconds: states.notReadySeconds,
    occupancy: occupancy(states),
    offersMade,
    offersAccepted,
    conversion: ratio(offersAccepted, offersMade),
    ordersSubmitted: orders.reduce((t, o) => t + o.value, 0),
    refusals: total.offers.refused,
    callbacksDue: callbacks.due,
    callbacksKept: callbacks.kept ?? 0,
    complaintsResolved: complaints.resolved,
    complaintsJustified: complaints.justified ?? 0,
  };

  const perDay = days.map(({ day, figures: d }): SheetDay => ({
    day,
    callsHandled: d.calls.callsHandled,
    offersAccepted: d.offers.accepted,
    offersMade: d.offers.made,
    ahtSeconds: averageHandle(d.calls),
  }));
  return {
    figures,
    breakdowns: {
      notReadyByReason: Object.entries(states.notReadyByReason)
        .map(([key, value]) => ({ key, label: key, value }))
        .sort((a, b) => b.value - a.value),
      refusalsByReason,
      refusalsByBranch,
      ordersByType: orders,
    },
    days: perDay,
  };
}

/** Which calls stand behind a figure: the SQL condition over interactions `i`. */
const drillConditions: Record<DrillableMetric, string> = {
  callsHandled: 'i.answered_at IS NOT NULL AND i.wrapped_up_at IS NOT NULL',
  inboundHandled:
    "i.direction = 'inbound' AND i.answered_at IS NOT NULL AND i.wrapped_up_at IS NOT NULL",
  outboundHandled:
    "i.direction = 'outbound' AND i.answered_at IS NOT NULL AND i.wrapped_up_at IS NOT NULL",
  missed: "i.direction = 'inbound' AND i.answered_at IS NULL AND i.ended_at IS NOT NULL",
  outboundAttempts: "i.direction = 'outbound'",
  transferred:
    'i.transfer_target IS NOT NULL AND i.answered_at IS NOT NULL AND i.wrapped_up_at IS NOT NULL',
  inWrapUp: 'i.answered_at IS NOT NULL AND i.ended_at IS NOT NULL AND i.wrapped_up_at IS NULL',
  offersMade: 'EXISTS (SELECT 1 FROM offers o WHERE o.interaction_id = i.id)',
  offersAccepted:
    "EXISTS (SELECT 1 FROM offers o WHERE o.interaction_id = i.id AND o.result = 'accepted')",
  ordersSubmitted: 'EXISTS (SELECT 1 FROM orders r WHERE r.interaction_id = i.id)',
  refusals:
    "EXISTS (SELECT 1 FROM offers o WHERE o.interaction_id = i.id AND o.result = 'refused')",
};

/** The calls behind a figure, newest first (the list opens each call's card), and how many. */
export function drillCalls(
  sqlite: BetterSqlite3.Database,
  metric: DrillableMetric,
  range: SheetRange,
  limit = 200,
): { total: number; calls: DrillCall[] } {
  const [start, end] = isoSpan(range.from, range.to);
  const where = `i.kind = 'call' AND i.offered_at >= ? AND i.offered_at < ? AND ${drillConditions[metric]}`;
  const total =
    sqlite
      .prepare<[string, string], { n: number }>(
        `SELECT count(*) AS n FROM interactions i WHERE ${where}`,
      )
      .get(start, end)?.n ?? 0;
  const calls = sqlite
    .prepare<[string, string, number], DrillCall>(
      `SELECT i.id AS interactionId, i.client_id AS clientId, c.full_name AS clientName,
         i.direction, i.offered_at AS offeredAt, i.talk_seconds AS talkSeconds, i.outcome
       FROM interactions i LEFT JOIN clients c ON c.id = i.client_id
       WHERE ${where} ORDER BY i.offered_at DESC LIMIT ?`,
    )
    .all(start, end, limit);
  return { total, calls };
}
