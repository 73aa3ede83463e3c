import { importReportCsv } from '../../src-main/core/clients/import/importReport';
import { mainStrings } from '../../src-main/core/i18n/mainLocales';
import type { ImportRowError } from '../../src-shared/clients/importSchemas';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallerIdLookup } from '../../src-main/core/clients/callerId';
import { clientQuerySchema } from '../../src-shared/clients/clientSchemas';
import { ClientSearch } from '../../src-main/core/clients/clientSearch';
import { SearchBacklog } from '../../src-main/core/clients/searchBacklog';
import { importClientsFromCsv } from '../../src-main/core/clients/import/clientImport';
import {
  previewImportFile,
  suggestedSettings,
} from '../../src-main/core/clients/import/importPreview';
import type { ImportSettings } from '../../src-shared/clients/importSchemas';
import type { PultDatabase } from '../../src-main/core/db/database';
import { openTempDatabase } from '../support/tempDatabase';

let db: PultDatabase;
let dir: string;
beforeEach(async () => {
  db = await openTempDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'pult-import-'));
});
afterEach(async () => {
  await db.close();
});

const clock = { now: () => new Date('2026-11-27T10:00:00Z') };
function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}
async function importFile(target: string, overrides: Partial<ImportSettings> = {}) {
  const preview = await previewImportFile(target);
  const settings: ImportSettings = {
    format: preview.format,
    encoding: preview.encoding,
    delimiter: preview.delimiter,
    mapping: preview.suggestedMapping,
    duplicates: 'skip',
    ...overrides,
  };
  const result = await importClientsFromCsv(db.sqlite, target, settings, {
    actor: 'operator1',
    region: 'UA',
    clock,
  });
  const errors = db.sqlite
    .prepare(
      'SELECT line, column_name AS column, reason FROM import_errors WHERE job_id = ? ORDER BY line',
    )
    .all(result.jobId);
  return { preview, result, errors };
}
const names = () =>
  (
    db.sqlite.prepare('SELECT full_name FROM clients ORDER BY id').all() as { full_name: string }[]
  ).map((r) => r.full_name);

const header = 'ПІБ;Телефон;Адреса;Місто\n';

