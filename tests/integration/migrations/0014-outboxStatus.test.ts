import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

describe('migration 14, from version 13', () => {
  it('keeps changes already sent as sent and the rest pending, and gives the workstation its identity once', async () => {
    const db = await upgradeTo(14, ({ sqlite }) => {
      const change = sqlite.prepare(
        "INSERT INTO outbox (at, entity, entity_id, op, payload, sent_at) VALUES ('2026-12-01T09:00:00Z', 'client', 1, 'update', '{}', ?)",
      );
      change.run('2026-12-01T09:00:05Z');
      change.run(null);
    });
    try {
      const { sqlite } = db;
      expect(sqlite.prepare('SELECT id, status, tries FROM outbox ORDER BY id').all()).toEqual([
        { id: 1, status: 'sent', tries: 0 },
        { id: 2, status: 'pending', tries: 0 },
      ]);
      const state = sqlite.prepare('SELECT workstation FROM sync_state').all() as {
        workstation: string;
      }[];
      expect(state).toHaveLength(1);
      expect(state[0]?.workstation).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(() =>
        sqlite.prepare("INSERT INTO sync_state (id, workstation) VALUES (2, 'x')").run(),
      ).toThrow(/CHECK/);
      expect(() => sqlite.prepare("UPDATE outbox SET status = 'lost' WHERE id = 1").run()).toThrow(
        /CHECK/,
      );
    } finally {
      await db.close();
    }
  });
});
