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

describe('migrations, each from the version before it', () => {
  it('1: creates the schema on an empty file; the search index follows inserts', async () => {
    const db = await openTempDatabase(tempDatabaseFile(), { migrations: migrations.slice(0, 1) });
    try {
      const now = new Date().toISOString();
      const id = db.sqlite
        .prepare(
          'INSERT INTO clients (full_name, city, created_at, updated_at) VALUES (?, ?, ?, ?)',
        )
        .run("Мар'яна Ґудзь", 'Львів', now, now).lastInsertRowid;
      db.sqlite
        .prepare(
          'INSERT INTO client_phones (client_id, e164, raw, search_tokens) VALUES (?, ?, ?, ?)',
        )
        .run(id, '+380671234567', '067 123 45 67', '380671234567 0671234567 671234567');
      const found = (q: string) =>
        db.sqlite.prepare('SELECT rowid FROM client_search WHERE client_search MATCH ?').all(q);
      expect(found('"марянa"*')).toEqual([]);
      expect(found('"маряна"*')).toEqual([{ rowid: Number(id) }]);
      expect(found('"ҐУДЗЬ"')).toEqual([{ rowid: Number(id) }]);
      expect(found('phones : 067123*')).toEqual([{ rowid: Number(id) }]);
      db.sqlite.prepare('DELETE FROM clients WHERE id = ?').run(id);
      expect(found('"ґудзь"')).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('2: adds the default refusal reasons and keeps the clients of version 1', async () => {
    const file = tempDatabaseFile();
    const v1 = await openTempDatabase(file, { migrations: migrations.slice(0, 1) });
    const now = new Date().toISOString();
    v1.sqlite
      .prepare('INSERT INTO clients (full_name, created_at, updated_at) VALUES (?, ?, ?)')
      .run('Олена Петренко', now, now);
    expect(v1.sqlite.prepare('SELECT count(*) AS n FROM refusal_reasons').get()).toEqual({ n: 0 });
    await v1.close();

    const v2 = await openTempDatabase(file, { migrations: migrations.slice(0, 2) });
    try {
      expect(v2.sqlite.prepare('SELECT full_name FROM clients').all()).toEqual([
        { full_name: 'Олена Петренко' },
      ]);
      const codes = v2.sqlite.prepare('SELECT code FROM refusal_reasons ORDER BY id').all();
      expect(codes.map((r) => (r as { code: string }).code)).toContain('tooExpensive');
      expect(v2.sqlite.pragma('user_version', { simple: true })).toBe(2);
    } finally {
      await v2.close();
    }
  });
});

describe('migration 3, from version 2', () => {
  it('adds the agent state journal and keeps what version 2 had', async () => {
    const file = tempDatabaseFile();
    const v2 = await openTempDatabase(file, { migrations: migrations.slice(0, 2) });
    const reasons = v2.sqlite.prepare('SELECT count(*) AS n FROM refusal_reasons').get();
    expect(
      v2.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'agent_state_events'").get(),
    ).toBeUndefined();
    await v2.close();
    const v3 = await openTempDatabase(file, { migrations: migrations.slice(0, 3) });
    try {
      expect(v3.sqlite.prepare('SELECT count(*) AS n FROM refusal_reasons').get()).toEqual(reasons);
      v3.sqlite
        .prepare(
          "INSERT INTO agent_state_events (at, actor, state, reason) VALUES (?, 'op', 'notReady', 'lunch')",
        )
        .run('2026-11-27T12:00:00.000Z');
      expect(() =>
        v3.sqlite
          .prepare(
            "INSERT INTO agent_state_events (at, actor, state) VALUES ('x', 'op', 'sleeping')",
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      await v3.close();
    }
  });
});
