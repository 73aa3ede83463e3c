import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importClientsFromCsv } from '../../src-main/core/clients/import/clientImport';
import {
  previewImportFile,
  suggestedSettings,
} from '../../src-main/core/clients/import/importPreview';
import type { PultDatabase } from '../../src-main/core/db/database';
import { newDatabaseKey } from '../../src-main/core/db/encryption';
import { writeClientsCsv } from '../support/clientsCsv';
import { openTempDatabase } from '../support/tempDatabase';

const rowThread = path.resolve(import.meta.dirname, '../support/clientRowThread.mjs');
const checkpointThreadFile = path.resolve(
  import.meta.dirname,
  '../support/walCheckpointThread.mjs',
);
const clock = { now: () => new Date('2026-11-27T10:00:00Z') };
const opened: PultDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

const sizeOf = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/** A bulk load of 120,000 clients into an empty encrypted base, with the file's size after each batch. */
async function bulkLoad(threadFile: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-checkpoint-'));
  const csv = path.join(dir, 'clients.csv');
  await writeClientsCsv(csv, 120_000);
  const key = newDatabaseKey();
  const database = path.join(dir, 'pult.sqlite');
  const db = await openTempDatabase(database, { key });
  opened.push(db);
  const sizes: number[] = [];
  const writerCheckpoints = new Set<unknown>();
  const result = await importClientsFromCsv(
    db.sqlite,
    csv,
    suggestedSettings(await previewImportFile(csv), 'skip'),
    {
      actor: 'operator1',
      region: 'UA',
      clock,
      rowThread,
      checkpointThread: { file: threadFile, key },
      onProgress: () => {
        sizes.push(sizeOf(database));
        writerCheckpoints.add(db.sqlite.pragma('wal_autocheckpoint', { simple: true }));
      },
    },
  );
  return { db, result, sizes, writerCheckpoints };
}

describe('a bulk load with its WAL copied on a thread of its own', () => {
  it('fills the database file while it runs, and every client is there', async () => {
    const { db, result, sizes, writerCheckpoints } = await bulkLoad(checkpointThreadFile);
    expect(result).toMatchObject({ status: 'done', rowsImported: 120_000 });
    // The writer alone would copy nothing below 64 MB of WAL (more than this whole load):
    // the file fills while the import runs because the thread copies.
    expect(sizes[Math.floor((sizes.length * 3) / 4)]).toBeGreaterThan(10_000_000);
    // Meanwhile the writer would still copy past 64 MB (4,096 pages of 16 KB), should the thread fall behind.
    expect(writerCheckpoints).toContain(4096);
    // The writer checkpoints itself again afterwards, as SQLite does by default.
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 120_000 });
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('goes on without the thread when it cannot start, the writer checkpointing as before', async () => {
    const { db, result } = await bulkLoad(path.join(os.tmpdir(), 'no-such-thread.mjs'));
    expect(result).toMatchObject({ status: 'done', rowsImported: 120_000 });
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
