import type BetterSqlite3 from 'better-sqlite3';
import { addDays, daysBetween } from '../../../src-shared/localDays';
import type { ScheduleWeek } from '../../../src-shared/performance/achievementViews';
import type { DayOffRequests } from './dayOffRequests';
import { operatorKeys } from './operatorKey';

/**
 * One week of the operator's schedule (розклад): the shifts and breaks the
 * schedule file gives them (by login or by name, as supervisors write it),
 * the days the center is short-staffed, and their day-off requests with
 * their status.
 */
export function scheduleWeek(
  sqlite: BetterSqlite3.Database,
  requests: DayOffRequests,
  weekStart: string,
  operator: { actor: string; names: readonly string[] },
): ScheduleWeek {
  const weekEnd = addDays(weekStart, 6);
  const names = operatorKeys(operator.actor, operator.names);
  const shifts = sqlite
    .prepare<
      unknown[],
      { day: string; from: string; to: string; breaks: string; source: string; loadedAt: string }
    >(
      `SELECT day, starts_at AS "from", ends_at AS "to", breaks, source, loaded_at AS loadedAt FROM shifts
       WHERE day >= ? AND day <= ? AND operator IN (${names.map(() => '?').join(', ')})`,
    )
    .all(weekStart, weekEnd, ...names);
  const short = new Set(
    sqlite
      .prepare<[string, string], { day: string }>(
        'SELECT day FROM staffing_days WHERE short_staffed = 1 AND day >= ? AND day <= ?',
      )
      .all(weekStart, weekEnd)
      .map((r) => r.day),
  );
  const asked = requests.between(weekStart, weekEnd, operator.actor);
  const latest = sqlite
    .prepare<[], { source: string; loadedAt: string }>(
      'SELECT source, loaded_at AS loadedAt FROM shifts ORDER BY loaded_at DESC LIMIT 1',
    )
    .get();
  return {
    weekStart,
    days: daysBetween(weekStart, weekEnd).map((day) => {
      const shift = shifts.find((s) => s.day === day);
      return {
        day,
        shift:
          shift === undefined
            ? null
            : {
                from: shift.from,
                to: shift.to,
                breaks: JSON.parse(shift.breaks) as { from: string; to: string }[],
              },
        shortStaffed: short.has(day),
        requests: asked.filter((r) => r.day === day),
      };
    }),
    source: latest === undefined ? null : { file: latest.source, loadedAt: latest.loadedAt },
    requestWeek: requests.requestWeek(),
  };
}
