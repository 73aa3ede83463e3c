import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  importClientsFromCsv,
  type ImportOptions,
} from '../../src-main/core/clients/import/clientImport';
import {
  previewImportFile,
  suggestedSettings,
} from '../../src-main/core/clients/import/importPreview';
import type { PultDatabase } from '../../src-main/core/db/database';
import { openTempDatabase } from '../support/tempDatabase';

const rowThread = path.resolve(import.meta.dirname, '../support/clientRowThread.mjs');
const clock = { now: () => new Date('2026-11-27T10:00:00Z') };
let dir: string;
const opened: PultDatabase[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pult-threaded-'));
});
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

async function importInto(file: string, options: Partial<ImportOptions>) {
  const db = await openTempDatabase(path.join(mkdtempSync(path.join(dir, 'db-')), 'pult.sqlite'));
  opened.push(db);
  const preview = await previewImportFile(file);
  const result = await importClientsFromCsv(db.sqlite, file, suggestedSettings(preview, 'skip'), {
    actor: 'operator1',
    region: 'UA',
    clock,
    batchSize: 500,
    ...options,
  });
  const clients = db.sqlite
    .prepare(
      `SELECT c.full_name, c.sort_key, c.city, p.e164, p.raw, p.search_tokens
       FROM clients c LEFT JOIN client_phones p ON p.client_id = c.id ORDER BY c.id, p.id`,
    )
    .all();
  const errors = db.sqlite
    .prepare('SELECT line, column_name, reason, detail FROM import_errors ORDER BY line')
    .all();
  return { db, result, clients, errors };
}

/** Good rows with a bad one every so often: quotes left open, a short row, a wrong phone, a dupe. */
function mixedFile(rows: number): string {
  const lines = ['ПІБ;Телефон;Місто;Email'];
  for (let i = 0; i < rows; i++) {
    if (i % 97 === 5) lines.push(`"Відкрита Лапка${i};067${1_000_000 + i};Київ;`);
    else if (i % 89 === 7) lines.push(`Коротка${i};067${1_000_000 + i}`);
    else if (i % 83 === 3) lines.push(`Номер Поганий${i};12345;Київ;`);
    else if (i % 79 === 1) lines.push(`Дубль${i};0671000000;Київ;`);
    else if (i % 50 === 0)
      lines.push(
        `Пошта Є${i};+44 20 7946 0${String(i % 1000).padStart(3, '0')};London;p${i}@example.com`,
      );
    else lines.push(`Клієнт Рядок${i};067${1_000_000 + i};Полтава;`);
  }
  const file = path.join(dir, 'mixed.csv');
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

describe('an import read on a thread of its own', () => {
  it('writes the same clients and reports the same bad rows as one read in turns', async () => {
    const file = mixedFile(5000);
    const threaded = await importInto(file, { rowThread });
    const inTurns = await importInto(file, {});
    expect(threaded.result).toMatchObject({ status: 'done', rowsRead: 5000 });
    expect(threaded.result.rowsFailed).toBeGreaterThan(100);
    expect(threaded.result.rowsSkipped).toBeGreaterThan(50);
    expect({ ...threaded.result, jobId: 0 }).toEqual({ ...inTurns.result, jobId: 0 });
    expect(threaded.clients).toEqual(inTurns.clients);
    expect(threaded.errors).toEqual(inTurns.errors);
    // Foreign numbers keep their own search tokens; Ukrainian ones get SQLite's, the same.
    expect(threaded.clients).toContainEqual(
      expect.objectContaining({
        e164: '+442079460050',
        search_tokens: '442079460050 02079460050 2079460050',
      }),
    );
    expect(threaded.clients).toContainEqual(
      expect.objectContaining({
        e164: '+380671000002',
        search_tokens: '380671000002 0671000002 671000002',
      }),
    );
  });

  it('a cancel stops it between batches, and what was written stays', async () => {
    const file = mixedFile(20_000);
    const controller = new AbortController();
    const { result, db } = await importInto(file, {
      rowThread,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.rowsImported >= 1000) controller.abort();
      },
    });
    expect(result.status).toBe('cancelled');
    const { n } = db.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number };
    expect(n).toBe(result.rowsImported);
    expect(n).toBeLessThan(20_000);
  });

  it('a file the thread cannot read fails the import with its reason, and nothing half-written', async () => {
    const broken = path.join(dir, 'broken.xlsx');
    // A zip signature and nothing behind it: read as Excel, and Excel cannot open it.
    writeFileSync(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]));
    const db = await openTempDatabase(path.join(dir, 'broken.sqlite'));
    opened.push(db);
    await expect(
      importClientsFromCsv(
        db.sqlite,
        broken,
        {
          format: 'xlsx',
          encoding: 'utf8',
          delimiter: ';',
          mapping: ['fullName', 'phone'],
          duplicates: 'skip',
        },
        { actor: 'operator1', region: 'UA', clock, rowThread },
      ),
    ).rejects.toThrow();
    expect(db.sqlite.prepare('SELECT status, rows_imported FROM import_jobs').get()).toEqual({
      status: 'failed',
      rows_imported: 0,
    });
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
