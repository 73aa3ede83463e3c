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
}
