import { describe, expect, it } from 'vitest';
import { tempDatabaseFile } from '../../support/tempDatabase';
import { openAtVersion } from './upgrade';

describe('migration 4, from version 3', () => {
  it('adds callbacks and keeps the agent journal', async () => {
    const file = tempDatabaseFile();
    const v3 = await openAtVersion(3, file);
    v3.sqlite
      .prepare(
        "INSERT INTO agent_state_events (at, actor, state) VALUES ('2026-11-27T08:00:00.000Z', 'op1', 'ready')",
      )
      .run();
    await v3.close();
    const v4 = await openAtVersion(4, file);
    try {
      expect(v4.sqlite.prepare('SELECT state FROM agent_state_events').all()).toEqual([
        { state: 'ready' },
      ]);
      expect(
        v4.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'callbacks'").get(),
      ).toEqual({ name: 'callbacks' });
    } finally {
      await v4.close();
    }
  });
});
