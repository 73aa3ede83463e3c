import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

describe('migration 11, from version 10', () => {
  it('gives each wrapped-up call the time its wrap-up was saved, and leaves one not wrapped up without', async () => {
    const db = await upgradeTo(11, ({ sqlite }) => {
      const call = sqlite.prepare(
        `INSERT INTO interactions (kind, direction, remote_number, offered_at, answered_at, ended_at, outcome)
         VALUES ('call', 'inbound', '+380671234567', ?, ?, ?, ?)`,
      );
      call.run(
        '2026-12-01T09:00:00.000Z',
        '2026-12-01T09:00:05.000Z',
        '2026-12-01T09:03:00.000Z',
        'sale',
      );
      call.run(
        '2026-12-01T10:00:00.000Z',
        '2026-12-01T10:00:05.000Z',
        '2026-12-01T10:02:00.000Z',
        'info',
      );
      call.run(
        '2026-12-01T11:00:00.000Z',
        '2026-12-01T11:00:05.000Z',
        '2026-12-01T11:01:00.000Z',
        null,
      );
      const state = sqlite.prepare(
        'INSERT INTO agent_state_events (at, actor, state, reason) VALUES (?, ?, ?, ?)',
      );
      state.run('2026-12-01T09:00:00.000Z', 'op', 'ready', null);
      state.run('2026-12-01T09:10:00.000Z', 'op', 'notReady', 'lunch');
      // Pult was killed at lunch: the next start says nothing about how long lunch was.
      state.run('2026-12-01T11:00:00.000Z', 'op', 'notReady', 'starting');
      state.run('2026-12-01T11:00:30.000Z', 'op', 'ready', null);
      sqlite
        .prepare(
          `INSERT INTO audit_events (at, actor, action, entity, entity_id, details)
           VALUES ('2026-12-01T09:03:40.000Z', 'op', 'call.wrapUp', 'interaction', 1, '{}')`,
        )
        .run();
    });
    try {
      const rows = db.sqlite
        .prepare('SELECT id, wrapped_up_at AS wrappedUpAt FROM interactions ORDER BY id')
        .all();
      expect(rows).toEqual([
        // From the audit row: 40 seconds of wrap-up.
        { id: 1, wrappedUpAt: '2026-12-01T09:03:40.000Z' },
        // An outcome with no audit row: no wrap-up time is made up.
        { id: 2, wrappedUpAt: '2026-12-01T10:02:00.000Z' },
        { id: 3, wrappedUpAt: null },
      ]);
      // Each state gets its length; a state cut by a crash gets none; the last stays open.
      expect(
        db.sqlite.prepare('SELECT state, seconds FROM agent_state_events ORDER BY id').all(),
      ).toEqual([
        { state: 'ready', seconds: 600 },
        { state: 'notReady', seconds: 0 },
        { state: 'notReady', seconds: 30 },
        { state: 'ready', seconds: null },
      ]);
      // The day-off form's status is one of three, and a record backs one achievement only.
      const request = db.sqlite.prepare(
        `INSERT INTO day_off_requests (uid, day, reason, status, created_by, created_at)
         VALUES (?, '2026-12-08', 'сімейні обставини', ?, 'op', '2026-12-01T09:00:00.000Z')`,
      );
      request.run('a', 'submitted');
      expect(() => request.run('b', 'maybe')).toThrow(/CHECK/);
      const achievement = db.sqlite.prepare(
        `INSERT INTO achievements (uid, day, kind_code, kind_title, points, verdict, backed_entity, backed_id, checked_at, created_by, created_at)
         VALUES (?, '2026-12-01', 'sale', 'Продаж', 2, 'confirmed', 'order', 7, 'x', 'op', 'x')`,
      );
      achievement.run('a');
      expect(() => achievement.run('b')).toThrow(/UNIQUE/);
    } finally {
      await db.close();
    }
  });
});
