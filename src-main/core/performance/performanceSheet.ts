import type BetterSqlite3 from 'better-sqlite3';
import {
  countedTargets,
  formulaEditions,
  lowerIsBetter,
  targetMetrics,
  type Pacing,
  type PerformanceSheet,
  type SheetChange,
  type SheetRange,
  type SheetTarget,
  type SheetWeek,
  type TargetMetric,
} from '../../../src-shared/performance/sheetView';
import {
  addDays,
  clockMinutes,
  dayStart,
  daysBetween,
  localDay,
  weekStartOf,
} from '../../../src-shared/localDays';
import {
  averageHandle,
  dayFigures,
  dayFingerprint,
  rangeFigures,
  sumDays,
  type DayFigures,
  type SheetContext,
} from './sheetFigures';
import { operatorKeys } from '../schedule/operatorKey';

export interface SheetOptions extends SheetContext {
  /** The operator's login and name as the schedule may write them. */
  scheduleNames: readonly string[];
  /** The shift when the schedule has none for the day (IT's policy). */
  defaultShift: { from: string; to: string };
}

interface TargetEdition {
  metric: TargetMetric;
  period: 'day' | 'week' | 'month';
  value: number;
  version: string;
  effectiveFrom: string;
  source: string;
}

/** Working days a week and a month hold, to turn a period's target into a day's. */
const daysPerPeriod = { day: 1, week: 5, month: 21 } as const;
const weeksShown = 12;
const weeksForBest = 52;
/** A week that ended is summed again after this long (a late wrap-up of last week's call). */
const closedWeekTtlMs = 10 * 60_000;

/**
 * The operator's performance sheet: the range's figures, its targets and
 * what changed in them, pacing for today, and the trend over weeks with the
 * personal best. Run on the sheet worker's own connection. Each day that
 * ended is summed once and kept with its fingerprint (dayFingerprint), and
 * summed again only when a record of it changes; today is always summed.
 * So a month, or the year's weeks, cost their days' fingerprints, not a
 * pass over every call.
 */
export class SheetCalculator {
  private readonly days = new Map<string, { fingerprint: string; figures: DayFigures }>();
  private readonly weeks = new Map<string, { at: number; week: SheetWeek }>();
  private readonly staleWeeks = new Set<string>();

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  /** A day's figures: kept for a day that ended while its fingerprint holds. */
  private day(day: string, actor: string, now: Date): DayFigures {
    if (day >= localDay(now)) return dayFigures(this.sqlite, day, actor, now);
    const fingerprint = dayFingerprint(this.sqlite, day, actor);
    const kept = this.days.get(day);
    if (kept?.fingerprint === fingerprint) return kept.figures;
    const figures = dayFigures(this.sqlite, day, actor, now);
    this.days.set(day, { fingerprint, figures });
    return figures;
  }

  sheet(range: SheetRange, options: SheetOptions): PerformanceSheet {
    const days = daysBetween(range.from, range.to).map((day) => ({
      day,
      figures: this.day(day, options.actor, options.now),
    }));
    const {
      figures,
      breakdowns,
      days: sheetDays,
    } = rangeFigures(this.sqlite, range, days, options);
    const editions = this.targetEditions();
    const workdays = this.workdays(range, options);
    const targets: SheetTarget[] = [];
    for (const metric of targetMetrics) {
      const edition = inForce(editions, metric, range.to);
      if (edition === undefined) continue;
      const perDay = edition.value / daysPerPeriod[edition.period];
      const value = countedTargets.has(metric) ? perDay * workdays : edition.value;
      const figure = figures[metric];
      targets.push({
        metric,
        period: edition.period,
        value,
        perPeriod: edition.value,
        version: edition.version,
        effectiveFrom: edition.effectiveFrom,
        source: edition.source,
        met: figure !== null && (lowerIsBetter.has(metric) ? figure <= value : figure >= value),
      });
    }
    const today = localDay(options.now);
    const pacing =
      range.from <= today && today <= range.to
        ? this.pacing(editions, sheetDays, today, options)
        : [];
    const weeks = this.trend(weekStartOf(range.to), options);
    const best = this.best(options);
    return {
      range: { from: range.from, to: range.to },
      computedAt: options.now.toISOString(),
      callbackGraceMinutes: options.callbackGraceMinutes,
      figures,
      breakdowns,
      days: sheetDays,
      weeks,
      best,
      targets,
      changes: changesWithin(editions, range),
      pacing,
      peers: null,
    };
  }

