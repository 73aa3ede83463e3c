import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { SpreadsheetError } from '../../../src-main/core/spreadsheets/spreadsheetError';
import { xlsxArchiveLimits } from '../../../src-main/core/spreadsheets/xlsxArchiveCheck';
import {
  maxSheetRows,
  xlsxRows,
  type SheetRow,
} from '../../../src-main/core/spreadsheets/xlsxRows';
import { writeXlsxSheet } from '../../../src-main/core/spreadsheets/xlsxSheetWriter';
import { sharedDir } from '../../support/kamailio';
import { sheetXml, xlsxEntries, zipArchive } from '../../support/zipArchive';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pult-xlsx-'));
});
const file = (name: string, content: Buffer) => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};
async function readAll(target: string, limits = { ...xlsxArchiveLimits, maxRows: maxSheetRows }) {
  const rows: SheetRow[] = [];
  for await (const row of xlsxRows(target, limits)) rows.push(row);
  return rows;
}
async function problemOf(target: string, limits = { ...xlsxArchiveLimits, maxRows: maxSheetRows }) {
  try {
    await readAll(target, limits);
  } catch (error) {
    if (error instanceof SpreadsheetError) return error.problem;
    throw error;
  }
  return undefined;
}

describe('reading XLSX as the files come', () => {
  it('reads a real government spreadsheet (KATOTTG: the sheet before its shared strings, 31,752 rows)', async () => {
    const rows = await readAll(path.join(sharedDir, 'data/katottg/kodifikator.xlsx'));
    expect(rows).toHaveLength(31_752);
    expect(rows[0]?.cells).toEqual([
      'Перший рівень',
      'Другий рівень',
      'Третій рівень',
      'Четвертий рівень',
      'Додатковий рівень',
      'Категорія об’єкта',
      'Назва об’єкта',
    ]);
    // Empty cells keep their place: the category stays in the sixth column.
    expect(rows[2]?.cells).toEqual([
      'UA01000000000013043',
      'UA01020000000022387',
      '',
      '',
      '',
      'P',
      'Бахчисарайський',
    ]);
    expect(rows.at(-1)?.line).toBe(31_752);
  });

  it('reads typed cells as a person sees them: a phone kept as a number, a date, a yes/no', async () => {
    const target = path.join(dir, 'typed.xlsx');
    await writeXlsxFile(
      [
        [
          { value: 'ПІБ', type: String },
          { value: 'Телефон', type: String },
          { value: 'Дата', type: String },
          { value: 'VIP', type: String },
        ],
        [
          { value: 'Олена Коваль', type: String },
          { value: 380671234567, type: Number },
          { value: new Date(Date.UTC(2026, 0, 5)), type: Date, format: 'dd.mm.yyyy' },
          { value: true, type: Boolean },
        ],
      ],
      { sheet: 'Клієнти' },
    ).toFile(target);
    const rows = await readAll(target);
    expect(rows[1]?.cells).toEqual(['Олена Коваль', '380671234567', '2026-01-05', '1']);
    expect(rows[1]?.line).toBe(2);
  });

  it('reads what Pult writes, row for row, a formula-looking value as text', async () => {
    const target = path.join(dir, 'written.xlsx');
    const written = [
      ['ПІБ', 'Місто'],
      ...Array.from({ length: 2500 }, (_, i) => [`Клієнт ${i}`, i % 2 ? '=1+1' : 'Львів']),
    ];
    await writeXlsxSheet(target, 'Клієнти', written);
    const rows = await readAll(target);
    expect(rows.map((r) => r.cells)).toEqual(written);
  });

  it('skips wholly empty rows and keeps the numbers Excel shows', async () => {
    const target = file(
      'gaps.xlsx',
      zipArchive(
        xlsxEntries(
          sheetXml([
            ['ПІБ', 'Телефон'],
            ['', ''],
            ['Іван', '0671234567'],
          ]),
        ),
      ),
    );
    const rows = await readAll(target);
    expect(rows.map((r) => [r.line, ...r.cells])).toEqual([
      [1, 'ПІБ', 'Телефон'],
      [3, 'Іван', '0671234567'],
    ]);
  });
});

describe('XLSX files that would hurt: refused with the reason, before they are parsed', () => {
  it('a zip bomb (64 MB of sheet packed a thousand to one) is refused', async () => {
    const bomb = Buffer.concat([
      Buffer.from(sheetXml([['ПІБ', 'Телефон']]).replace('</sheetData>', '')),
      Buffer.alloc(64 * 1024 * 1024, ' '),
      Buffer.from('</sheetData></worksheet>'),
    ]);
    expect(await problemOf(file('bomb.xlsx', zipArchive(xlsxEntries(bomb))))).toBe('xlsxTooLarge');
  });

  it('an archive that claims a small sheet and unpacks a large one is refused as damaged', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Клієнт ${i}`, `067${i}`]);
    const entries = xlsxEntries(sheetXml(rows)).map((entry) =>
      entry.name.startsWith('xl/worksheets/') ? { ...entry, declaredSize: 1000 } : entry,
    );
    expect(await problemOf(file('liar.xlsx', zipArchive(entries)))).toBe('xlsxDamaged');
  });

  it('a sheet past the unpacked limit is refused before a row is read', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Клієнт ${i}`, `067${i}`]);
    const target = file('big.xlsx', zipArchive(xlsxEntries(sheetXml(rows))));
    const limits = { ...xlsxArchiveLimits, maxUnpackedBytes: 256 * 1024, maxRows: maxSheetRows };
    expect(await problemOf(target, limits)).toBe('xlsxTooLarge');
    expect(await problemOf(target)).toBeUndefined();
  });

  it('more rows than allowed end the reading, saying so', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`Клієнт ${i}`]);
    const target = file('rows.xlsx', zipArchive(xlsxEntries(sheetXml(rows))));
    expect(await problemOf(target, { ...xlsxArchiveLimits, maxRows: 10 })).toBe('tooManyRows');
  });

  it('a zip with no worksheet, a truncated file and a file of junk after the zip magic', async () => {
    const noSheet = zipArchive(
      xlsxEntries(sheetXml([['a']])).filter((e) => !e.name.includes('worksheets')),
    );
    expect(await problemOf(file('nosheet.xlsx', noSheet))).toBe('xlsxNoSheet');
    const whole = zipArchive(xlsxEntries(sheetXml([['ПІБ'], ['Іван']])));
    expect(await problemOf(file('cut.xlsx', whole.subarray(0, whole.length - 40)))).toBe(
      'xlsxDamaged',
    );
    const junk = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4096, 7)]);
    expect(await problemOf(file('junk.xlsx', junk))).toBe('xlsxDamaged');
  });

  it('a sheet with a damaged XML body is refused as damaged, not read as rows', async () => {
    const broken = sheetXml([['ПІБ'], ['Іван']]).replace('<row r="2">', '<row r="2"><c><<<');
    expect(await problemOf(file('xml.xlsx', zipArchive(xlsxEntries(broken))))).toBe('xlsxDamaged');
  });
});
