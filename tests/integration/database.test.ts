import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../src-main/core/db/database';
import { migrations } from '../../src-main/core/db/migrations';
import { openTempDatabase, tempDatabaseFile } from '../support/tempDatabase';

describe('database file', () => {
  it('opens with WAL, foreign keys and a busy timeout, at the latest schema', async () => {
    const db = await openTempDatabase();
    try {
      expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await db.close();
    }
  });

  it('makes a new base with 16 KB pages, and keeps the pages of a base made before', async () => {
    const fresh = await openTempDatabase();
    expect(fresh.sqlite.pragma('page_size', { simple: true })).toBe(16_384);
    await fresh.close();
    // As earlier versions made it: SQLite's default 4 KB pages, a client in it.
    const file = tempDatabaseFile();
    const earlier = new Database(file);
    earlier.pragma('journal_mode = WAL');
    earlier.exec("CREATE TABLE kept (name TEXT); INSERT INTO kept VALUES ('Олена')");
    earlier.close();
    const reopened = await openTempDatabase(file);
    try {
      expect(reopened.sqlite.pragma('page_size', { simple: true })).toBe(4096);
      expect(reopened.sqlite.prepare('SELECT name FROM kept').get()).toEqual({ name: 'Олена' });
      expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await reopened.close();
    }
  });

  it('refuses a database written by a newer Pult, and leaves it untouched', async () => {
    const file = tempDatabaseFile();
    const newer = await openTempDatabase(file);
    newer.sqlite
      .prepare('INSERT INTO migrations (timestamp, name) VALUES (?, ?)')
      .run(1900000000000, 'FutureFeature1900000000000');
    await newer.close();
    await expect(openTempDatabase(file)).rejects.toThrow(DatabaseTooNewError);
    await expect(openTempDatabase(file)).rejects.toThrow(/newer version of Pult/);
    const again = await openTempDatabase(file, { migrations: [...migrations] }).catch(
      (e: unknown) => e,
    );
    expect(again).toBeInstanceOf(DatabaseTooNewError);
  });

  it('refuses to open the old schema with a newer migration list missing one', async () => {
    const file = tempDatabaseFile();
    const db = await openTempDatabase(file);
    await db.close();
    await expect(openTempDatabase(file, { migrations: migrations.slice(0, 1) })).rejects.toThrow(
      DatabaseTooNewError,
    );
  });
});