  /**
   * A week's calls and sales. The current one is summed from its days; one
   * that ended is kept, and once older than the TTL it is still answered from
   * what is kept and summed again after the answer (refreshStale), so the
   * trend of the year's weeks never holds a sheet up.
   */
  private week(weekStart: string, options: SheetContext): SheetWeek {
    if (weekStart >= weekStartOf(localDay(options.now))) return this.sumWeek(weekStart, options);
    const kept = this.weeks.get(weekStart);
    if (kept !== undefined) {
      if (options.now.getTime() - kept.at > closedWeekTtlMs) this.staleWeeks.add(weekStart);
      return kept.week;
    }
    const week = this.sumWeek(weekStart, options);
    this.weeks.set(weekStart, { at: options.now.getTime(), week });
    return week;
  }

  /** Sums again the weeks found stale while answering: run after the answer has gone. */
  refreshStale(options: SheetContext): void {
    for (const weekStart of this.staleWeeks) {
      this.weeks.set(weekStart, {
        at: options.now.getTime(),
        week: this.sumWeek(weekStart, options),
      });
    }
    this.staleWeeks.clear();
  }

  private sumWeek(weekStart: string, options: SheetContext): SheetWeek {
    const total = sumDays(
      daysBetween(weekStart, addDays(weekStart, 6)).map((day) =>
        this.day(day, options.actor, options.now),
      ),
    );
    return {
      weekStart,
      callsHandled: total.calls.callsHandled,
      offersAccepted: total.offers.accepted,
      conversion: total.offers.made === 0 ? null : total.offers.accepted / total.offers.made,
      ahtSeconds: averageHandle(total.calls),
    };
  }

  private trend(lastWeek: string, options: SheetContext): SheetWeek[] {
    return Array.from({ length: weeksShown }, (_, i) =>
      this.week(addDays(lastWeek, -7 * (weeksShown - 1 - i)), options),
    );
  }

  /** The best week of the last year by sales, to compare with oneself. */
  private best(options: SheetContext): PerformanceSheet['best'] {
    const thisWeek = weekStartOf(localDay(options.now));
    let best: PerformanceSheet['best'] = null;
    for (let i = 0; i < weeksForBest; i++) {
      const week = this.week(addDays(thisWeek, -7 * i), options);
      if (week.callsHandled === 0) continue;
      if (best === null || week.offersAccepted > best.offersAccepted)
        best = {
          weekStart: week.weekStart,
          offersAccepted: week.offersAccepted,
          callsHandled: week.callsHandled,
        };
    }
    return best;
  }

  /** Sums the days of the last year, so the first sheet opened does not pay for them. */
  warm(options: SheetContext): void {
    this.best(options);
  }

  private targetEditions(): TargetEdition[] {
    return this.sqlite
      .prepare<[], TargetEdition>(
        `SELECT metric, period, value, version, effective_from AS effectiveFrom, source
         FROM targets ORDER BY metric, effective_from, loaded_at, id`,
      )
      .all()
      .filter((t) => (targetMetrics as readonly string[]).includes(t.metric));
  }

  /** Days with a shift in the schedule; with no schedule for the range, its weekdays. */
  private workdays(range: SheetRange, options: SheetOptions): number {
    const keys = operatorKeys(options.actor, options.scheduleNames);
    const shifts = this.sqlite
      .prepare<unknown[], { n: number }>(
        `SELECT count(*) AS n FROM shifts WHERE day >= ? AND day <= ? AND operator IN (${keys.map(() => '?').join(', ')})`,
      )
      .get(range.from, range.to, ...keys)?.n;
    if (shifts !== undefined && shifts > 0) return shifts;
    return daysBetween(range.from, range.to).filter((day) => {
      const weekday = dayStart(day).getDay();
      return weekday !== 0 && weekday !== 6;
    }).length;
  }

