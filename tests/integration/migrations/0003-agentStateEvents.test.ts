import { describe, expect, it } from 'vitest';
import { tempDatabaseFile } from '../../support/tempDatabase';
import { openAtVersion } from './upgrade';

describe('migration 3, from version 2', () => {
  it('adds the agent state journal and keeps what version 2 had', async () => {
    const file = tempDatabaseFile();
    const v2 = await openAtVersion(2, file);
    const reasons = v2.sqlite.prepare('SELECT count(*) AS n FROM refusal_reasons').get();
    expect(
      v2.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'agent_state_events'").get(),
    ).toBeUndefined();
    await v2.close();
    const v3 = await openAtVersion(3, file);
    try {
      expect(v3.sqlite.prepare('SELECT count(*) AS n FROM refusal_reasons').get()).toEqual(reasons);
      v3.sqlite
        .prepare(
          "INSERT INTO agent_state_events (at, actor, state, reason) VALUES (?, 'op', 'notReady', 'lunch')",
        )
        .run('2026-11-27T12:00:00.000Z');
      expect(() =>
        v3.sqlite
          .prepare(
            "INSERT INTO agent_state_events (at, actor, state) VALUES ('x', 'op', 'sleeping')",
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      await v3.close();
    }
  });
});
