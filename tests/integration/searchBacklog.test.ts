import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallerIdLookup } from '../../src-main/core/clients/callerId';
import { ClientEditor } from '../../src-main/core/clients/clientEditor';
import { clientQuerySchema } from '../../src-shared/clients/clientSchemas';
import { ClientSearch } from '../../src-main/core/clients/clientSearch';
import { importClientsFromCsv } from '../../src-main/core/clients/import/clientImport';
import {
  previewImportFile,
  suggestedSettings,
} from '../../src-main/core/clients/import/importPreview';
import type { DuplicatePolicy } from '../../src-shared/clients/importSchemas';
import { SearchBacklog } from '../../src-main/core/clients/searchBacklog';
import type { PultDatabase } from '../../src-main/core/db/database';
import { openTempDatabase } from '../support/tempDatabase';

const clock = { now: () => new Date('2026-11-27T10:00:00Z') };
let db: PultDatabase;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pult-backlog-'));
  db = await openTempDatabase(path.join(dir, 'pult.sqlite'));
});
afterEach(async () => {
  await db.close();
});

async function importRows(
  lines: string[],
  duplicates: DuplicatePolicy = 'skip',
  onBatch?: () => void,
) {
  const file = path.join(dir, `clients-${Math.random()}.csv`);
  writeFileSync(file, ['ПІБ;Телефон;Місто', ...lines].join('\n'));
  const preview = await previewImportFile(file);
  return importClientsFromCsv(db.sqlite, file, suggestedSettings(preview, duplicates), {
    actor: 'operator1',
    region: 'UA',
    clock,
    batchSize: 1000,
    ...(onBatch === undefined ? {} : { onProgress: onBatch }),
  });
}
const found = (text: string) =>
  new ClientSearch(db.sqlite)
    .find(clientQuerySchema.parse({ text, limit: 100 }))
    .items.map((i) => i.fullName);
const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;

describe('search backlog after an import', () => {
  it('caller ID at once; search once indexed; edits made meanwhile are indexed as they stand', async () => {
    const editor = new ClientEditor(db, clock, 'UA');
    await importRows([
      'Ґудзь Марія;067 123 45 67;Київ',
      'Їжак Олег;050 111 22 33;Суми',
      'Бондар Ганна;063 555 66 77;Львів',
    ]);
    const backlog = new SearchBacklog(db.sqlite);
    expect(backlog.pending()).toBe(3);
    expect(new CallerIdLookup(db.sqlite).find('0671234567').map((m) => m.fullName)).toEqual([
      'Ґудзь Марія',
    ]);
    expect(found('ґудзь')).toEqual([]);

    // While backlogged: one renamed with a new phone, one deleted, one new client typed in.
    const [gudz, izhak] = db.sqlite.prepare('SELECT id FROM clients ORDER BY id').all() as {
      id: number;
    }[];
    const renamed = editor.update(
      gudz!.id,
      { fullName: 'Ґудзь-Коваль Марія', city: 'Київ', phones: [{ raw: '0991112233' }] },
      'operator1',
    );
    expect(renamed).toMatchObject({ ok: true });
    db.sqlite.prepare('DELETE FROM clients WHERE id = ?').run(izhak!.id);
    expect(editor.create({ fullName: 'Новенька Ірина', city: 'Полтава' }, 'operator1').ok).toBe(
      true,
    );
    expect(found('новенька')).toEqual(['Новенька Ірина']);

    await backlog.drain({ chunk: 2 });
    expect(backlog.pending()).toBe(0);
    expect(found('коваль')).toEqual(['Ґудзь-Коваль Марія']);
    expect(found('099111')).toEqual(['Ґудзь-Коваль Марія']);
    expect(found('067123')).toEqual([]);
    expect(found('їжак')).toEqual([]);
    expect(found('бондар')).toEqual(['Бондар Ганна']);
    // Every client has exactly one search row: no doubles from trigger and indexer both writing.
    expect(count('SELECT count(*) AS n FROM client_search')).toBe(
      count('SELECT count(*) AS n FROM clients'),
    );
  });

  it('a client the operator saves between two batches of an import is found at once', async () => {
    const editor = new ClientEditor(db, clock, 'UA');
    let saved = 0;
    await importRows(
      Array.from({ length: 3000 }, (_, i) => `Клієнт Імпортний${i};067${1_000_000 + i};Київ`),
      'skip',
      () => {
        if (saved > 0) return;
        saved++;
        expect(
          editor.create(
            { fullName: 'Посеред Імпорту', city: 'Київ', phones: [{ raw: '0509998877' }] },
            'operator1',
          ).ok,
        ).toBe(true);
      },
    );
    // Its search row comes from the triggers (the import's own rows wait in the backlog).
    expect(found('посеред')).toEqual(['Посеред Імпорту']);
    expect(found('0509998')).toEqual(['Посеред Імпорту']);
    expect(found('імпортний')).toEqual([]);
    expect(
      db.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_insert'")
        .all(),
    ).toHaveLength(2);
  });

  it('two indexers at once (an import and a resumed one) index every client exactly once', async () => {
    await importRows(
      Array.from({ length: 3000 }, (_, i) => `Клієнт Спільний${i};067${1_000_000 + i};Київ`),
    );
    const other = new Database(db.file);
    other.pragma('busy_timeout = 5000');
    try {
      const a = new SearchBacklog(db.sqlite);
      const b = new SearchBacklog(other);
      // Interleaved chunk by chunk, as two threads would take turns at the write lock.
      while (a.indexNext(250) + b.indexNext(250) > 0);
    } finally {
      other.close();
    }
    expect(found('спільний').length).toBe(100);
    expect(
      count("SELECT count(*) AS n FROM client_search WHERE client_search MATCH 'клієнт'"),
    ).toBe(3000);
    expect(count('SELECT count(*) AS n FROM client_search')).toBe(3000);
  });
});