describe('CSV import', () => {
  it('imports a Windows-1251 file with ";" as Excel writes it on Ukrainian Windows', async () => {
    const text =
      header +
      'Ґудзь Марія;067 123 45 67;вул. Шевченка, 1;Київ\r\nЇжак Олег;(050) 111-22-33;пр. Миру, 5;Суми\r\n';
    const { preview, result, errors } = await importFile(
      file('1251.csv', iconv.encode(text, 'win1251')),
    );
    expect(preview).toMatchObject({
      encoding: 'windows1251',
      delimiter: ';',
      headers: ['ПІБ', 'Телефон', 'Адреса', 'Місто'],
    });
    expect(preview.suggestedMapping).toEqual(['fullName', 'phone', 'address', 'city']);
    expect(result).toMatchObject({ status: 'done', rowsRead: 2, rowsImported: 2, rowsFailed: 0 });
    expect(errors).toEqual([]);
    expect(names()).toEqual(['Ґудзь Марія', 'Їжак Олег']);
    expect(new CallerIdLookup(db.sqlite).find('+380501112233').map((m) => m.fullName)).toEqual([
      'Їжак Олег',
    ]);
    // Search sees imported clients once their search rows are written (the import worker's next step).
    const search = new ClientSearch(db.sqlite);
    expect(search.find(clientQuerySchema.parse({ text: 'ґудзь' })).items).toEqual([]);
    await new SearchBacklog(db.sqlite).drain({});
    expect(
      search.find(clientQuerySchema.parse({ text: 'ґудзь' })).items.map((i) => i.fullName),
    ).toEqual(['Ґудзь Марія']);
    expect(
      search.find(clientQuerySchema.parse({ text: 'суми' })).items.map((i) => i.fullName),
    ).toEqual(['Їжак Олег']);
  });

  it('keeps names from a file in decomposed Unicode (NFD) in the form search uses', async () => {
    const decomposed = (
      header + 'Йосипенко Андрій;0671234567;вул. Січових Стрільців, 2;Київ\n'
    ).normalize('NFD');
    const { result } = await importFile(file('nfd.csv', '\uFEFF' + decomposed));
    expect(result).toMatchObject({ status: 'done', rowsImported: 1 });
    expect(names()).toEqual(['Йосипенко Андрій'.normalize('NFC')]);
    await new SearchBacklog(db.sqlite).drain({});
    const found = new ClientSearch(db.sqlite).find(
      clientQuerySchema.parse({ text: 'андрій січових' }),
    );
    expect(found.items.map((i) => i.fullName)).toEqual(['Йосипенко Андрій']);
  });

  it("saves a report of the rows it could not take wholly in the operator's language", async () => {
    const text =
      header +
      [
        ';0671000001;вул. Є;Київ', // no name
        'Петро Жук;12;вул. Є;Київ', // a phone that is not one
        'Іван Тур;0671000003', // too few columns
        `${'Довге'.repeat(60)};0671000004;вул. Є;Київ`, // a name past its limit
        '"Олег;0671000005;вул. Є;Київ', // a quote never closed
      ].join('\n');
    const { result } = await importFile(file('bad.csv', text));
    expect(result.rowsFailed).toBe(5);
    const errors = db.sqlite
      .prepare(
        'SELECT line, column_name AS "column", reason, detail FROM import_errors WHERE job_id = ? ORDER BY line',
      )
      .all(result.jobId) as ImportRowError[];
    const report = importReportCsv(errors, mainStrings('uk'));
    expect(report.startsWith('\uFEFFРядок;Колонка;Причина;Значення\r\n')).toBe(true);
    expect(report).toContain('немає імені');
    expect(report).toContain('неправильний номер телефону;12');
    // No word of English: the values are the file's own, the rest is said in Ukrainian.
    expect(report.match(/[A-Za-z]{2,}/g)).toBeNull();
  });

  it('reads UTF-8 with a BOM, commas and quoted fields', async () => {
    const text = '\uFEFFName,Phone,Address\n"Коваль, Ірина",0671234567,"вул. ""Нова"", 3"\n';
    const { preview, result } = await importFile(file('bom.csv', text));
    expect(preview).toMatchObject({
      encoding: 'utf8',
      delimiter: ',',
      headers: ['Name', 'Phone', 'Address'],
    });
    expect(result.rowsImported).toBe(1);
    expect(db.sqlite.prepare('SELECT full_name, address FROM clients').get()).toEqual({
      full_name: 'Коваль, Ірина',
      address: 'вул. "Нова", 3',
    });
  });

  it('reads UTF-16 tab-separated text from Excel', async () => {
    const text =
      '\uFEFFПрізвище\tІм’я\tПо батькові\tТелефон\nШевченко\tТарас\tГригорович\t0931234567\n';
    const { preview, result } = await importFile(file('utf16.txt', Buffer.from(text, 'utf16le')));
    expect(preview).toMatchObject({ encoding: 'utf16le', delimiter: '\t' });
    expect(preview.suggestedMapping).toEqual(['lastName', 'firstName', 'middleName', 'phone']);
    expect(result.rowsImported).toBe(1);
    expect(names()).toEqual(['Шевченко Тарас Григорович']);
  });

  it('imports an Excel sheet, numbers kept as numbers by Excel included', async () => {
    const target = path.join(dir, 'clients.xlsx');
    await writeXlsxFile([
      [{ value: 'Прізвище' }, { value: 'Ім’я' }, { value: 'Телефон' }, { value: 'Місто' }],
      [
        { value: 'Ґудзь' },
        { value: 'Ярина' },
        { value: 671234567, type: Number },
        { value: 'Київ' },
      ],
      [null, null, null, null],
      [{ value: 'Без' }, { value: 'Номера' }, { value: '12' }, { value: 'Львів' }],
    ]).toFile(target);
    const { preview, result, errors } = await importFile(target);
    expect(preview).toMatchObject({
      format: 'xlsx',
      headers: ['Прізвище', 'Ім’я', 'Телефон', 'Місто'],
    });
    expect(preview.suggestedMapping).toEqual(['lastName', 'firstName', 'phone', 'city']);
    expect(result).toMatchObject({ status: 'done', rowsImported: 1, rowsFailed: 1 });
    expect(errors).toEqual([{ line: 4, column: 'Телефон', reason: 'invalidPhone' }]);
    expect(new CallerIdLookup(db.sqlite).find('067 123 45 67').map((m) => m.fullName)).toEqual([
      'Ґудзь Ярина',
    ]);
  });

  it('reports every bad row with its line and column, and imports all the good ones', async () => {
    const long = 'Я'.repeat(100_000);
    const lines = [
      'ПІБ;Телефон;Адреса;Місто', //                       1
      'Добрий Один;0671000001;вул. А, 1;Київ', //          2
      '', //                                               3 empty
      'Зайва Колонка;0671000002;вул. Б;Київ;зайве', //     4 wrong count
      'Мало Колонок;0671000003', //                        5 wrong count
      'Поганий Номер;12345;вул. В;Київ', //                6 invalid phone
      '"Незакрита Лапка;0671000004;вул. Г;Київ', //        7 unbalanced quote
      'Добрий Два;0671000005;вул. Д, 2;Львів', //          8
      `${long};0671000006;вул. Е;Київ`, //                 9 too long
      ';0671000007;вул. Є;Київ', //                        10 no name
      '   ', //                                            11 blank
      '"Багато ""рядків""";0671000008;"вул. Ж,', //        12 a quoted field over two lines
      'кв. 5";Одеса', //                                   13
      'Добрий Три;0671000009;вул. З;Дніпро', //            14
    ];
    const { result, errors } = await importFile(file('bad.csv', lines.join('\n')));
    expect(errors).toEqual([
      { line: 4, column: null, reason: 'wrongColumnCount' },
      { line: 5, column: null, reason: 'wrongColumnCount' },
      { line: 6, column: 'Телефон', reason: 'invalidPhone' },
      { line: 7, column: null, reason: 'unbalancedQuotes' },
      { line: 9, column: 'ПІБ', reason: 'tooLong' },
      { line: 10, column: 'ПІБ', reason: 'missingName' },
    ]);
    expect(result).toMatchObject({ status: 'done', rowsImported: 4, rowsFailed: 6, rowsRead: 10 });
    expect(names()).toEqual(['Добрий Один', 'Добрий Два', 'Багато "рядків"', 'Добрий Три']);
    expect(
      db.sqlite.prepare("SELECT address FROM clients WHERE full_name LIKE 'Багато%'").get(),
    ).toEqual({
      address: 'вул. Ж,\nкв. 5',
    });
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('skips, merges or duplicates a client whose phone is already known, as the operator chooses', async () => {
    await importFile(file('first.csv', header + 'Петро Перший;0671234567;;\n'));
    const again = header + 'Петро Другий;067-123-45-67;вул. Нова, 7;Харків\n';
    const skipped = await importFile(file('skip.csv', again), { duplicates: 'skip' });
    expect(skipped.result).toMatchObject({ rowsImported: 0, rowsSkipped: 1 });
    const merged = await importFile(file('merge.csv', again), { duplicates: 'merge' });
    expect(merged.result).toMatchObject({ rowsImported: 0, rowsMerged: 1 });
    expect(db.sqlite.prepare('SELECT full_name, address, city FROM clients').all()).toEqual([
      { full_name: 'Петро Перший', address: 'вул. Нова, 7', city: 'Харків' },
    ]);
    const created = await importFile(file('create.csv', again), { duplicates: 'create' });
    expect(created.result).toMatchObject({ rowsImported: 1 });
    expect(names()).toEqual(['Петро Перший', 'Петро Другий']);
  });

  it('gives every client the file names its call-list tag, new ones and those already in the base alike', async () => {
    await importFile(file('known.csv', header + 'Петро Перший;0671234567;;\n'));
    const list = header + 'Петро Другий;067-123-45-67;;\nОлена Нова;0501112233;;\n';
    const result = await importFile(file('list.csv', list), {
      duplicates: 'skip',
      listTag: 'акція-грудень',
    });
    expect(result.result).toMatchObject({ rowsImported: 1, rowsSkipped: 1 });
    const tagged = db.sqlite
      .prepare(
        `SELECT c.full_name AS name FROM clients c JOIN client_tags ct ON ct.client_id = c.id
         JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'акція-грудень' ORDER BY c.id`,
      )
      .all();
    expect(tagged).toEqual([{ name: 'Петро Перший' }, { name: 'Олена Нова' }]);
  });

  it('audits the import and queues its batches for sync', async () => {
    const { result } = await importFile(file('audit.csv', header + 'Аудит Тест;0671234567;;\n'));
    const audit = db.sqlite.prepare('SELECT action, actor FROM audit_events ORDER BY id').all();
    expect(audit).toEqual([
      { action: 'clients.importStart', actor: 'operator1' },
      { action: 'clients.importBatch', actor: 'operator1' },
      { action: 'clients.importFinish', actor: 'operator1' },
    ]);
    const outbox = db.sqlite
      .prepare("SELECT payload FROM outbox WHERE op = 'bulkInsert'")
      .get() as { payload: string };
    expect(JSON.parse(outbox.payload)).toMatchObject({ importJobId: result.jobId, count: 1 });
  });

  it('stops when cancelled and says what it imported', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `Клієнт ${i};067${String(1000000 + i)};;`,
    ).join('\n');
    const target = file('big.csv', header + rows);
    const controller = new AbortController();
    const preview = await previewImportFile(target);
    const result = await importClientsFromCsv(
      db.sqlite,
      target,
      suggestedSettings(preview, 'skip'),
      {
        actor: 'operator1',
        region: 'UA',
        clock,
        batchSize: 1000,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.rowsImported >= 3000) controller.abort();
        },
      },
    );
    expect(result.status).toBe('cancelled');
    const count = (db.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
    expect(count).toBe(result.rowsImported);
    expect(count).toBeLessThan(20_000);
    const job = db.sqlite
      .prepare('SELECT status, rows_imported FROM import_jobs WHERE id = ?')
      .get(result.jobId);
    expect(job).toEqual({ status: 'cancelled', rows_imported: count });
  });
});
