import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileJobRunner } from '../../../src-main/core/clients/fileJobs/fileJobRunner';
import { mainStrings } from '../../../src-main/core/i18n/mainLocales';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { WorkerTempFolders } from '../../../src-main/core/platform/workerTemp';
import { writeXlsxSheet } from '../../../src-main/core/spreadsheets/xlsxSheetWriter';
import { importHandlers } from '../../../src-main/ipc/handlers/importHandlers';
import { IpcRejection } from '../../../src-main/ipc/result';
import {
  missingImportColumns,
  type ColumnMapping,
} from '../../../src-shared/clients/columnMapping';

/** The import handlers over a real file worker, with the chosen file and a base that may be asked for. */
function handlersFor(file: string, folder: string, database: () => Promise<never>) {
  return importHandlers({
    database,
    dialogs: {
      chooseImportFile: () => Promise.resolve(file),
      chooseSaveFile: () => Promise.resolve(undefined),
      chooseScriptFile: () => Promise.resolve(undefined),
      chooseOpenFile: () => Promise.resolve(undefined),
    },
    strings: () => mainStrings('uk'),
    actor: 'operator1',
    onProgress: () => undefined,
    files: new FileJobRunner(
      path.resolve(import.meta.dirname, '../../support/fileJobWorker.mjs'),
      silentLogger,
      new WorkerTempFolders(path.join(folder, 'tmp')),
    ),
  });
}

describe('an import cannot start', () => {
  it.each<[ColumnMapping, string[]]>([
    [['fullName', 'phone'], []],
    [['lastName', 'firstName', 'phone2'], []],
    [['firstName', 'phone'], ['name']],
    [['fullName', 'city'], ['phone']],
    [
      [null, 'notes'],
      ['name', 'phone'],
    ],
  ])('with the mapping %j, missing %j', (mapping, missing) => {
    expect(missingImportColumns(mapping)).toEqual(missing);
  });

  it('without a name or phone column: main refuses it before the base is opened', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'pult-start-'));
    const csv = path.join(folder, 'clients.csv');
    writeFileSync(csv, 'ПІБ;Посада\nОлена Коваль;admin.\n');
    let opened = false;
    const handlers = handlersFor(csv, folder, () => {
      opened = true;
      return Promise.reject(new Error('not here'));
    });
    const chosen = await handlers['import.chooseFile'](undefined);
    if (!chosen.chosen) throw new Error('no file');
    const start = handlers['import.start']({
      token: chosen.preview.token,
      settings: {
        format: 'csv',
        encoding: 'utf8',
        delimiter: ';',
        mapping: ['fullName', null],
        duplicates: 'skip',
      },
    });
    await expect(start).rejects.toBeInstanceOf(IpcRejection);
    await expect(start).rejects.toMatchObject({ code: 'importColumnsMissing' });
    expect(opened).toBe(false);
  });
});

describe('reading a chosen file', () => {
  it('can be stopped: the window hears it was cancelled, and nothing of it is left behind', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'pult-preview-'));
    const sheet = path.join(folder, 'clients.xlsx');
    await writeXlsxSheet(sheet, 'Клієнти', [
      ['ПІБ', 'Телефон'],
      ...Array.from({ length: 60_000 }, (_, i) => [`Клієнт ${i}`, `067${1_000_000 + i}`]),
    ]);
    const temp = path.join(folder, 'tmp');
    const handlers = handlersFor(sheet, folder, () =>
      Promise.reject(new Error('not needed to read a file')),
    );
    const chosen = handlers['import.chooseFile'](undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await handlers['import.cancelPreview'](undefined)).toEqual({ cancelled: true });
    expect(await chosen).toEqual({ chosen: false, cancelled: true });
    expect(readdirSync(temp)).toEqual([]);
    expect(await handlers['import.cancelPreview'](undefined)).toEqual({ cancelled: false });
    // Chosen again and left alone, it is read.
    const again = await handlers['import.chooseFile'](undefined);
    expect(again.chosen && again.preview.headers).toEqual(['ПІБ', 'Телефон']);
  });
});
