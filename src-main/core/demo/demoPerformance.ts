import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { addDays, dayStart, localDay, weekStartOf } from '../../../src-shared/localDays';
import { defaultAchievementKinds } from '../../../src-shared/performance/performancePolicy';
import { recordChange } from '../db/changeJournal';
import { AchievementBook } from '../performance/achievementBook';
import { takeTargets } from '../performance/targetEditions';
import { appendState } from '../agent/stateJournal';
import type { AgentStateRecord } from '../agent/agentStateService';

/** A demo call the operator answered: when it was answered, ended and wrapped up (ms). */
export interface DemoCall {
  answeredAt: number;
  endedAt: number;
  wrappedAt: number;
}

/** A moment moved into the working hours of a weekday (09:00–17:50, Monday to Friday). */
export function workingMoment(t: number, random: () => number): number {
  const day = new Date(t);
  const weekday = day.getDay();
  if (weekday === 6) day.setDate(day.getDate() - 1);
  if (weekday === 0) day.setDate(day.getDate() - 2);
  day.setHours(9, 0, 0, 0);
  return day.getTime() + Math.floor(random() * 530 * 60_000);
}

/**
 * The operator's side of the demo year: the state journal of each working
 * day (start, Ready, calls and wrap-ups, lunch, quit), the center's targets
 * with one change, achievements (a few on days nothing backs), a schedule
 * for this week and next with a short-staffed day, and day-off requests in
 * every state. Run inside the demo's transaction.
 */
export function demoPerformance(
  sqlite: BetterSqlite3.Database,
  demo: { now: Date; actor: string; random: () => number; calls: DemoCall[] },
): void {
  const { now, actor, random } = demo;
  const at = (t: number) => new Date(t).toISOString();
  const today = localDay(now);

  // The state journal, day by day: calls that overlap an earlier one's wrap-up are left out of it.
  const state = (time: number, name: AgentStateRecord['state'], reason: string | null = null) =>
    appendState(sqlite, { at: at(time), actor, state: name, reason });
  const byDay = new Map<string, DemoCall[]>();
  for (const call of demo.calls) {
    const day = localDay(new Date(call.answeredAt));
    byDay.set(day, [...(byDay.get(day) ?? []), call]);
  }
  for (const day of [...byDay.keys()].sort()) {
    const start = dayStart(day).getTime();
    const lunchFrom = start + 13 * 3600_000;
    const lunchTo = lunchFrom + 45 * 60_000;
    state(start + (8 * 60 + 55) * 60_000, 'notReady', 'starting');
    state(start + 9 * 3600_000, 'ready');
    let free = start + 9 * 3600_000;
    let lunched = false;
    for (const call of (byDay.get(day) ?? []).sort((a, b) => a.answeredAt - b.answeredAt)) {
      if (!lunched && call.answeredAt >= lunchFrom) {
        lunched = true;
        if (free <= lunchFrom) {
          state(lunchFrom, 'notReady', 'lunch');
          state(lunchTo, 'ready');
          free = lunchTo;
        }
      }
      if (call.answeredAt < free || call.wrappedAt > now.getTime()) continue;
      state(call.answeredAt, 'onCall');
      state(call.endedAt, 'wrapUp');
      state(call.wrappedAt, 'ready');
      free = call.wrappedAt;
    }
    const quit = Math.max(free, start + (18 * 60 + 5) * 60_000);
    if (day !== today) state(quit, 'notReady', 'offline');
  }

  // Targets: a year ago, and the sales target raised two months ago.
  const yearAgo = addDays(today, -365);
  takeTargets(
    sqlite,
    [
      { metric: 'callsHandled', period: 'day', value: 60, version: '1', effectiveFrom: yearAgo },
      { metric: 'offersAccepted', period: 'day', value: 8, version: '1', effectiveFrom: yearAgo },
      {
        metric: 'offersAccepted',
        period: 'day',
        value: 10,
        version: '2',
        effectiveFrom: addDays(today, -60),
      },
      { metric: 'conversion', period: 'day', value: 0.3, version: '1', effectiveFrom: yearAgo },
      { metric: 'ahtSeconds', period: 'day', value: 420, version: '1', effectiveFrom: yearAgo },
    ],
    'demo',
    now.toISOString(),
  );

  // The schedule of this week and next; next Friday the center is short of people.
  const thisWeek = weekStartOf(today);
  const shift = sqlite.prepare(
    `INSERT OR REPLACE INTO shifts (operator, day, starts_at, ends_at, breaks, source, loaded_at)
     VALUES (?, ?, '09:00', '18:00', ?, 'demo-schedule.xlsx', ?)`,
  );
  const breaks = JSON.stringify([
    { from: '13:00', to: '13:45' },
    { from: '16:00', to: '16:10' },
  ]);
  for (let i = 0; i < 14; i++) {
    if (i % 7 >= 5) continue;
    shift.run(actor, addDays(thisWeek, i), breaks, now.toISOString());
  }
  sqlite
    .prepare('INSERT OR REPLACE INTO staffing_days (day, short_staffed, note) VALUES (?, 1, ?)')
    .run(addDays(thisWeek, 11), '');

  // Day-off requests in every state: decided ones came back from the center.
  const request = sqlite.prepare(
    `INSERT INTO day_off_requests (uid, day, reason, status, decided_by, decided_at, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const asked = (weeks: number) =>
    at(dayStart(addDays(thisWeek, -7 * weeks - 3)).getTime() + 10 * 3600_000);
  request.run(
    uuidv7(),
    addDays(thisWeek, -19),
    'Сімейні обставини',
    'approved',
    'Ковальчук О. (керівник)',
    asked(2),
    actor,
    asked(3),
  );
  request.run(
    uuidv7(),
    addDays(thisWeek, -10),
    'Візит до лікаря',
    'rejected',
    'Ковальчук О. (керівник)',
    asked(1),
    actor,
    asked(2),
  );
  request.run(
    uuidv7(),
    addDays(thisWeek, 2),
    'Навчання',
    'approved',
    'Ковальчук О. (керівник)',
    asked(0),
    actor,
    asked(1),
  );
  const pendingDay = addDays(thisWeek, 10);
  const pending = Number(
    request.run(uuidv7(), pendingDay, 'Переїзд', 'submitted', null, null, actor, now.toISOString())
      .lastInsertRowid,
  );
  recordChange(sqlite, {
    at: now.toISOString(),
    actor,
    action: 'dayOff.request',
    entity: 'dayOffRequest',
    entityId: pending,
    details: { day: pendingDay },
    outbox: { op: 'insert', payload: { day: pendingDay, reason: 'Переїзд' } },
  });

  // Achievements of the last four weeks, as the operator entered them; a few on Saturdays,
  // when nothing was sold, stay unconfirmed.
  const book = new AchievementBook(sqlite, { now: () => now }, () => defaultAchievementKinds);
  for (let back = 27; back >= 0; back--) {
    const day = addDays(today, -back);
    const weekday = dayStart(day).getDay();
    if (weekday === 0) continue;
    if (weekday === 6) {
      if (back % 14 === 6 || back % 14 === 13) book.add({ day, kindCode: 'sale', note: '' }, actor);
      continue;
    }
    const entries = 1 + Math.floor(random() * 3);
    for (let i = 0; i < entries; i++)
      book.add(
        { day, kindCode: (['sale', 'application', 'survey'] as const)[i] ?? 'sale', note: '' },
        actor,
      );
  }
}
