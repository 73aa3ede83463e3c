import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

describe('migration 13, from version 12', () => {
  it('keeps the lists as they were (no hours of their own) and takes a client’s call time, refusing a malformed one', async () => {
    const db = await upgradeTo(13, ({ sqlite }) => {
      sqlite
        .prepare(
          `INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
           VALUES (1, 'Коваленко Андрій', 'коваленко андрій', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')`,
        )
        .run();
      sqlite
        .prepare(
          `INSERT INTO campaigns (id, uid, name, purpose, status, created_by, created_at)
           VALUES (1, 'c1', 'Нагадування', 'reminder', 'active', 'op', '2026-12-01T09:00:00Z')`,
        )
        .run();
    });
    try {
      const { sqlite } = db;
      expect(
        sqlite.prepare('SELECT name, hours_from AS f, hours_to AS t FROM campaigns').all(),
      ).toEqual([{ name: 'Нагадування', f: null, t: null }]);
      const set = sqlite.prepare(
        "INSERT OR REPLACE INTO call_times (client_id, from_time, to_time, set_by, set_at) VALUES (1, ?, ?, 'op', 'x')",
      );
      set.run('18:00', '21:00');
      expect(() => set.run('6pm', '21:00')).toThrow(/CHECK/);
      expect(() => set.run('21:00', '18:00')).toThrow(/CHECK/);
      expect(() => set.run('18:00', '25:00')).toThrow(/CHECK/);
      expect(() =>
        sqlite.prepare("UPDATE campaigns SET hours_from = '9:00' WHERE id = 1").run(),
      ).toThrow(/CHECK/);
      // A client gone takes their call time with them.
      sqlite.prepare('DELETE FROM clients WHERE id = 1').run();
      expect(sqlite.prepare('SELECT count(*) AS n FROM call_times').get()).toEqual({ n: 0 });
    } finally {
      await db.close();
    }
  });
});
