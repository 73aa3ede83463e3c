import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

const uuidv7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('migration 20, from version 19', () => {
  it('gives callbacks global ids, sends each new one and each change to the team, and nothing landed from it', async () => {
    const v20 = await upgradeTo(20, (v19) => {
      v19.sqlite.exec(`
        INSERT INTO clients (id, full_name, sort_key, created_at, updated_at) VALUES (1, 'К', 'к', 'x', 'x');
        INSERT INTO callbacks (client_id, due_at, status, note, created_by, created_at, updated_at)
          VALUES (1, '2026-12-08T09:00:00.000Z', 'pending', '', 'op1', '2026-12-07T09:00:00.000Z', 'x');`);
    });
    try {
      const { sqlite } = v20;
      expect(sqlite.prepare('SELECT uid FROM callbacks WHERE id = 1').pluck().get()).toMatch(
        uuidv7,
      );
      const sent = () =>
        sqlite
          .prepare(
            "SELECT json_extract(payload, '$.status') FROM outbox WHERE entity = 'teamCallback' ORDER BY id",
          )
          .pluck()
          .all();
      // The one from before: not sent until it changes (its client may not be on the center).
      expect(sent()).toEqual([]);
      sqlite.exec(
        `INSERT INTO callbacks (client_id, due_at, status, note, created_by, created_at, updated_at)
         VALUES (1, '2026-12-09T09:00:00.000Z', 'pending', 'ще раз', 'op1', '2026-12-07T10:00:00.000Z', 'y')`,
      );
      sqlite.exec("UPDATE callbacks SET status = 'done' WHERE id = 1");
      expect(sent()).toEqual(['pending', 'done']);
      // Landed from the team's feed: not sent back.
      sqlite.exec('UPDATE sync_state SET applying = 1');
      sqlite.exec("UPDATE callbacks SET status = 'cancelled' WHERE id = 2");
      sqlite.exec('UPDATE sync_state SET applying = 0');
      expect(sent()).toEqual(['pending', 'done']);
    } finally {
      await v20.close();
    }
  });
});
