import type BetterSqlite3 from 'better-sqlite3';

/**
 * Indexes a bulk load drops and builds again at its end: building an index
 * over a million rows once (a sort) is about ten times faster than keeping it
 * up to date row by row in random order. client_phones(client_id) stays, since
 * new ids only ever append to it and merges read phones through it.
 *
 * While they are missing, lookups still answer, by scanning (tens of
 * milliseconds at a million rows). A load cut off by a crash leaves them
 * missing; opening the database builds them again (`restoreBulkLoadIndexes`).
 */
const bulkLoadIndexes = [
  { name: 'clients_sort_key', sql: 'ON clients(sort_key, id)' },
  { name: 'client_phones_e164', sql: 'ON client_phones(e164)' },
] as const;

export function dropBulkLoadIndexes(sqlite: BetterSqlite3.Database): void {
  for (const index of bulkLoadIndexes) sqlite.exec(`DROP INDEX IF EXISTS ${index.name}`);
}

/** Builds whichever of them is missing; returns their names. */
export function restoreBulkLoadIndexes(sqlite: BetterSqlite3.Database): string[] {
  const missing = bulkLoadIndexes.filter(
    (index) =>
      sqlite
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?")
        .get(index.name) === undefined,
  );
  if (missing.length === 0) return [];
  // The sorter may use a second thread; the rest of the app waits on the write lock meanwhile.
  const threads = sqlite.pragma('threads', { simple: true }) as number;
  sqlite.pragma('threads = 2');
  try {
    sqlite.transaction(() => {
      for (const index of missing) sqlite.exec(`CREATE INDEX ${index.name} ${index.sql}`);
    })();
  } finally {
    sqlite.pragma(`threads = ${threads}`);
  }
  return missing.map((index) => index.name);
}
