import type BetterSqlite3 from 'better-sqlite3';
import type { AgentStateRecord } from './agentStateService';
import { appendState } from './stateJournal';

/**
 * Writes agent state changes to the database; the ones made before the
 * database is open (at launch) are kept and written as soon as it is.
 */
export class AgentJournal {
  private sqlite: BetterSqlite3.Database | undefined;
  private readonly waiting: AgentStateRecord[] = [];

  attach(db: { sqlite: BetterSqlite3.Database }): void {
    this.sqlite = db.sqlite;
    for (const record of this.waiting.splice(0)) this.write(record);
  }

  write(record: AgentStateRecord): void {
    if (this.sqlite === undefined) {
      this.waiting.push(record);
      return;
    }
    appendState(this.sqlite, record);
  }
}
