import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { SheetCalculator } from '../../../src-main/core/performance/performanceSheet';
import { drillCalls } from '../../../src-main/core/performance/sheetFigures';
import { SheetRunner } from '../../../src-main/core/performance/sheetRunner';
import { takeTargets } from '../../../src-main/core/performance/targetEditions';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { appendState } from '../../../src-main/core/agent/stateJournal';
import type { AgentStateRecord } from '../../../src-main/core/agent/agentStateService';
import { addClient } from '../../support/orderFixtures';
import { openTempDatabase } from '../../support/tempDatabase';

/*
 * One operator's known day, 1 December 2026 (times local), worked out by hand:
 *
 *  F  30 Nov 23:58:00 inbound, answered 23:58:10, ended 1 Dec 00:08:10 (talk 600),
 *     wrapped up 00:09:10: the evening's call, not the 1st's; Pult quit at 00:10.
 *  -  08:55 Pult started (Not Ready "starting"), 09:00 Ready.
 *  A  09:09:50 inbound, answered 09:10:00, ended 09:15:00 (talk 270, hold 30), wrap-up
 *     saved 09:16:00 (60 s): a sale, its offer accepted, an order submitted.
 *  B  09:30:00 outbound, answered 09:30:00, ended 09:35:20 (talk 300); Not Ready (lunch)
 *     asked for during wrap-up, which is saved at 09:37:20 (120 s): refused, too expensive,
 *     its offer refused, its script run left at node "price"; lunch until 10:07:20.
 *  C  10:20:00 inbound, given up after 30 s: missed.
 *  D  11:00:00 inbound, answered 11:00:05, transferred at 11:02:05 (talk 120), wrap-up
 *     saved 11:02:35 (30 s).
 *  E  11:30:00 inbound, answered 11:30:05, ended 11:31:05 (talk 60), still in wrap-up at
 *     11:40, when the sheet is read.
 */
const at = (day: number, h: number, m: number, s = 0) =>
  new Date(2026, day === 30 ? 10 : 11, day, h, m, s).toISOString();
const now = new Date(2026, 11, 1, 11, 40, 0);
const actor = 'op';
const range = { from: '2026-12-01', to: '2026-12-01' };
const options = {
  actor,
  language: 'uk' as const,
  callbackGraceMinutes: 15,
  defaultShift: { from: '09:00', to: '18:00' },
  scheduleNames: [],
  now,
};

let db: PultDatabase;
const calls: Record<string, number> = {};

