import { encryptedTempBase, testFileJobs } from '../../support/fileJobBase';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDatabase } from '../../../src-main/core/clients/fileJobs/fileJobTypes';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { mainStrings } from '../../../src-main/core/i18n/mainLocales';
import { ordersOf } from '../../../src-main/core/workstation/workstationOrders';
import { demoCatalogueFile } from '../../support/orderFixtures';
import { sheetXml, xlsxEntries, zipArchive } from '../../support/zipArchive';

const runner = testFileJobs('reference');
let dir: string;
let db: PultDatabase;
let database: JobDatabase;
const demo = JSON.parse(readFileSync(demoCatalogueFile, 'utf8')) as Record<string, unknown> & {
  orderTypes: Record<string, unknown>[];
  tariffs: Record<string, unknown>[];
};

beforeAll(async () => {
  ({ dir, db, database } = await encryptedTempBase('reference'));
});
afterAll(async () => {
  await db.close();
});

const write = (name: string, text: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const load = (file: string) => runner.run({ task: 'catalogueLoad', database, file, actor: 'it' });

describe('the catalogue file IT ships', () => {
  it('is taken once per edition, and a bad one after it is refused with its line, field and why, the last good one staying', async () => {
    expect(await load(demoCatalogueFile)).toEqual({
      ok: true,
      applied: true,
      version: 'demo-2026.12',
    });
    expect(await load(demoCatalogueFile)).toEqual({
      ok: true,
      applied: false,
      version: 'demo-2026.12',
    });
    const proto = JSON.stringify({ ...demo, version: 'x' }, null, 2).replace(
      '"format": "pult-catalogue/1",',
      '"format": "pult-catalogue/1",\n  "__proto__": { "admin": true },',
    );
    const unknownKind = structuredClone(demo);
    (unknownKind.orderTypes[0]!['fields'] as Record<string, unknown>[])[1]!['kind'] = 'hologram';
    const twice = structuredClone(demo);
    twice.tariffs.push({ ...twice.tariffs[0]! });
    const badTotal = structuredClone(demo);
    badTotal.orderTypes[0]!['total'] = 'materials';
    const dangling = structuredClone(demo);
    dangling.tariffs[0]!['product'] = 'nothing';
    const float = structuredClone(demo);
    float.tariffs[0]!['monthlyFeeKop'] = 180.5;
    const huge = structuredClone(demo);
    huge.tariffs[0]!['description'] = 'я'.repeat(6000);
    const cases: [string, string | Buffer, { line?: number; field: string; problem: RegExp }][] = [
      [
        'not-json.json',
        '{"format": "pult-catalogue/1",\n "version": ',
        { line: 2, field: '', problem: /Value|EOF/ },
      ],
      ['proto.json', proto, { line: 3, field: '__proto__', problem: /__proto__/ }],
      [
        'unknown-kind.json',
        JSON.stringify(unknownKind, null, 2),
        { field: 'orderTypes.0.fields.1.kind', problem: /./ },
      ],
      [
        'code-twice.json',
        JSON.stringify(twice, null, 2),
        { field: `tariffs.${twice.tariffs.length - 1}.code`, problem: /used twice/ },
      ],
      [
        'bad-total.json',
        JSON.stringify(badTotal, null, 2),
        { field: 'orderTypes.0.total', problem: /no money field/ },
      ],
      [
        'dangling.json',
        JSON.stringify(dangling, null, 2),
        { field: 'tariffs.0.product', problem: /no such product/ },
      ],
      [
        'float.json',
        JSON.stringify(float, null, 2),
        { field: 'tariffs.0.monthlyFeeKop', problem: /whole kopiyky/ },
      ],
      [
        'huge-text.json',
        JSON.stringify(huge, null, 2),
        { field: 'tariffs.0.description', problem: /5000/ },
      ],
      [
        'latin1.json',
        Buffer.from([0x7b, 0x22, 0xe0, 0x22, 0x7d]),
        { line: 1, field: '', problem: /UTF-8/ },
      ],
    ];
    for (const [name, text, expected] of cases) {
      const result = await load(write(name, text));
      expect(result, name).toMatchObject({ ok: false, field: expected.field });
      if (result.ok) continue;
      expect(result.problem, name).toMatch(expected.problem);
      if (expected.line !== undefined) expect(result.line, name).toBe(expected.line);
      else expect(result.line, name).toBeGreaterThan(1);
    }
    const store = ordersOf(
      { db },
      { clock: { now: () => new Date() }, language: () => 'uk' },
    ).catalogue;
    expect(store.current()?.version).toBe('demo-2026.12');
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM catalogues').get()).toEqual({ n: 1 });
  });

  it('with a byte order mark, as Notepad saves it, is read', async () => {
    const next = { ...demo, version: 'bom' };
    expect(await load(write('bom.json', `\uFEFF${JSON.stringify(next)}`))).toEqual({
      ok: true,
      applied: true,
      version: 'bom',
    });
  });
});

describe('the KATOTTG codifier', () => {
  it('is read from its XLSX into settlements with their oblast and raion, once per edition, and found as typed', async () => {
    const file = path.join(dir, 'kodifikator.xlsx');
    copyFileSync(path.resolve('resources/katottg/kodifikator.xlsx'), file);
    const first = await runner.run({ task: 'codifierLoad', database, file });
    expect(first.loaded).toBe(true);
    // About 30,000 settlements, as the codifier has them.
    expect(first.settlements).toBeGreaterThan(28_000);
    expect(await runner.run({ task: 'codifierLoad', database, file })).toEqual({
      loaded: false,
      settlements: first.settlements,
    });
    const search = ordersOf(
      { db },
      { clock: { now: () => new Date() }, language: () => 'uk' },
    ).settlements;
    // The capital first, before the villages of the same name.
    expect(search.find('київ')[0]).toMatchObject({ name: 'Київ', category: 'K' });
    expect(search.find('Бровари')[0]).toMatchObject({
      oblast: 'Київська',
      raion: 'Броварський',
      category: 'M',
    });
    // Many Андріївки: the words after a comma pick the region.
    const many = search.find('андріївка', 100);
    expect(many.length).toBeGreaterThan(20);
    const inKharkiv = search.find('Андріївка, харків');
    expect(inKharkiv.length).toBeGreaterThan(0);
    expect(inKharkiv.every((s) => s.oblast === 'Харківська')).toBe(true);
    // Apostrophes, either spelling.
    expect(search.find("кам'янець-под")[0]?.name).toBe('Кам’янець-Подільський');
  });

  it('a file that is not the codifier is refused, and the settlements stay', async () => {
    const before = db.sqlite.prepare('SELECT count(*) AS n FROM settlements').get();
    const other = write(
      'other.xlsx',
      zipArchive(
        xlsxEntries(
          sheetXml([
            ['Прізвище', 'Телефон'],
            ['Коваленко', '0671234567'],
          ]),
        ),
      ),
    );
    await expect(runner.run({ task: 'codifierLoad', database, file: other })).rejects.toThrow(
      /category and name/,
    );
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM settlements').get()).toEqual(before);
  });
});

describe('the orders export', () => {
  it('writes the orders the list shows, every cell a spreadsheet would run as a formula made text, and audits who exported', async () => {
    const clientId = Number(
      db.sqlite
        .prepare(
          `INSERT INTO clients (full_name, sort_key, created_at, updated_at) VALUES ('=HYPERLINK("http://x")', 'x', 'x', 'x')`,
        )
        .run().lastInsertRowid,
    );
    const insert = db.sqlite.prepare(
      `INSERT INTO orders (uid, client_id, type_code, type_title, status, total_kop, created_by, created_at, updated_at)
       VALUES (?, ?, 'connection', 'Підключення послуги', ?, ?, 'op1', ?, ?)`,
    );
    insert.run(
      'u1',
      clientId,
      'new',
      124050,
      '2026-12-01T10:00:00.000Z',
      '2026-12-01T10:00:00.000Z',
    );
    insert.run(
      'u2',
      clientId,
      'cancelled',
      null,
      '2026-12-02T10:00:00.000Z',
      '2026-12-02T10:00:00.000Z',
    );
    const file = path.join(dir, 'orders.csv');
    const strings = mainStrings('uk');
    const result = await runner.run({
      task: 'ordersExport',
      database,
      query: { status: 'new', mine: false },
      file,
      format: 'csv',
      actor: 'op1',
      strings: {
        ordersExportHeaders: strings.ordersExportHeaders,
        ordersSheetName: strings.ordersSheetName,
        orderStatusNames: strings.orderStatusNames,
      },
    });
    expect(result).toEqual({ rows: 1 });
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Оформлено;Клієнт;Замовлення;Статус');
    expect(lines[1]).toBe(
      `2026-12-01T10:00:00.000Z;"'=HYPERLINK(""http://x"")";Підключення послуги;нове;;1 240,50;op1;u1`,
    );
    const audited = db.sqlite
      .prepare("SELECT actor, details FROM audit_events WHERE action = 'orders.export'")
      .all() as { actor: string; details: string }[];
    expect(audited.map((a) => [a.actor, (JSON.parse(a.details) as { rows: number }).rows])).toEqual(
      [['op1', 1]],
    );
  });
});

describe('a reference file whose loading fails', () => {
  it('is left as it is: a read job never removes what it reads (only a job writing its file does)', async () => {
    const catalogue = path.join(dir, 'kept-catalogue.json');
    copyFileSync(demoCatalogueFile, catalogue);
    await expect(
      runner.run({
        task: 'catalogueLoad',
        database: { file: path.join(dir, 'no/such/base.sqlite') },
        file: catalogue,
        actor: 'it',
      }),
    ).rejects.toThrow();
    expect(existsSync(catalogue)).toBe(true);
    const codifier = path.join(dir, 'kept-kodifikator.xlsx');
    copyFileSync(path.resolve('resources/katottg/kodifikator.xlsx'), codifier);
    const controller = new AbortController();
    const cancelled = runner.run(
      { task: 'codifierLoad', database, file: codifier },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(cancelled).rejects.toThrow('cancelled');
    expect(existsSync(codifier)).toBe(true);
  });
});
