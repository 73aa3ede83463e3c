import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallerIdLookup } from '../../src-main/core/clients/callerId';
import { ClientCardReader } from '../../src-main/core/clients/clientCard';
import { ClientEditor } from '../../src-main/core/clients/clientEditor';
import { clientQuerySchema } from '../../src-shared/clients/clientSchemas';
import { ClientSearch } from '../../src-main/core/clients/clientSearch';
import type { PultDatabase } from '../../src-main/core/db/database';
import { UnchangedCache } from '../../src-main/core/db/unchangedCache';
import { openTempDatabase, tempDatabaseFile } from '../support/tempDatabase';

let db: PultDatabase;
let editor: ClientEditor;
let search: ClientSearch;
const clock = { now: () => new Date('2026-11-27T10:00:00Z') };

beforeAll(async () => {
  db = await openTempDatabase();
  editor = new ClientEditor(db, clock);
  search = new ClientSearch(db.sqlite);
  const people = [
    {
      fullName: 'Їжакевич Ірина Євгенівна',
      city: 'Київ',
      address: 'вул. Хрещатик, 1',
      phones: [{ raw: '067 123 45 67' }],
      tags: ['VIP'],
    },
    {
      fullName: "Мар'яна Ґудзь",
      city: 'Львів',
      address: 'пл. Ринок, 10',
      phones: [{ raw: '+380501112233' }, { raw: '0441234567' }],
    },
    {
      fullName: 'Петренко Олег',
      city: 'Одеса',
      address: 'вул. Дерибасівська, 5',
      phones: [{ raw: '0931234567' }],
      doNotCall: true,
    },
  ];
  for (const person of people) expect(editor.create(person, 'operator1').ok).toBe(true);
});
afterAll(async () => {
  await db.close();
});

const find = (text: string, extra: object = {}) =>
  search.find(clientQuerySchema.parse({ text, ...extra })).items.map((i) => i.fullName);

describe('client search', () => {
  it.each([
    ['їжак', 'Їжакевич Ірина Євгенівна'],
    ['ЇЖАКЕВИЧ ІР', 'Їжакевич Ірина Євгенівна'],
    ['євгенів', 'Їжакевич Ірина Євгенівна'],
    ['ґудзь', "Мар'яна Ґудзь"],
    ['Марʼяна', "Мар'яна Ґудзь"],
    ['маряна', "Мар'яна Ґудзь"],
    ['ринок', "Мар'яна Ґудзь"],
    ['одеса', 'Петренко Олег'],
  ])('finds "%s"', (text, name) => expect(find(text)).toEqual([name]));

  it.each([
    '067 123 45 67',
    '0671234567',
    '+380671234567',
    '38067123',
    '067-123',
    '(067) 12',
    '671234',
  ])('finds a phone typed as "%s"', (text) =>
    expect(find(text)).toEqual(['Їжакевич Ірина Євгенівна']),
  );

  it('finds a name typed in decomposed Unicode (NFD, as pasted from a Mac or a PDF)', () => {
    const typed = 'Їжакевич'.normalize('NFD');
    expect(typed).not.toBe('Їжакевич');
    expect(find(typed)).toEqual(['Їжакевич Ірина Євгенівна']);
  });

  it('treats syntax characters as plain text', () => {
    expect(find('"Ґудзь*')).toEqual(["Мар'яна Ґудзь"]);
    expect(find('Ґудзь OR Петренко')).toEqual([]);
    expect(find('NEAR(')).toEqual([]);
    expect(find('phones:067*')).toEqual([]);
  });

  it('filters by tag and do-not-call, and lists all in name order without text', () => {
    expect(find('', { tag: 'VIP' })).toEqual(['Їжакевич Ірина Євгенівна']);
    expect(find('', { doNotCall: 'only' })).toEqual(['Петренко Олег']);
    expect(find('', { doNotCall: 'exclude' })).toHaveLength(2);
  });

  it('lists everyone in Ukrainian alphabetical order without text', () => {
    const extra = [
      'Ґалаган Ілля',
      'Андрієнко Яна',
      'Гнатюк Петро',
      'Євтушенко Анна',
      'Ірисенко Ігор',
      'Иванців Олег',
      'Яременко Ніна',
    ];
    const local = new ClientEditor(db, clock);
    for (const fullName of extra) local.create({ fullName }, 'operator1');
    const all = search.find(clientQuerySchema.parse({ limit: 50 }));
    expect(all.items.map((i) => i.fullName.split(' ')[0])).toEqual([
      'Андрієнко',
      'Гнатюк',
      'Ґалаган',
      'Євтушенко',
      'Иванців',
      'Ірисенко',
      'Їжакевич',
      "Мар'яна",
      'Петренко',
      'Яременко',
    ]);
    expect(all.total).toBe(10);
  });
});

