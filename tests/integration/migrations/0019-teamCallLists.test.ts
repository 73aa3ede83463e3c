import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

describe('migration 19, from version 18', () => {
  it('keeps lists and leads as the desk’s own, and marks a team lead that moves, only it', async () => {
    const v19 = await upgradeTo(19, (v18) => {
      v18.sqlite.exec(`
        INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
          VALUES (1, 'К', 'к', 'x', 'x');
        INSERT INTO campaigns (id, uid, name, purpose, status, created_by, created_at)
          VALUES (1, 'c1', 'Список', 'survey', 'active', 'op', 'x');
        INSERT INTO leads (id, uid, campaign_id, client_id, e164, state, due_at, created_at)
          VALUES (1, 'l1', 1, 1, '+380670000001', 'due', '2026-12-07T10:00:00.000Z', 'x');`);
    });
    try {
      const { sqlite } = v19;
      expect(sqlite.prepare('SELECT team_shared_at FROM campaigns').pluck().get()).toBeNull();
      const lead = () =>
        sqlite
          .prepare('SELECT reserved_until AS until, team_dirty AS dirty FROM leads WHERE id = ?')
          .get(1);
      expect(lead()).toEqual({ until: null, dirty: 0 });
      // The desk's own lead moves: nothing to tell anyone.
      sqlite.exec("UPDATE leads SET state = 'done', last_result = 'sale' WHERE id = 1");
      expect(lead()).toEqual({ until: null, dirty: 0 });
      // A lead the center holds for this operator moves: marked to be told.
      sqlite.exec(
        "UPDATE leads SET state = 'due', reserved_until = '2026-12-07T10:30:00.000Z' WHERE id = 1",
      );
      sqlite.exec('UPDATE leads SET team_dirty = 0 WHERE id = 1');
      sqlite.exec("UPDATE leads SET due_at = NULL, last_result = 'dialling' WHERE id = 1");
      expect(lead()).toEqual({ until: '2026-12-07T10:30:00.000Z', dirty: 1 });
    } finally {
      await v19.close();
    }
  });
});
