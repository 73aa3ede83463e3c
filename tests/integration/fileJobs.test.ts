import { existsSync, mkdtempSync, readFileSync, readdirSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileJobRunner } from '../../src-main/core/clients/fileJobs/fileJobRunner';
import { FileJobError, type JobDatabase } from '../../src-main/core/clients/fileJobs/fileJobTypes';
import { importClientsFromCsv } from '../../src-main/core/clients/import/clientImport';
import {
  previewImportFile,
  suggestedSettings,
} from '../../src-main/core/clients/import/importPreview';
import type { PultDatabase } from '../../src-main/core/db/database';
import { newDatabaseKey } from '../../src-main/core/db/encryption';
import { mainStrings } from '../../src-main/core/i18n/mainLocales';
import { silentLogger } from '../../src-main/core/platform/ports';
import { WorkerTempFolders } from '../../src-main/core/platform/workerTemp';
import { writeXlsxSheet } from '../../src-main/core/spreadsheets/xlsxSheetWriter';
import { clientQuerySchema } from '../../src-shared/clients/clientSchemas';
import { sheetXml, xlsxEntries, zipArchive } from '../support/zipArchive';
import { openTempDatabase } from '../support/tempDatabase';
import { sharedDir } from '../support/kamailio';

// As the app runs them: each job on a worker thread of its own (the TypeScript entry, through tsx).
const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'pult-filejobs-temp-'));
const runner = new FileJobRunner(
  path.resolve(import.meta.dirname, '../support/fileJobWorker.mjs'),
  silentLogger,
  new WorkerTempFolders(tempRoot),
);
const strings = mainStrings('uk');
const clients = 5000;
let dir: string;
let db: PultDatabase;
let database: JobDatabase;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pult-filejobs-'));
  const key = newDatabaseKey();
  const file = path.join(dir, 'pult.sqlite');
  db = await openTempDatabase(file, { key });
  database = { file, key };
  const now = new Date().toISOString();
  db.sqlite
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO clients (id, full_name, sort_key, city, created_at, updated_at)
       SELECT i, 'Клієнт ' || i, 'клієнт ' || i, 'Київ', ?, ? FROM n`,
    )
    .run(clients, now, now);
  db.sqlite
    .prepare(
      `INSERT INTO client_phones (client_id, e164, raw) SELECT id, '+38067' || (1000000 + id), '' FROM clients`,
    )
    .run();
});
afterAll(async () => {
  await db.close();
});

const exportJob = (file: string, format: 'csv' | 'xlsx') => ({
  task: 'export' as const,
  database,
  query: clientQuerySchema.parse({}),
  file,
  format,
  actor: 'operator1',
  headers: strings.exportHeaders,
  sheetName: strings.exportSheetName,
});
const audits = (action: string) =>
  db.sqlite
    .prepare<[string], { actor: string; details: string }>(
      'SELECT actor, details FROM audit_events WHERE action = ? ORDER BY id',
    )
    .all(action)
    .map((row) => ({
      actor: row.actor,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));

describe('file work runs on a worker thread of its own', () => {
  it('previews an XLSX there: the header, ten rows, the mapping guessed', async () => {
    const target = path.join(dir, 'clients.xlsx');
    await writeXlsxSheet(target, 'Аркуш1', [
      ['ПІБ', 'Телефон', 'Місто'],
      ...Array.from({ length: 30_000 }, (_, i) => [`Клієнт ${i}`, `067${1000000 + i}`, 'Львів']),
    ]);
    const preview = await runner.run({ task: 'preview', file: target });
    expect(preview.format).toBe('xlsx');
    expect(preview.headers).toEqual(['ПІБ', 'Телефон', 'Місто']);
    expect(preview.sampleRows).toHaveLength(10);
    expect(preview.sampleRows[9]).toEqual(['Клієнт 9', '0671000009', 'Львів']);
    expect(preview.suggestedMapping.slice(0, 2)).toEqual(['fullName', 'phone']);
    expect(preview.problem).toBeUndefined();
  });

  it('previewing an Excel-made file (the sheet before its shared strings) leaves no unpacked copy behind', async () => {
    const katottg = path.join(sharedDir, 'data/katottg/kodifikator.xlsx');
    const spilled: string[] = [];
    const watcher = watch(tempRoot, { recursive: true }, (_event, name) => {
      if (name !== null) spilled.push(name);
    });
    try {
      const preview = await runner.run({ task: 'preview', file: katottg });
      expect(preview.headers[6]).toBe('Назва об’єкта');
      expect(preview.sampleRows[1]?.[6]).toBe('Бахчисарайський');
    } finally {
      watcher.close();
    }
    // ExcelJS spilled the unpacked sheet into the job's folder, and the folder went with the job.
    expect(spilled.some((name) => name.includes('tmp-'))).toBe(true);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('a zip bomb chosen for import is named as such in the preview, and the import refuses it too', async () => {
    const bomb = Buffer.concat([
      Buffer.from(sheetXml([['ПІБ', 'Телефон']]).replace('</sheetData>', '')),
      Buffer.alloc(32 * 1024 * 1024, ' '),
      Buffer.from('</sheetData></worksheet>'),
    ]);
    const target = path.join(dir, 'bomb.xlsx');
    writeFileSync(target, zipArchive(xlsxEntries(bomb)));
    const preview = await runner.run({ task: 'preview', file: target });
    expect(preview.problem).toEqual({ problem: 'xlsxTooLarge' });
    const before = db.sqlite.prepare('SELECT count(*) AS n FROM clients').get();
    await expect(
      importClientsFromCsv(
        db.sqlite,
        target,
        { ...suggestedSettings(preview, 'skip'), mapping: ['fullName', 'phone'] },
        {
          actor: 'operator1',
          region: 'UA',
          clock: { now: () => new Date() },
        },
      ),
    ).rejects.toMatchObject({ fileProblem: { problem: 'xlsxTooLarge' } });
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM clients').get()).toEqual(before);
  });

  it('exports every listed client to XLSX, says how far it got, and audits it without the search text', async () => {
    const target = path.join(dir, 'export.xlsx');
    const progress: number[] = [];
    const { rows } = await runner.run(
      { ...exportJob(target, 'xlsx'), query: clientQuerySchema.parse({ text: 'Клієнт' }) },
      { onProgress: (n) => progress.push(n) },
    );
    expect(rows).toBe(clients);
    expect(progress).toEqual([1000, 2000, 3000, 4000, 5000]);
    const sheet = await readSheet(target);
    expect(sheet).toHaveLength(clients + 1);
    expect(sheet[0]?.[0]).toBe('ПІБ');
    expect(sheet.slice(1).map((row) => row[1])).toContain('067 100 50 00');
    const audit = audits('clients.export').at(-1);
    expect(audit?.actor).toBe('operator1');
    expect(audit?.details).toMatchObject({
      rows: clients,
      format: 'xlsx',
      fileName: 'export.xlsx',
    });
  });

  it('a cancelled export leaves no file and no audit of an export that did not happen', async () => {
    const target = path.join(dir, 'cancelled.csv');
    const controller = new AbortController();
    const audited = audits('clients.export').length;
    await expect(
      runner.run(exportJob(target, 'csv'), {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    ).rejects.toThrow(FileJobError);
    expect(existsSync(target)).toBe(false);
    expect(audits('clients.export')).toHaveLength(audited);
  });

  it('saves an import report there, wholly in the operator language, and audits who saved it', async () => {
    const csv = path.join(dir, 'bad.csv');
    writeFileSync(csv, 'ПІБ;Телефон\nОлена;12\n;0671234567\n');
    const job = await importClientsFromCsv(
      db.sqlite,
      csv,
      suggestedSettings(await previewImportFile(csv), 'skip'),
      { actor: 'operator1', region: 'UA', clock: { now: () => new Date() } },
    );
    const target = path.join(dir, 'report.csv');
    const { rows } = await runner.run({
      task: 'importReport',
      database,
      jobId: job.jobId,
      file: target,
      actor: 'operator1',
      strings: { reportHeaders: strings.reportHeaders, importReasons: strings.importReasons },
    });
    expect(rows).toBe(2);
    const lines = readFileSync(target, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFРядок;Колонка;Причина;Значення');
    expect(lines[1]).toContain(strings.importReasons.invalidPhone);
    expect(audits('import.reportSave').at(-1)).toEqual({
      actor: 'operator1',
      details: { rows: 2, fileName: 'report.csv' },
    });
  });

  it('a job that cannot open the base fails with the reason, and the next job still runs', async () => {
    const target = path.join(dir, 'nokey.csv');
    await expect(
      runner.run({
        ...exportJob(target, 'csv'),
        database: { file: database.file, key: newDatabaseKey() },
      }),
    ).rejects.toThrow(/not a database|file is not/i);
    expect(existsSync(target)).toBe(false);
    const { rows } = await runner.run(exportJob(target, 'csv'));
    expect(rows).toBe(clients);
  });
});
