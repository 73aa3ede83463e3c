import type BetterSqlite3 from 'better-sqlite3';

/**
 * Answers kept while the base is unchanged: nothing written on this
 * connection (`total_changes()`, triggers included) and nothing committed by
 * another one (an import, the search indexer: `PRAGMA data_version`). Any
 * write, to any table, forgets them all: a spent answer costs a recount,
 * never a wrong figure. For what is slow to work out at a million clients
 * and asked again and again (the list's total, once per page scrolled).
 */
export class UnchangedCache<T> {
  private readonly answers = new Map<string, T>();
  private stamp = '';
  private readonly version: BetterSqlite3.Statement;
  private readonly changes: BetterSqlite3.Statement;

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly room = 32,
  ) {
    this.version = sqlite.prepare('PRAGMA data_version').pluck();
    this.changes = sqlite.prepare('SELECT total_changes()').pluck();
  }

  get(key: string, work: () => T): T {
    const stamp = `${String(this.version.get())}:${String(this.changes.get())}`;
    if (stamp !== this.stamp) {
      this.answers.clear();
      this.stamp = stamp;
    }
    const kept = this.answers.get(key);
    if (kept !== undefined) return kept;
    const answer = work();
    if (this.answers.size >= this.room) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }
}
