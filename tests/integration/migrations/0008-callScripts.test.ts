import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

describe('migration 8, from version 7', () => {
  it('adds scripts, their versions, runs and steps, next to the calls already there', async () => {
    const v8 = await upgradeTo(8, (v7) => {
      v7.sqlite
        .prepare(
          `INSERT INTO interactions (kind, direction, remote_number, sip_call_id, offered_at)
           VALUES ('call', 'inbound', '+380671234567', 'c1', '2026-12-01T10:00:00.000Z')`,
        )
        .run();
    });
    try {
      const tables = v8.sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'script%' ORDER BY name",
        )
        .pluck()
        .all();
      expect(tables).toEqual(['script_run_steps', 'script_runs', 'script_versions', 'scripts']);
      v8.sqlite
        .prepare(
          "INSERT INTO scripts (uid, name, created_at, updated_at) VALUES ('u1', 'S', 'x', 'x')",
        )
        .run();
      v8.sqlite
        .prepare(
          `INSERT INTO script_versions (script_id, version, status, graph, created_by, created_at)
           VALUES (1, 1, 'published', '{}', 'op', 'x')`,
        )
        .run();
      v8.sqlite
        .prepare(
          `INSERT INTO script_runs (version_id, interaction_id, started_by, started_at, current_node)
           VALUES (1, 1, 'op', 'x', 'start')`,
        )
        .run();
      // A run keeps its version: the version cannot go while runs stand on it.
      expect(() => v8.sqlite.prepare('DELETE FROM script_versions WHERE id = 1').run()).toThrow();
      expect(() =>
        v8.sqlite
          .prepare(
            "INSERT INTO script_run_steps (run_id, version_id, at, kind, node_id) VALUES (1, 1, 'x', 'jumped', 'a')",
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      await v8.close();
    }
  });
});