describe('bulk load (more rows than the base holds)', () => {
  it('drops the lookup indexes while loading, builds them again, and still finds duplicates', async () => {
    const editor = new ClientEditor(db, clock, 'UA');
    expect(
      editor.create({ fullName: 'Стара Клієнтка', phones: [{ raw: '0670000001' }] }, 'operator1')
        .ok,
    ).toBe(true);
    const indexesSeen: string[][] = [];
    const lines = Array.from(
      { length: 60_000 },
      (_, i) => `Новий Клієнт${i};067${1_000_000 + i};Київ`,
    );
    // Already in the base (by phone), and twice in the file, far apart (different batches).
    lines.push('Стара Клієнтка Дубль;+380670000001;Київ', 'Знову Перший;0671000000;Київ');
    const result = await importRows(lines, 'skip', () => {
      indexesSeen.push(
        (
          db.sqlite
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'client%'")
            .all() as { name: string }[]
        ).map((row) => row.name),
      );
    });
    expect(result).toMatchObject({ status: 'done', rowsImported: 60_000, rowsSkipped: 2 });
    expect(indexesSeen[0]).not.toContain('client_phones_e164');
    expect(indexesSeen[0]).not.toContain('clients_sort_key');
    const indexes = db.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'client%'")
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([{ name: 'client_phones_e164' }, { name: 'clients_sort_key' }]),
    );
    expect(new CallerIdLookup(db.sqlite).find('067 100 00 00').map((m) => m.fullName)).toEqual([
      'Новий Клієнт0',
    ]);
    // Merge into the base's client works in a bulk load too.
    const merged = await importRows(
      [
        ...Array.from({ length: 70_000 }, (_, i) => `Інший Клієнт${i};063${1_000_000 + i};Львів`),
        'Стара Клієнтка;0670000001;Житомир',
      ],
      'merge',
    );
    expect(merged).toMatchObject({ rowsImported: 70_000, rowsMerged: 1 });
    expect(
      db.sqlite.prepare("SELECT city FROM clients WHERE full_name = 'Стара Клієнтка'").get(),
    ).toEqual({ city: 'Житомир' });
  });

  it('keeps the indexes when the base is bigger than the file', async () => {
    await importRows(Array.from({ length: 100 }, (_, i) => `Клієнт${i};067${1_000_000 + i};Київ`));
    const indexesSeen: string[][] = [];
    await importRows(['Ще Один;0509998877;Київ'], 'skip', () => {
      indexesSeen.push(
        (
          db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as {
            name: string;
          }[]
        ).map((row) => row.name),
      );
    });
    expect(indexesSeen[0]).toContain('client_phones_e164');
  });
});
