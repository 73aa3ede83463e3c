import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { clientQuerySchema } from '../../src-shared/clients/clientSchemas';
import { ClientSearch } from '../../src-main/core/clients/clientSearch';
import { SearchBacklog } from '../../src-main/core/clients/searchBacklog';
import {
  isPlainDatabaseFile,
  newDatabaseKey,
  unlockDatabase,
} from '../../src-main/core/db/encryption';
import { writeClientsCsv } from '../support/clientsCsv';
import { openTempDatabase } from '../support/tempDatabase';

const repo = path.resolve(import.meta.dirname, '../..');

describe('an import killed half-way', () => {
  it('leaves a database (encrypted, as the app keeps it) that opens, passes integrity_check and says what was imported', async () => {
    const key = newDatabaseKey();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-crash-'));
    const database = path.join(dir, 'pult.sqlite');
    const csv = path.join(dir, 'clients.csv');
    await writeClientsCsv(csv, 300_000);

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/support/importChild.ts', database, csv],
      {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PULT_TEST_DB_KEY: key },
      },
    );
    let output = '';
    let killedAt = 0;
    const killed = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (data: Buffer) => {
        output += data.toString();
        const imported = [...output.matchAll(/imported (\d+)/g)].map((m) => Number(m[1]));
        if (killedAt === 0 && (imported.at(-1) ?? 0) >= 20_000) {
          killedAt = imported.at(-1)!;
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (_code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`not killed:\n${output}`)),
      );
    });
    await killed;
    expect(output).not.toContain('finished');
    expect(isPlainDatabaseFile(database)).toBe(false);

    // It was a bulk load (more rows than the base): it had dropped the indexes it rebuilds at its end.
    const raw = new Database(database);
    unlockDatabase(raw, key);
    const indexes = raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'client%'")
      .all() as { name: string }[];
    // The search triggers a batch drops for its own inserts came back with its rollback.
    const triggers = raw
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search_insert'",
      )
      .all();
    raw.close();
    expect(indexes.map((index) => index.name)).not.toContain('client_phones_e164');
    expect(triggers).toEqual([
      { name: 'clients_search_insert' },
      { name: 'client_phones_search_insert' },
    ]);

    const db = await openTempDatabase(database, { key });
    try {
      expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const job = db.sqlite
        .prepare('SELECT status, rows_imported AS imported FROM import_jobs')
        .get() as {
        status: string;
        imported: number;
      };
      expect(job.status).toBe('interrupted');
      const clients = (
        db.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }
      ).n;
      expect(clients).toBe(job.imported);
      expect(clients).toBeGreaterThanOrEqual(killedAt);
      expect(clients).toBeLessThan(300_000);
      // Whole batches only: every client has its phone; the indexes a bulk load drops are back,
      // so caller ID is an index lookup again; what was imported goes into search once the
      // backlog is indexed (the app does that on start), and search works again.
      const phones = (
        db.sqlite.prepare('SELECT count(*) AS n FROM client_phones').get() as { n: number }
      ).n;
      expect(phones).toBe(clients);
      const plan = db.sqlite
        .prepare("EXPLAIN QUERY PLAN SELECT client_id FROM client_phones WHERE e164 = '+380'")
        .all() as { detail: string }[];
      expect(plan.map((step) => step.detail).join()).toContain('client_phones_e164');
      expect(db.sqlite.prepare('SELECT paused FROM search_control').get()).toEqual({ paused: 0 });
      const backlog = new SearchBacklog(db.sqlite);
      expect(backlog.pending()).toBe(clients);
      await backlog.drain({});
      expect(backlog.pending()).toBe(0);
      const search = new ClientSearch(db.sqlite);
      expect(search.find(clientQuerySchema.parse({ text: 'Номер0' })).items).toHaveLength(1);
      const lastId = (
        db.sqlite.prepare('SELECT max(id) AS id FROM clients').get() as { id: number }
      ).id;
      const last = db.sqlite.prepare('SELECT full_name FROM clients WHERE id = ?').get(lastId) as {
        full_name: string;
      };
      expect(
        search.find(clientQuerySchema.parse({ text: last.full_name })).items.map((i) => i.id),
      ).toEqual([lastId]);
    } finally {
      await db.close();
    }
  });
});
