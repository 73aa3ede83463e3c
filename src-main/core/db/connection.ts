import type BetterSqlite3 from 'better-sqlite3';
import { unlockDatabase, type DatabaseKey } from './encryption';

const newBasePageSize = 16_384;

/**
 * What every connection to the client base does first, the app's and an
 * import worker's alike: unlock the file (the key must come before anything
 * else), then WAL, foreign keys and a busy timeout. Kept apart from
 * `openDatabase` so a worker gets it without TypeORM.
 */
export function prepareConnection(
  sqlite: BetterSqlite3.Database,
  options: { key?: DatabaseKey | undefined; busyTimeoutMs: number },
): void {
  if (options.key !== undefined) unlockDatabase(sqlite, options.key);
  // Only an empty file takes a page size (a base made earlier keeps its own).
  if (sqlite.pragma('page_count', { simple: true }) === 0)
    sqlite.pragma(`page_size = ${newBasePageSize}`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
  sqlite.pragma('foreign_keys = ON');
  beginTransactionsImmediate(sqlite);
}

/**
 * Every `sqlite.transaction(fn)()` on this connection begins IMMEDIATE. A
 * deferred transaction that reads and then writes (a client's edit reads the
 * stored client first) fails at once with "database is locked", without the
 * busy timeout's wait, when another connection (the search indexer, an
 * import, a file job) committed between its read and its write: SQLite
 * cannot upgrade a read snapshot that is no longer the newest. Taking the
 * write lock first makes it wait its turn instead. `.deferred()` stays there
 * for a transaction that only reads.
 */
function beginTransactionsImmediate(sqlite: BetterSqlite3.Database): void {
  const made = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...args: never[]) => unknown) => {
    const transaction = made(fn);
    const immediate = (...args: never[]) => transaction.immediate(...args);
    return Object.assign(immediate, {
      default: immediate,
      deferred: (...args: never[]) => transaction.deferred(...args),
      immediate,
      exclusive: (...args: never[]) => transaction.exclusive(...args),
    });
  }) as typeof sqlite.transaction;
}
