import type BetterSqlite3 from 'better-sqlite3';
import type { AgentStateRecord } from './agentStateService';

/**
 * Appends a state change to the journal and closes the one before it with
 * its length, in one transaction: the sheet sums lengths over the index
 * instead of walking every change. A state followed by a start with no quit
 * recorded between (a crash, a power cut) is not known to have lasted, and
 * gets 0; the new state stays open (NULL) until the next change. Raw
 * statements: the demo and the bench write the journal the same way.
 */
export function appendState(sqlite: BetterSqlite3.Database, record: AgentStateRecord): void {
  sqlite.transaction(() => {
    const last = sqlite
      .prepare<
        [string],
        { id: number; at: string; state: string; reason: string | null; seconds: number | null }
      >(
        // The latest change is the open one: read from the end of the index, never a scan.
        `SELECT id, at, state, reason, seconds FROM agent_state_events
         WHERE actor = ? ORDER BY at DESC LIMIT 1`,
      )
      .get(record.actor);
    if (last !== undefined && last.seconds === null) {
      const crashed =
        record.state === 'notReady' &&
        record.reason === 'starting' &&
        !(last.state === 'notReady' && last.reason === 'offline');
      const seconds = crashed
        ? 0
        : Math.max(0, (Date.parse(record.at) - Date.parse(last.at)) / 1000);
      sqlite
        .prepare('UPDATE agent_state_events SET seconds = ? WHERE id = ?')
        .run(seconds, last.id);
    }
    sqlite
      .prepare('INSERT INTO agent_state_events (at, actor, state, reason) VALUES (?, ?, ?, ?)')
      .run(record.at, record.actor, record.state, record.reason);
  })();
}
