import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource, type MigrationInterface } from 'typeorm';
import { systemClock, type Clock, type Logger } from '../platform/ports';
import { restoreBulkLoadIndexes } from './bulkLoadIndexes';
import { prepareConnection } from './connection';
import {
  DatabaseKeyError,
  encryptPlainDatabase,
  isPlainDatabaseFile,
  type DatabaseKey,
} from './encryption';
import { entities } from './entities';
import { migrations as allMigrations } from './migrations';

type MigrationClass = new () => MigrationInterface;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly unknownMigrations: string[],
  ) {
    super(
      `The database ${file} was written by a newer version of Pult (${unknownMigrations.join(', ')}). ` +
        'Install the newer version of Pult, or ask IT to restore a backup made by this version.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface PultDatabase {
  readonly file: string;
  readonly dataSource: DataSource;
  /** The same connection, for hot paths that need prepared statements. */
  readonly sqlite: BetterSqlite3.Database;
  readonly schemaVersion: number;
  close(): Promise<void>;
}

export interface OpenOptions {
  logger: Logger;
  /** Tests open older schema versions with a prefix of the list. */
  migrations?: readonly MigrationClass[];
  /**
   * The workstation's key: the file is encrypted with it (a plain file is
   * encrypted first). Without one the file is plain (tests, tools).
   */
  key?: DatabaseKey;
  /** When an interrupted import is said to have ended. */
  clock?: Clock;
}

/**
 * Opens (creating if needed) the workstation's SQLite file: WAL, foreign keys,
 * a busy timeout, migrations only. A database written by a newer Pult is
 * refused before anything touches it, so an old install never damages it.
 */
export async function openDatabase(file: string, options: OpenOptions): Promise<PultDatabase> {
  const migrations = options.migrations ?? allMigrations;
  const { key } = options;
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  if (key !== undefined && file !== ':memory:' && isPlainDatabaseFile(file)) {
    options.logger.info('database: encrypting the plain client base', { file });
    encryptPlainDatabase(file, key);
  }
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: file,
    entities,
    migrations: [...migrations],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    timeout: 5000,
    prepareDatabase: (db: BetterSqlite3.Database) =>
      prepareConnection(db, { key, busyTimeoutMs: 5000 }),
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    // A wrong key reads as a file that is not a database.
    if (key !== undefined && (error as { code?: unknown }).code === 'SQLITE_NOTADB')
      throw new DatabaseKeyError(file);
    throw error;
  }
  try {
    const sqlite = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database })
      .databaseConnection;
    const known = new Set(migrations.map((m) => new m().name ?? m.name));
    if (hasTable(sqlite, 'migrations')) {
      const applied = sqlite.prepare('SELECT name FROM migrations').all() as { name: string }[];
      const unknown = applied.map((row) => row.name).filter((name) => !known.has(name));
      if (unknown.length > 0) throw new DatabaseTooNewError(file, unknown);
    }
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    if (ran.length > 0) {
      options.logger.info('database migrated', { file, applied: ran.map((m) => m.name) });
    }
    sqlite.pragma(`user_version = ${migrations.length}`);
    markInterruptedImports(sqlite, options.clock ?? systemClock);
    const rebuilt = hasTable(sqlite, 'clients') ? restoreBulkLoadIndexes(sqlite) : [];
    if (rebuilt.length > 0) {
      options.logger.warn('indexes left out by an interrupted import were built again', {
        file,
        indexes: rebuilt,
      });
    }
    return {
      file,
      dataSource,
      sqlite,
      schemaVersion: migrations.length,
      close: () => dataSource.destroy(),
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/** An import that was running when the app died is over: say so, with what it had committed. */
function markInterruptedImports(sqlite: BetterSqlite3.Database, clock: Clock): void {
  if (!hasTable(sqlite, 'import_jobs')) return;
  sqlite
    .prepare(
      "UPDATE import_jobs SET status = 'interrupted', finished_at = ? WHERE status = 'running'",
    )
    .run(clock.now().toISOString());
}

function hasTable(sqlite: BetterSqlite3.Database, name: string): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}
