import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

describe('migration 9, from version 8', () => {
  it('marks every run made before as a real one, and a test run as 0 or 1 only', async () => {
    const v9 = await upgradeTo(9, (v8) => {
      v8.sqlite.exec(`
        INSERT INTO scripts (uid, name, created_at, updated_at) VALUES ('u1', 'S', 'x', 'x');
        INSERT INTO script_versions (script_id, version, status, graph, created_by, created_at)
          VALUES (1, 1, 'published', '{}', 'op', 'x');
        INSERT INTO script_runs (version_id, started_by, started_at, current_node) VALUES (1, 'op', 'x', 'a');`);
    });
    try {
      expect(v9.sqlite.prepare('SELECT id, test FROM script_runs').all()).toEqual([
        { id: 1, test: 0 },
      ]);
      expect(() =>
        v9.sqlite
          .prepare(
            "INSERT INTO script_runs (version_id, started_by, started_at, current_node, test) VALUES (1, 'op', 'x', 'a', 2)",
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      await v9.close();
    }
  });
});