  private shiftOf(day: string, options: SheetOptions) {
    const keys = operatorKeys(options.actor, options.scheduleNames);
    const shift = this.sqlite
      .prepare<unknown[], { from: string; to: string }>(
        `SELECT starts_at AS "from", ends_at AS "to" FROM shifts WHERE day = ? AND operator IN (${keys.map(() => '?').join(', ')}) LIMIT 1`,
      )
      .get(day, ...keys);
    return shift === undefined
      ? { ...options.defaultShift, fromSchedule: false }
      : { ...shift, fromSchedule: true };
  }

  /**
   * Today against the day's share of each counted target: what the shift's
   * elapsed part expects by now, and for sales the calls it takes at today's
   * conversion ("ще 3 продажі за поточної конверсії").
   */
  private pacing(
    editions: TargetEdition[],
    days: PerformanceSheet['days'],
    today: string,
    options: SheetOptions,
  ): Pacing[] {
    const todayFigures = days.find((d) => d.day === today);
    const shift = this.shiftOf(today, options);
    const nowMinutes = options.now.getHours() * 60 + options.now.getMinutes();
    const from = clockMinutes(shift.from);
    const to = clockMinutes(shift.to);
    const share = to <= from ? 1 : Math.min(1, Math.max(0, (nowMinutes - from) / (to - from)));
    const ordersToday =
      this.sqlite
        .prepare<[string, string, string], { n: number }>(
          'SELECT count(*) AS n FROM orders WHERE created_by = ? AND created_at >= ? AND created_at < ?',
        )
        .get(
          options.actor,
          dayStart(today).toISOString(),
          dayStart(addDays(today, 1)).toISOString(),
        )?.n ?? 0;
    const paced: Pacing[] = [];
    for (const metric of targetMetrics) {
      if (!countedTargets.has(metric)) continue;
      const edition = inForce(editions, metric, today);
      if (edition === undefined) continue;
      const target = edition.value / daysPerPeriod[edition.period];
      const done =
        metric === 'callsHandled'
          ? (todayFigures?.callsHandled ?? 0)
          : metric === 'offersAccepted'
            ? (todayFigures?.offersAccepted ?? 0)
            : ordersToday;
      const remaining = Math.max(0, Math.ceil(target - done));
      const handled = todayFigures?.callsHandled ?? 0;
      const accepted = todayFigures?.offersAccepted ?? 0;
      paced.push({
        metric,
        target,
        done,
        expectedByNow: Math.round(target * share * 10) / 10,
        remaining,
        callsAtCurrentRate:
          metric === 'offersAccepted' && accepted > 0 && handled > 0
            ? Math.ceil(remaining / (accepted / handled))
            : null,
        shift: { from: shift.from, to: shift.to, fromSchedule: shift.fromSchedule },
      });
    }
    return paced;
  }
}

function inForce(editions: TargetEdition[], metric: TargetMetric, day: string) {
  let found: TargetEdition | undefined;
  for (const edition of editions)
    if (edition.metric === metric && edition.effectiveFrom <= day) found = edition;
  return found;
}

/** Targets and formulas that changed on a day of the range, with what they were before. */
function changesWithin(editions: TargetEdition[], range: SheetRange): SheetChange[] {
  const changes: SheetChange[] = [];
  for (const metric of targetMetrics) {
    let previous: TargetEdition | undefined;
    for (const edition of editions.filter((e) => e.metric === metric)) {
      if (
        edition.effectiveFrom >= range.from &&
        edition.effectiveFrom <= range.to &&
        edition.value !== previous?.value
      )
        changes.push({
          day: edition.effectiveFrom,
          kind: 'target',
          metric,
          from: previous?.value ?? null,
          to: edition.value,
          version: edition.version,
        });
      previous = edition;
    }
  }
  for (const edition of formulaEditions)
    if (edition.version > 1 && edition.since >= range.from && edition.since <= range.to)
      changes.push({
        day: edition.since,
        kind: 'formula',
        metric: edition.metric,
        from: edition.version - 1,
        to: edition.version,
        version: String(edition.version),
      });
  return changes.sort((a, b) => a.day.localeCompare(b.day));
}
