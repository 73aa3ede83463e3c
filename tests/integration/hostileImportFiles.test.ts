import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importClientsFromCsv } from '../../src-main/core/clients/import/clientImport';
import {
  previewImportFile,
  suggestedSettings,
} from '../../src-main/core/clients/import/importPreview';
import { ImportFileError } from '../../src-main/core/clients/import/importFileError';
import type { PultDatabase } from '../../src-main/core/db/database';
import { maxImportLineChars, type ImportProgress } from '../../src-shared/clients/importSchemas';
import { openTempDatabase } from '../support/tempDatabase';

// As the app imports: the file is read on a thread of its own.
const rowThread = path.resolve(import.meta.dirname, '../support/clientRowThread.mjs');
const clock = { now: () => new Date('2026-12-05T10:00:00Z') };
let dir: string;
let db: PultDatabase;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pult-hostile-'));
  db = await openTempDatabase(path.join(dir, 'pult.sqlite'));
});
afterEach(async () => {
  await db.close();
});

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

/** Imports as suggested by the preview; what the window last heard, and what the base holds. */
async function importAsSuggested(target: string) {
  const preview = await previewImportFile(target);
  const heard: ImportProgress[] = [];
  const outcome = await importClientsFromCsv(
    db.sqlite,
    target,
    { ...suggestedSettings(preview, 'skip'), mapping: ['fullName', 'phone'] },
    { actor: 'operator1', region: 'UA', clock, rowThread, onProgress: (p) => heard.push(p) },
  ).catch((error: unknown) => error);
  const count = (table: string) =>
    db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    outcome,
    last: heard.at(-1),
    clients: count('clients'),
    job: db.sqlite.prepare('SELECT status FROM import_jobs').pluck().get(),
  };
}

describe('a file that is not a table of clients', () => {
  it('a line with no end (8 MB without a line break) ends the import at once, saying which line', async () => {
    const target = file('one-line.csv', 'ПІБ;Телефон\n' + 'А'.repeat(8 * 1024 * 1024));
    const { outcome, last, clients, job } = await importAsSuggested(target);
    expect(outcome).toBeInstanceOf(ImportFileError);
    expect(last).toMatchObject({
      status: 'failed',
      fileProblem: { problem: 'lineTooLong', line: 2 },
    });
    expect([clients, job]).toEqual([0, 'failed']);
  });

  it('a line just within the limit is read as a row (and fails as one, too long a name)', async () => {
    const target = file(
      'long-name.csv',
      'ПІБ;Телефон\n' +
        'Б'.repeat(maxImportLineChars - 20) +
        ';0671234567\nВіра Коваль;0501112233\n',
    );
    const { last, clients } = await importAsSuggested(target);
    expect(last).toMatchObject({ status: 'done', rowsFailed: 1, rowsImported: 1 });
    expect(last?.fileProblem).toBeUndefined();
    expect(clients).toBe(1);
  });

  it('random bytes are refused as not text, in the preview and by the import, and nothing comes in', async () => {
    const target = file('noise.csv', randomBytes(1024 * 1024));
    expect((await previewImportFile(target)).problem).toEqual({ problem: 'notText' });
    const { outcome, last, clients } = await importAsSuggested(target);
    expect(outcome).toBeInstanceOf(ImportFileError);
    expect(last).toMatchObject({ status: 'failed', fileProblem: { problem: 'notText' } });
    expect(clients).toBe(0);
  });

  it('a preview that cannot reach the rows says why: a 5 MB cell on line 2', async () => {
    const target = file(
      'huge-cell.csv',
      `ПІБ;Телефон;Примітки\nОлена;0671234567;${'x'.repeat(5 * 1024 * 1024)}\n`,
    );
    const preview = await previewImportFile(target);
    expect(preview.headers).toEqual(['ПІБ', 'Телефон', 'Примітки']);
    expect(preview.problem).toEqual({ problem: 'lineTooLong', line: 2 });
  });

  it('a file with only its header, or nothing, is said to have no rows', async () => {
    expect((await previewImportFile(file('header.csv', 'ПІБ;Телефон\n'))).problem).toEqual({
      problem: 'noRows',
    });
    expect((await previewImportFile(file('empty.csv', ''))).problem).toEqual({ problem: 'noRows' });
    expect((await previewImportFile(file('fine.csv', 'ПІБ;Телефон\nОлена;067\n'))).problem).toBe(
      undefined,
    );
  });
});
