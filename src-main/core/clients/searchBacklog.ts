import type BetterSqlite3 from 'better-sqlite3';

export interface SearchBacklogProgress {
  /** Clients still to be indexed. */
  pending: number;
  /** Clients indexed by this run so far. */
  indexed: number;
}

/** Rows per transaction: small enough that a save in the app never waits long for the write lock. */
const defaultChunk = 10_000;

/**
 * Clients whose search rows are still to be written (see migration 5). A bulk
 * import adds id ranges; `indexNext` writes one chunk of search rows and
 * shrinks the backlog in the same transaction, so a crash never loses or
 * doubles a row, and the next start carries on where it stopped. Raw prepared
 * statements: the import worker runs it on its own connection, without TypeORM.
 */
export class SearchBacklog {
  private readonly add: BetterSqlite3.Statement<[number, number]>;
  private readonly first: BetterSqlite3.Statement<
    [],
    { id: number; firstId: number; lastId: number }
  >;
  private readonly count: BetterSqlite3.Statement<[], { pending: number | null }>;
  private readonly index: BetterSqlite3.Statement<[number, number]>;
  private readonly shrink: BetterSqlite3.Statement<[number, number]>;
  private readonly remove: BetterSqlite3.Statement<[number]>;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.add = sqlite.prepare('INSERT INTO search_backlog (first_id, last_id) VALUES (?, ?)');
    this.first = sqlite.prepare(
      'SELECT id, first_id AS firstId, last_id AS lastId FROM search_backlog ORDER BY first_id LIMIT 1',
    );
    this.count = sqlite.prepare(
      'SELECT sum(last_id - first_id + 1) AS pending FROM search_backlog',
    );
    // The same text the triggers index: apostrophes dropped from names, all phones' digit forms, address with city.
    this.index = sqlite.prepare(
      `INSERT INTO client_search (rowid, name, phones, address)
       SELECT c.id, replace(replace(c.full_name, '''', ''), '’', ''),
         coalesce((SELECT group_concat(search_tokens, ' ') FROM client_phones WHERE client_id = c.id), ''),
         c.address || ' ' || c.city
       FROM clients c WHERE c.id BETWEEN ? AND ?`,
    );
    this.shrink = sqlite.prepare('UPDATE search_backlog SET first_id = ? WHERE id = ?');
    this.remove = sqlite.prepare('DELETE FROM search_backlog WHERE id = ?');
  }

  /** Call inside the transaction that inserts these clients. */
  defer(firstId: number, lastId: number): void {
    this.add.run(firstId, lastId);
  }

  pending(): number {
    return this.count.get()?.pending ?? 0;
  }

  /** Indexes up to `chunk` backlogged clients; returns how many ids it covered (0: nothing left). */
  indexNext(chunk = defaultChunk): number {
    // Immediate: two indexers (an import's and a resumed one) take turns instead of failing.
    return this.sqlite
      .transaction(() => {
        const range = this.first.get();
        if (range === undefined) return 0;
        const last = Math.min(range.lastId, range.firstId + chunk - 1);
        this.index.run(range.firstId, last);
        if (last === range.lastId) this.remove.run(range.id);
        else this.shrink.run(last + 1, range.id);
        return last - range.firstId + 1;
      })
      .immediate();
  }

  /** Indexes the whole backlog, a chunk at a time, reporting after each. */
  async drain(options: {
    signal?: AbortSignal;
    onProgress?: (progress: SearchBacklogProgress) => void;
    chunk?: number;
  }): Promise<SearchBacklogProgress> {
    let indexed = 0;
    let pending = this.pending();
    while (pending > 0 && options.signal?.aborted !== true) {
      const done = this.indexNext(options.chunk);
      if (done === 0) break;
      indexed += done;
      pending = Math.max(0, pending - done);
      options.onProgress?.({ pending, indexed });
      // Lets a cancel message (or anything else queued) be handled between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { pending: this.pending(), indexed };
  }
}
