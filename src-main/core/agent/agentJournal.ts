import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { runBuilt } from '../db/builtStatements';
import { AgentStateEventEntity } from '../db/entities/recordEntities';
import type { AgentStateRecord } from './agentStateService';

interface JournalDatabase {
  dataSource: DataSource;
  sqlite: BetterSqlite3.Database;
}

/**
 * Writes agent state changes to the database; the ones made before the
 * database is open (at launch) are kept and written as soon as it is.
 */
export class AgentJournal {
  private db: JournalDatabase | undefined;
  private readonly waiting: AgentStateRecord[] = [];

  attach(db: JournalDatabase): void {
    this.db = db;
    for (const record of this.waiting.splice(0)) this.write(record);
  }

  write(record: AgentStateRecord): void {
    if (this.db === undefined) {
      this.waiting.push(record);
      return;
    }
    const insert = this.db.dataSource
      .createQueryBuilder()
      .insert()
      .into(AgentStateEventEntity)
      .values({ at: record.at, actor: record.actor, state: record.state, reason: record.reason });
    runBuilt(this.db.sqlite, insert);
  }
}
