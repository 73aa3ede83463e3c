import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportClients } from '../../src-main/core/clients/clientExport';
import { neutraliseCell } from '../../src-main/core/spreadsheets/tableFile';
import { ClientEditor } from '../../src-main/core/clients/clientEditor';
import { clientQuerySchema } from '../../src-shared/clients/clientSchemas';
import type { PultDatabase } from '../../src-main/core/db/database';
import { openTempDatabase } from '../support/tempDatabase';

let db: PultDatabase;
const headers = [
  'ПІБ',
  'Телефони',
  'Місто',
  'Адреса',
  'Email',
  'Рахунок',
  'Не телефонувати',
  'Результат',
];
const clock = { now: () => new Date('2026-11-27T10:00:00Z') };
beforeAll(async () => {
  db = await openTempDatabase();
  const editor = new ClientEditor(db, clock);
  editor.create(
    { fullName: '=cmd|"/c calc"!A1', phones: [{ raw: '0671112233' }], city: 'Київ' },
    'op',
  );
  editor.create(
    {
      fullName: 'Звичайна Людина',
      phones: [{ raw: '0502223344' }, { raw: '0933334455' }],
      city: '+Одеса',
      email: 'a@b.ua',
    },
    'op',
  );
  editor.create({ fullName: 'Інша Людина', city: 'Львів', doNotCall: true }, 'op');
});
afterAll(async () => {
  await db.close();
});

describe('export', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+380', "'+380"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=x', "'\t=x"],
    ['Коваль', 'Коваль'],
    ['', ''],
  ])('neutralises %j', (value, expected) => expect(neutraliseCell(value)).toBe(expected));

  it('writes the filtered list for Excel, neutralised, and audits it', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-export-')), 'out.csv');
    const rows = await exportClients(
      db.sqlite,
      clientQuerySchema.parse({ doNotCall: 'exclude' }),
      file,
      'csv',
      {
        actor: 'op',
        clock,
        headers,
        sheetName: 'Клієнти',
        fileName: 'out.csv',
      },
    );
    expect(rows).toBe(2);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFПІБ;Телефони;Місто;Адреса;Email;Рахунок;Не телефонувати;Результат',
    );
    expect(lines).toContain("Звичайна Людина;050 222 33 44, 093 333 44 55;'+Одеса;;a@b.ua;;0;");
    expect(lines).toContain('"\'=cmd|""/c calc""!A1";067 111 22 33;Київ;;;;0;');
    const audit = db.sqlite
      .prepare("SELECT actor, details FROM audit_events WHERE action = 'clients.export'")
      .get() as {
      actor: string;
      details: string;
    };
    expect(audit.actor).toBe('op');
    expect(JSON.parse(audit.details)).toMatchObject({
      rows: 2,
      format: 'csv',
      fileName: 'out.csv',
      filter: { doNotCall: 'exclude' },
    });
  });

  it('writes XLSX with text cells that Excel will not run as formulas', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-export-')), 'out.xlsx');
    const rows = await exportClients(db.sqlite, clientQuerySchema.parse({}), file, 'xlsx', {
      actor: 'op',
      clock,
      headers,
      sheetName: 'Клієнти',
      fileName: 'out.xlsx',
    });
    expect(rows).toBe(3);
    const sheet = await readSheet(file);
    expect(sheet[0]?.[0]).toBe('ПІБ');
    const names = sheet.slice(1).map((row) => row[0]);
    expect(names).toContain('\'=cmd|"/c calc"!A1');
    expect(names).toContain('Інша Людина');
    expect(sheet.slice(1).find((row) => row[0] === 'Звичайна Людина')?.[2]).toBe("'+Одеса");
  });
});