describe('caller ID', () => {
  it.each(['067 123 45 67', '+380671234567', '0671234567', '80671234567'])('knows %s', (raw) => {
    expect(new CallerIdLookup(db.sqlite).find(raw).map((m) => m.fullName)).toEqual([
      'Їжакевич Ірина Євгенівна',
    ]);
  });
  it('knows nobody for an unknown or broken number', () => {
    const lookup = new CallerIdLookup(db.sqlite);
    expect(lookup.find('0679999999')).toEqual([]);
    expect(lookup.find('anonymous')).toEqual([]);
  });
});

describe('client editing', () => {
  it('refuses bad input field by field and saves nothing', () => {
    const before = db.sqlite.prepare('SELECT count(*) AS n FROM clients').get();
    const result = editor.create(
      {
        fullName: '  ',
        email: 'not-an-email',
        phones: [{ raw: '12345' }],
        notes: 'x'.repeat(6000),
      },
      'operator1',
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: { fullName: 'required', email: 'invalidEmail', notes: 'tooLong' },
    });
    const phoneOnly = editor.create({ fullName: 'Іван', phones: [{ raw: '12345' }] }, 'operator1');
    expect(phoneOnly).toEqual({ ok: false, fieldErrors: { 'phones.0.raw': 'invalidPhone' } });
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM clients').get()).toEqual(before);
  });

  it('audits an edit with who, when and which fields, and queues it for sync in the same transaction', () => {
    const [id] = new CallerIdLookup(db.sqlite).find('0931234567').map((m) => m.clientId);
    const card = new ClientCardReader(db.sqlite, () => 'uk').read(id!)!;
    const result = editor.update(
      id!,
      {
        ...card,
        fullName: 'Петренко Олег Іванович',
        phones: [{ raw: '0931234567' }, { raw: '0661234567' }],
        tags: [],
      },
      'operator2',
    );
    expect(result).toEqual({ ok: true, id });
    const audit = db.sqlite
      .prepare(
        "SELECT at, actor, action, details FROM audit_events WHERE entity = 'client' AND entity_id = ? ORDER BY id",
      )
      .all(id);
    expect(audit.at(-1)).toEqual({
      at: '2026-11-27T10:00:00.000Z',
      actor: 'operator2',
      action: 'client.update',
      details: JSON.stringify({ fields: ['fullName', 'phones'] }),
    });
    const outbox = db.sqlite
      .prepare("SELECT op FROM outbox WHERE entity = 'client' AND entity_id = ? ORDER BY id")
      .all(id);
    expect(outbox).toEqual([{ op: 'insert' }, { op: 'update' }]);
    expect(find('066 123')).toEqual(['Петренко Олег Іванович']);
    expect(find('іванович')).toEqual(['Петренко Олег Іванович']);
  });

  it('a save from the card, which does not show labels, keeps each phone’s label; a respelt number is no change', () => {
    const made = editor.create(
      {
        fullName: 'Гнатюк Ірина',
        phones: [
          { raw: '0971112233', label: 'робочий' },
          { raw: '0442223344', label: 'домашній' },
        ],
      },
      'operator1',
    );
    if (!made.ok) throw new Error('not made');
    const saved = editor.update(
      made.id,
      {
        fullName: 'Гнатюк Ірина',
        city: 'Луцьк',
        phones: [{ raw: '097 111 22 33' }, { raw: '044 222 33 44' }],
      },
      'operator1',
    );
    expect(saved).toEqual({ ok: true, id: made.id });
    expect(
      db.sqlite
        .prepare('SELECT e164, label FROM client_phones WHERE client_id = ? ORDER BY id')
        .all(made.id),
    ).toEqual([
      { e164: '+380971112233', label: 'робочий' },
      { e164: '+380442223344', label: 'домашній' },
    ]);
    const last = db.sqlite
      .prepare(
        "SELECT details, (SELECT payload FROM outbox ORDER BY id DESC LIMIT 1) AS payload FROM audit_events WHERE entity = 'client' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      )
      .get(made.id) as { details: string; payload: string };
    expect(JSON.parse(last.details)).toEqual({ fields: ['city'] });
    // What the team receives: the city alone, no phone re-added over a colleague's removal.
    expect(JSON.parse(last.payload)).toMatchObject({
      set: { city: 'Луцьк' },
      phones: { add: [], remove: [] },
    });
  });

  it('keeps a name saved in decomposed Unicode in the one form search uses', () => {
    const saved = editor.create(
      { fullName: 'Йосипенко Андрій'.normalize('NFD'), tags: ['Київ'.normalize('NFD')] },
      'operator1',
    );
    if (!saved.ok) throw new Error('not saved');
    const stored = db.sqlite
      .prepare('SELECT full_name FROM clients WHERE id = ?')
      .pluck()
      .get(saved.id);
    expect(stored).toBe('Йосипенко Андрій'.normalize('NFC'));
    expect(find('йосипенко')).toEqual(['Йосипенко Андрій']);
    expect(find('андрій', { tag: 'Київ' })).toEqual(['Йосипенко Андрій']);
  });

  it('keeps a name with HTML exactly as typed', () => {
    const name = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const result = editor.create({ fullName: name }, 'operator1');
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(new ClientCardReader(db.sqlite, () => 'uk').read(result.id)?.fullName).toBe(name);
  });
});

