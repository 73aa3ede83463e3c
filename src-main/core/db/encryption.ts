import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * The client base is encrypted at rest with SQLite3 Multiple Ciphers (the
 * `better-sqlite3` dependency is its build). AEGIS runs on the CPU's AES
 * instructions: writing a million clients cost about 6% more than plain,
 * where the library's default ChaCha20 cost 37% and doubled index builds.
 */
const cipher = 'aegis';

/** A workstation's database key: 32 random bytes as 64 hex digits. */
export type DatabaseKey = string;

export function isDatabaseKey(value: unknown): value is DatabaseKey {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

export function newDatabaseKey(): DatabaseKey {
  return randomBytes(32).toString('hex');
}

/** The base exists, but this key does not open it (or it is not a database at all). */
export class DatabaseKeyError extends Error {
  constructor(readonly file: string) {
    super(
      `The client base ${file} is encrypted, and its key (${file}.key, ` +
        "kept with this user account's system key) is missing or does not open it. " +
        'Ask IT to restore the key file, or a backup of the base.',
    );
    this.name = 'DatabaseKeyError';
  }
}

/** Must come before anything else on a new connection to an encrypted file. */
export function unlockDatabase(sqlite: BetterSqlite3.Database, key: DatabaseKey): void {
  if (!isDatabaseKey(key)) throw new Error('a database key is 64 hex digits');
  sqlite.pragma(`cipher = '${cipher}'`);
  sqlite.pragma(`hexkey = '${key}'`);
}

/** A file in SQLite's plain format (its first 16 bytes say so); an encrypted one has none. */
export function isPlainDatabaseFile(file: string): boolean {
  if (!existsSync(file)) return false;
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1') === 'SQLite format 3\0';
}

/**
 * Encrypts a plain base in place (a base from before encryption, or a copy
 * IT brought in). SQLite3 Multiple Ciphers encrypts only outside WAL mode,
 * so the WAL is folded in first and WAL mode is set again after.
 */
export function encryptPlainDatabase(file: string, key: DatabaseKey): void {
  if (!isDatabaseKey(key)) throw new Error('a database key is 64 hex digits');
  const sqlite = new Database(file);
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`cipher = '${cipher}'`);
    sqlite.pragma(`hexrekey = '${key}'`);
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
}
