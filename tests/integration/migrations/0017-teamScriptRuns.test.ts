import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

const uuidv7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('migration 17, from version 16', () => {
  it('gives every script run a global id from its start, every new one gets its own, and colleagues’ runs have a table by client', async () => {
    const v17 = await upgradeTo(17, (v16) => {
      v16.sqlite.exec(`
        INSERT INTO scripts (uid, name, created_at, updated_at) VALUES ('u1', 'S', 'x', 'x');
        INSERT INTO script_versions (script_id, version, status, graph, created_by, created_at)
          VALUES (1, 1, 'published', '{}', 'op', 'x');
        INSERT INTO script_runs (version_id, started_by, started_at, current_node)
          VALUES (1, 'op', '2026-03-01T09:00:00.000Z', 'a');`);
    });
    try {
      const { sqlite } = v17;
      const before = sqlite.prepare('SELECT uid FROM script_runs WHERE id = 1').pluck().get();
      expect(before).toMatch(uuidv7);
      expect(String(before).slice(0, 8)).toBe(
        new Date('2026-03-01T09:00:00.000Z').getTime().toString(16).padStart(12, '0').slice(0, 8),
      );
      sqlite
        .prepare(
          "INSERT INTO script_runs (version_id, started_by, started_at, current_node) VALUES (1, 'op', ?, 'a')",
        )
        .run(new Date().toISOString());
      const later = sqlite.prepare('SELECT uid FROM script_runs WHERE id = 2').pluck().get();
      expect(later).toMatch(uuidv7);
      expect(later).not.toBe(before);
      expect(() =>
        sqlite.prepare('UPDATE script_runs SET uid = ? WHERE id = 2').run(before),
      ).toThrow(/UNIQUE/);
      sqlite
        .prepare(
          "INSERT INTO team_script_runs (uid, client_uid, operator, summary, received_at) VALUES ('r1', 'c1', 'op2', '{}', 'x')",
        )
        .run();
      expect(
        sqlite
          .prepare("SELECT operator FROM team_script_runs WHERE client_uid = 'c1'")
          .pluck()
          .all(),
      ).toEqual(['op2']);
    } finally {
      await v17.close();
    }
  });
});