describe('search over more matches than it counts', () => {
  let many: PultDatabase;
  let manySearch: ClientSearch;
  beforeAll(async () => {
    many = await openTempDatabase();
    manySearch = new ClientSearch(many.sqlite);
    const manyEditor = new ClientEditor(many, clock);
    many.sqlite.transaction(() => {
      for (let i = 0; i < 1200; i++) {
        const created = manyEditor.create(
          {
            fullName: `Коваленко Олена ${i}`,
            city: i % 3 === 0 ? 'Полтава' : 'Київ',
            phones: [{ raw: `067${1_000_000 + i}` }],
            doNotCall: i % 10 === 0,
          },
          'operator1',
        );
        expect(created.ok).toBe(true);
      }
    })();
  });
  afterAll(async () => {
    await many.close();
  });
  const page = (text: string, extra: object = {}) =>
    manySearch.find(clientQuerySchema.parse({ text, limit: 100, ...extra }));

  it('says "1000 or more" and pages through the matches in order, without repeats', () => {
    const first = page('Коваленко О');
    const second = page('Коваленко О', { offset: 100 });
    expect(first).toMatchObject({ total: 1000, totalIsCapped: true });
    expect(first.items).toHaveLength(100);
    expect(first.items[0]).toMatchObject({ fullName: 'Коваленко Олена 0', phone: '+380671000000' });
    expect(second.items[0]?.fullName).toBe('Коваленко Олена 100');
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(200);
  });

  it('counts exactly below the cap, and a filter narrows the same matches', () => {
    expect(page('Полтава')).toMatchObject({ total: 400, totalIsCapped: false });
    const notToCall = page('Полтава', { doNotCall: 'only' });
    expect(notToCall).toMatchObject({ total: 40, totalIsCapped: false });
    expect(notToCall.items.every((item) => item.doNotCall && item.city === 'Полтава')).toBe(true);
  });

  it('reads a page past the counted matches too', () => {
    const late = page('Коваленко', { offset: 1100 });
    expect(late.items.map((item) => item.fullName)).toContain('Коваленко Олена 1100');
  });
});

describe('the list total, counted once while the base is unchanged', () => {
  let base: PultDatabase;
  let file: string;
  beforeAll(async () => {
    file = tempDatabaseFile();
    base = await openTempDatabase(file);
    const add = new ClientEditor(base, clock);
    for (const fullName of ['Андрієнко Анна', 'Бойко Богдан', 'Вовк Віра'])
      expect(add.create({ fullName, phones: [] }, 'operator1').ok).toBe(true);
  });
  afterAll(async () => {
    await base.close();
  });

  const total = (list: ClientSearch, extra: object = {}) =>
    list.find(clientQuerySchema.parse({ limit: 1, ...extra })).total;

  it('follows every change, whichever connection made it: a new client here, an import through another connection, a removal', () => {
    const list = new ClientSearch(base.sqlite);
    expect(total(list)).toBe(3);
    expect(total(list, { offset: 1 })).toBe(3);
    expect(
      new ClientEditor(base, clock).create({ fullName: 'Гнатюк Галина', phones: [] }, 'operator1')
        .ok,
    ).toBe(true);
    expect(total(list)).toBe(4);
    // An import writes through its own connection (a worker's): this one is told by SQLite's data version.
    const importer = new Database(file);
    importer.pragma('busy_timeout = 5000');
    importer
      .prepare(
        `INSERT INTO clients (full_name, sort_key, created_at, updated_at) VALUES ('Дмитренко Данило', 'дмитренко данило', '2026-11-27', '2026-11-27')`,
      )
      .run();
    importer.close();
    expect(total(list)).toBe(5);
    expect(total(list, { doNotCall: 'only' })).toBe(0);
    base.sqlite.prepare(`UPDATE clients SET do_not_call = 1 WHERE full_name = 'Вовк Віра'`).run();
    expect(total(list, { doNotCall: 'only' })).toBe(1);
    base.sqlite.prepare(`DELETE FROM clients WHERE full_name = 'Бойко Богдан'`).run();
    expect(total(list)).toBe(4);
  });

  it('is worked out once while nothing is written, and again after any write', () => {
    const cache = new UnchangedCache<number>(base.sqlite);
    let counted = 0;
    const count = () =>
      cache.get('all', () => {
        counted += 1;
        return (base.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
      });
    const first = count();
    expect(count()).toBe(first);
    expect(counted).toBe(1);
    // A write to another table forgets it too: a recount, never a stale figure.
    base.sqlite.prepare(`INSERT INTO tags (name) VALUES ('нова мітка')`).run();
    expect(count()).toBe(first);
    expect(counted).toBe(2);
  });
});