beforeAll(async () => {
  db = await openTempDatabase();
  const { sqlite } = db;
  const client = addClient(db, 'Коваленко Ірина');
  const call = sqlite.prepare(
    `INSERT INTO interactions (client_id, kind, direction, remote_number, offered_at, answered_at, ended_at,
       talk_seconds, hold_seconds, transfer_target, outcome, refusal_reason_id, wrapped_up_at)
     VALUES (?, 'call', ?, '+380671234567', ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM refusal_reasons WHERE code = ?), ?)`,
  );
  const add = (name: string, ...values: unknown[]) => {
    calls[name] = Number(call.run(client, ...values).lastInsertRowid);
  };
  add(
    'F',
    'inbound',
    at(30, 23, 58),
    at(30, 23, 58, 10),
    at(1, 0, 8, 10),
    600,
    0,
    null,
    'info',
    null,
    at(1, 0, 9, 10),
  );
  add(
    'A',
    'inbound',
    at(1, 9, 9, 50),
    at(1, 9, 10),
    at(1, 9, 15),
    270,
    30,
    null,
    'sale',
    null,
    at(1, 9, 16),
  );
  add(
    'B',
    'outbound',
    at(1, 9, 30),
    at(1, 9, 30),
    at(1, 9, 35, 20),
    300,
    0,
    null,
    'refused',
    'tooExpensive',
    at(1, 9, 37, 20),
  );
  add('C', 'inbound', at(1, 10, 20), null, at(1, 10, 20, 30), 0, 0, null, null, null, null);
  add(
    'D',
    'inbound',
    at(1, 11, 0),
    at(1, 11, 0, 5),
    at(1, 11, 2, 5),
    120,
    0,
    '2002',
    'info',
    null,
    at(1, 11, 2, 35),
  );
  add(
    'E',
    'inbound',
    at(1, 11, 30),
    at(1, 11, 30, 5),
    at(1, 11, 31, 5),
    60,
    0,
    null,
    null,
    null,
    null,
  );

  // Written as Pult's journal writes them: each change closes the one before with its length.
  const state = (at: string, who: string, name: AgentStateRecord['state'], reason: string | null) =>
    appendState(sqlite, { at, actor: who, state: name, reason });
  for (const [time, name, reason] of [
    [at(30, 23, 58, 10), 'onCall', null],
    [at(1, 0, 8, 10), 'wrapUp', null],
    [at(1, 0, 9, 10), 'ready', null],
    [at(1, 0, 10), 'notReady', 'offline'],
    [at(1, 8, 55), 'notReady', 'starting'],
    [at(1, 9, 0), 'ready', null],
    [at(1, 9, 10), 'onCall', null],
    [at(1, 9, 15), 'wrapUp', null],
    [at(1, 9, 16), 'ready', null],
    [at(1, 9, 30), 'onCall', null],
    [at(1, 9, 35, 20), 'wrapUp', null],
    [at(1, 9, 37, 20), 'notReady', 'lunch'],
    [at(1, 10, 7, 20), 'ready', null],
    [at(1, 11, 0, 5), 'onCall', null],
    [at(1, 11, 2, 5), 'wrapUp', null],
    [at(1, 11, 2, 35), 'ready', null],
    [at(1, 11, 30, 5), 'onCall', null],
    [at(1, 11, 31, 5), 'wrapUp', null],
  ] as const)
    state(time, actor, name, reason);
  // A colleague's states on the same base are not this operator's.
  state(at(1, 9, 0), 'colleague', 'ready', null);

  const offer = sqlite.prepare(
    'INSERT INTO offers (client_id, interaction_id, offered_at, result, refusal_reason_id) VALUES (?, ?, ?, ?, ?)',
  );
  offer.run(client, calls['A'], at(1, 9, 14), 'accepted', null);
  offer.run(client, calls['B'], at(1, 9, 37), 'refused', 1);
  const order = sqlite.prepare(
    `INSERT INTO orders (uid, client_id, interaction_id, type_code, type_title, status, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'connection', 'Підключення послуги', 'new', ?, ?, ?)`,
  );
  order.run(
    '0193a4b0-0000-7000-8000-000000000001',
    client,
    calls['A'],
    actor,
    at(1, 9, 14),
    at(1, 9, 14),
  );
  order.run(
    '0193a4b0-0000-7000-8000-000000000002',
    client,
    null,
    'colleague',
    at(1, 10, 0),
    at(1, 10, 0),
  );

  const callback = sqlite.prepare(
    `INSERT INTO callbacks (client_id, due_at, status, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  callback.run(client, at(1, 10, 0), 'done', actor, at(30, 12, 0), at(1, 10, 5)); // kept
  callback.run(client, at(1, 10, 30), 'done', actor, at(30, 12, 0), at(1, 11, 0)); // 30 min late
  callback.run(client, at(1, 12, 0), 'pending', actor, at(30, 12, 0), at(30, 12, 0)); // not yet due
  callback.run(client, at(1, 9, 0), 'cancelled', actor, at(30, 12, 0), at(1, 8, 0));

  const complaint = sqlite.prepare(
    `INSERT INTO complaints (uid, client_id, kind, category_code, category_title, status, justified, created_by, created_at, updated_at, resolved_at)
     VALUES (?, ?, 'complaint', 'quality', 'Якість', 'resolved', ?, ?, ?, ?, ?)`,
  );
  complaint.run('c1', client, 1, actor, at(30, 9, 0), at(1, 9, 50), at(1, 9, 50));
  complaint.run('c2', client, 0, actor, at(30, 9, 0), at(1, 10, 50), at(1, 10, 50));

  // B's script run: a telesales script left at its price step.
  const scriptId = sqlite
    .prepare(
      "INSERT INTO scripts (uid, name, created_at, updated_at) VALUES ('s', 'Продаж', 'x', 'x')",
    )
    .run().lastInsertRowid;
  const versionId = sqlite
    .prepare(
      `INSERT INTO script_versions (script_id, version, status, graph, created_by, created_at)
       VALUES (?, 1, 'draft', '{}', 'sv', 'x')`,
    )
    .run(scriptId).lastInsertRowid;
  sqlite
    .prepare(
      `INSERT INTO script_runs (version_id, interaction_id, client_id, started_by, started_at, current_node, ended_at)
       VALUES (?, ?, ?, ?, ?, 'price', ?)`,
    )
    .run(versionId, calls['B'], client, actor, at(1, 9, 30), at(1, 9, 35));

  // Sales target: 4 a day from November (IT's policy), 5 from 1 December (the supervisor's file).
  takeTargets(
    sqlite,
    [
      {
        metric: 'offersAccepted',
        period: 'day',
        value: 4,
        version: '1',
        effectiveFrom: '2026-11-01',
      },
      {
        metric: 'offersAccepted',
        period: 'day',
        value: 5,
        version: '2',
        effectiveFrom: '2026-12-01',
      },
      {
        metric: 'ahtSeconds',
        period: 'day',
        value: 300,
        version: '1',
        effectiveFrom: '2026-11-01',
      },
    ],
    'policy',
    at(30, 8, 0),
  );
});

afterAll(async () => {
  await db.close();
});

describe('the sheet of a known day', () => {
  it('counts the calls: handled once wrapped up, a call across midnight on the day it began', () => {
    const { figures } = new SheetCalculator(db.sqlite).sheet(range, options);
    expect(figures).toMatchObject({
      callsHandled: 3, // A, B, D (E is still in wrap-up, F began the evening before)
      inboundHandled: 2,
      outboundHandled: 1,
      missed: 1,
      outboundAttempts: 1,
      transferred: 1,
      inWrapUp: 1,
      talkSeconds: 690, // 270 + 300 + 120
      holdSeconds: 30,
      wrapSeconds: 210, // 60 + 120 + 30: B's lunch asked for in wrap-up starts after its save
      refusals: 1,
    });
    expect(figures.ahtSeconds).toBeCloseTo(930 / 3, 6); // (690 + 30 + 210) / 3 = 310
    expect(figures.wrapShare).toBeCloseTo(210 / 930, 6);
  });

  it("reads the operator's time from the state journal: offline is nobody's, the last state runs to now", () => {
    const { figures, breakdowns } = new SheetCalculator(db.sqlite).sheet(range, options);
    // Ready: 00:09:10–00:10 (50) + 09:00–09:10 (600) + 09:16–09:30 (840)
    //        + 10:07:20–11:00:05 (3165) + 11:02:35–11:30:05 (1650) = 6305.
    expect(figures.readySeconds).toBeCloseTo(6305, 6);
    // Not Ready: starting 08:55–09:00 (300) and lunch 09:37:20–10:07:20 (1800).
    expect(figures.notReadySeconds).toBeCloseTo(2100, 6);
    expect(breakdowns.notReadyByReason).toEqual([
      { key: 'lunch', label: 'lunch', value: 1800 },
      { key: 'starting', label: 'starting', value: 300 },
    ]);
    // On a call 490 + 300 + 320 + 120 + 60 = 1290; wrap-up 60 + 60 + 120 + 30 + 535 = 805.
    expect(figures.occupancy).toBeCloseTo(2095 / 8400, 6);
  });

  it('counts offers, orders, refusals by reason and by branch, callbacks kept and complaints', () => {
    const { figures, breakdowns } = new SheetCalculator(db.sqlite).sheet(range, options);
    expect(figures).toMatchObject({
      offersMade: 2,
      offersAccepted: 1,
      conversion: 0.5,
      ordersSubmitted: 1, // the colleague's order is theirs
      callbacksDue: 2, // the one due at noon is not due yet, the cancelled one is no promise
      callbacksKept: 1, // done 5 min after due; the other 30 min late, past the 15 min grace
      complaintsResolved: 2,
      complaintsJustified: 1,
    });
    expect(breakdowns.refusalsByReason).toEqual([
      { key: 'tooExpensive', label: 'Занадто дорого', value: 1 },
    ]);
    expect(breakdowns.refusalsByBranch).toEqual([
      { key: 'Продаж/price', label: 'Продаж → price', value: 1 },
    ]);
    expect(breakdowns.ordersByType).toEqual([
      { key: 'connection', label: 'Підключення послуги', value: 1 },
    ]);
  });

  it('says the target changed that day, paces today and tells how many calls the rest takes', () => {
    const sheet = new SheetCalculator(db.sqlite).sheet(range, options);
    expect(sheet.changes).toEqual([
      { day: '2026-12-01', kind: 'target', metric: 'offersAccepted', from: 4, to: 5, version: '2' },
    ]);
    expect(sheet.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ metric: 'offersAccepted', value: 5, version: '2', met: false }),
        // AHT 310 s against at most 300 s.
        expect.objectContaining({ metric: 'ahtSeconds', value: 300, met: false }),
      ]),
    );
    // 09:00–18:00 with no schedule; at 11:40, 160 of 540 minutes: 5 × 0.296 = 1.5 expected.
    expect(sheet.pacing).toEqual([
      expect.objectContaining({
        metric: 'offersAccepted',
        target: 5,
        done: 1,
        expectedByNow: 1.5,
        remaining: 4,
        // 1 sale in 3 calls handled: 4 more sales take 12 calls.
        callsAtCurrentRate: 12,
        shift: { from: '09:00', to: '18:00', fromSchedule: false },
      }),
    ]);
  });

  it('draws a point a day and a trend of weeks, with the best week', () => {
    const sheet = new SheetCalculator(db.sqlite).sheet(
      { from: '2026-11-30', to: '2026-12-01' },
      options,
    );
    expect(sheet.days).toEqual([
      {
        day: '2026-11-30',
        callsHandled: 1,
        offersAccepted: 0,
        offersMade: 0,
        ahtSeconds: 600 + 60,
      },
      { day: '2026-12-01', callsHandled: 3, offersAccepted: 1, offersMade: 2, ahtSeconds: 310 },
    ]);
    expect(sheet.weeks).toHaveLength(12);
    expect(sheet.weeks.at(-1)).toMatchObject({
      weekStart: '2026-11-30',
      callsHandled: 4,
      offersAccepted: 1,
    });
    expect(sheet.best).toEqual({ weekStart: '2026-11-30', offersAccepted: 1, callsHandled: 4 });
    expect(sheet.peers).toBeNull();
  });

  it('lists the calls behind a figure, newest first', () => {
    const handled = drillCalls(db.sqlite, 'callsHandled', range);
    expect(handled.total).toBe(3);
    expect(handled.calls.map((c) => c.interactionId)).toEqual([calls['D'], calls['B'], calls['A']]);
    expect(handled.calls[0]).toMatchObject({ clientName: 'Коваленко Ірина', direction: 'inbound' });
    expect(
      drillCalls(db.sqlite, 'offersAccepted', range).calls.map((c) => c.interactionId),
    ).toEqual([calls['A']]);
    expect(drillCalls(db.sqlite, 'inWrapUp', range).calls.map((c) => c.interactionId)).toEqual([
      calls['E'],
    ]);
  });

  it('computes on its worker thread, the same figures', async () => {
    const runner = new SheetRunner(
      path.resolve(import.meta.dirname, '../../support/sheetWorker.mjs'),
      { file: db.file },
      silentLogger,
    );
    try {
      const { defaultShift, language, callbackGraceMinutes, scheduleNames } = options;
      const sheet = await runner.ask({
        type: 'sheet',
        range,
        options: { actor, defaultShift, language, callbackGraceMinutes, scheduleNames },
        now: now.toISOString(),
      });
      expect(sheet.figures.callsHandled).toBe(3);
      expect(sheet.figures.conversion).toBe(0.5);
      const drill = await runner.ask({ type: 'drill', metric: 'missed', range });
      expect(drill).toMatchObject({
        metric: 'missed',
        total: 1,
        calls: [{ interactionId: calls['C'] }],
      });
    } finally {
      await runner.stop();
    }
  });
});
