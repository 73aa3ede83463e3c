import type BetterSqlite3 from 'better-sqlite3';
import type { CallTimeView } from '../../../src-shared/campaigns/clientCallRules';
import { recordChange } from '../db/changeJournal';

/**
 * The hours a client asked to be called in ("only after six"), their local
 * time: every list keeps to them from the next dial.
 */
export class CallTimes {
  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  of(clientId: number): CallTimeView {
    const row = this.sqlite
      .prepare('SELECT from_time AS "from", to_time AS "to" FROM call_times WHERE client_id = ?')
      .get(clientId) as { from: string; to: string } | undefined;
    return row ?? null;
  }

  /** Sets (or, with null, clears) the client's hours; false for a client the base lacks. */
  set(clientId: number, hours: CallTimeView, actor: string, now: Date): boolean {
    const at = now.toISOString();
    return this.sqlite.transaction(() => {
      if (this.sqlite.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId) === undefined)
        return false;
      if (hours === null)
        this.sqlite.prepare('DELETE FROM call_times WHERE client_id = ?').run(clientId);
      else
        this.sqlite
          .prepare(
            `INSERT INTO call_times (client_id, from_time, to_time, set_by, set_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (client_id) DO UPDATE SET from_time = excluded.from_time,
               to_time = excluded.to_time, set_by = excluded.set_by, set_at = excluded.set_at`,
          )
          .run(clientId, hours.from, hours.to, actor, at);
      recordChange(this.sqlite, {
        at,
        actor,
        action: 'client.callTime',
        entity: 'client',
        entityId: clientId,
        details: { hours },
        outbox: { op: 'update', payload: { clientId, callTime: hours } },
      });
      return true;
    })();
  }
}
