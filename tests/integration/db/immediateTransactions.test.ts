import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareConnection } from '../../../src-main/core/db/connection';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { openTempDatabase, tempDatabaseFile } from '../../support/tempDatabase';

// A client's edit reads the stored client, then writes. Another connection (the search
// indexer, an import) writing in between must never make the edit fail.
let file: string;
let db: PultDatabase;
let other: Database.Database;

beforeEach(async () => {
  file = tempDatabaseFile();
  db = await openTempDatabase(file);
  db.sqlite
    .prepare(
      `INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
       VALUES (1, 'Мельник Андрій', 'мельник андрій', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    )
    .run();
  other = new Database(file);
  prepareConnection(other, { busyTimeoutMs: 0 });
});
afterEach(async () => {
  other.close();
  await db.close();
});

describe('transactions on the base', () => {
  it('a read-then-write transaction holds the write lock from its start: the other writer waits, the edit goes through', () => {
    const edit = db.sqlite.transaction(() => {
      const before = db.sqlite.prepare('SELECT city FROM clients WHERE id = 1').get();
      // Another connection tries to write between the edit's read and its write.
      expect(() => other.prepare("UPDATE clients SET notes = 'other' WHERE id = 1").run()).toThrow(
        /locked|busy/i,
      );
      db.sqlite.prepare("UPDATE clients SET city = 'Київ' WHERE id = 1").run();
      return before;
    });
    expect(edit()).toEqual({ city: '' });
    expect(db.sqlite.prepare('SELECT city, notes FROM clients WHERE id = 1').get()).toEqual({
      city: 'Київ',
      notes: '',
    });
  });

  it('deferred, as SQLite begins by default, the same edit would fail at once', () => {
    const edit = db.sqlite.transaction(() => {
      db.sqlite.prepare('SELECT city FROM clients WHERE id = 1').get();
      other.prepare("UPDATE clients SET notes = 'other' WHERE id = 1").run();
      db.sqlite.prepare("UPDATE clients SET city = 'Київ' WHERE id = 1").run();
    });
    expect(() => edit.deferred()).toThrow(/locked|busy/i);
  });
});
