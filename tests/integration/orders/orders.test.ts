import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PultDatabase } from '../../../src-main/core/db/database';
import {
  ordersOf,
  type WorkstationOrders,
} from '../../../src-main/core/workstation/workstationOrders';
import type { OrderValues } from '../../../src-shared/orders/orderValues';
import {
  addCall,
  addClient,
  connection,
  demoCatalogue,
  takeCatalogue,
} from '../../support/orderFixtures';
import { openTempDatabase, tempDatabaseFile } from '../../support/tempDatabase';

let now = new Date('2026-12-06T10:00:00');
const clock = { now: () => now };
let file: string;
let db: PultDatabase;
let orders: WorkstationOrders;
let clientId: number;

beforeEach(async () => {
  now = new Date('2026-12-06T10:00:00');
  file = tempDatabaseFile();
  db = await openTempDatabase(file);
  takeCatalogue(db, demoCatalogue());
  clientId = addClient(db, 'Коваленко Марія Іванівна');
  orders = ordersOf({ db }, { clock, language: () => 'uk' });
});
afterEach(async () => {
  await db.close();
});

/** A service connection as an operator fills it in, the visit three days ahead. */
const typed = (draft: OrderValues) => connection(draft, '2026-12-09');

function typedConnection(interactionId?: number) {
  const draft = orders.drafts.open({
    typeCode: 'connection',
    clientId,
    actor: 'op1',
    ...(interactionId === undefined ? {} : { interactionId }),
  });
  orders.drafts.save(draft.uid, typed(draft.values), 'op1');
  return draft.uid;
}

const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;

describe('an order draft', () => {
  it('opens filled from the client, and keeps every change exactly as typed through a reopened base', async () => {
    const draft = orders.drafts.open({ typeCode: 'connection', clientId, actor: 'op1' });
    expect(draft.clientName).toBe('Коваленко Марія Іванівна');
    // The card's one-line address is offered as the street, its city as what to look up.
    expect(draft.values['address']).toMatchObject({
      street: 'вул. Хрещатик, 22',
      settlement: 'Київ',
      settlementCode: '',
    });
    const asTyped = { ...typed(draft.values), materials: '  Кабель 20 м,  роутер ' };
    orders.drafts.save(draft.uid, asTyped, 'op1');
    await db.close();
    db = await openTempDatabase(file);
    orders = ordersOf({ db }, { clock, language: () => 'uk' });
    expect(orders.drafts.get(draft.uid)?.values).toEqual(asTyped);
    expect(orders.drafts.mine('op1').map((d) => d.uid)).toEqual([draft.uid]);
    // Nobody else's save reaches it.
    expect(() => orders.drafts.save(draft.uid, {}, 'op2')).toThrow('orderDraftNotFound');
  });

  it('is confirmed only when nothing is wrong, and a change after the confirmation withdraws it', () => {
    const draft = orders.drafts.open({ typeCode: 'connection', clientId, actor: 'op1' });
    expect(orders.book.confirm(draft.uid, 'op1')).toMatchObject({
      problems: {
        service: { problem: 'required' },
        address: { problem: 'noSettlement', part: 'settlement' },
      },
    });
    const values = typed(draft.values);
    orders.drafts.save(draft.uid, values, 'op1');
    expect(orders.book.confirm(draft.uid, 'op1')).toEqual({ confirmedAt: now.toISOString() });
    orders.drafts.save(draft.uid, values, 'op1');
    expect(orders.drafts.get(draft.uid)?.clientConfirmedAt).toBe(now.toISOString());
    orders.drafts.save(draft.uid, { ...values, sum: '250' }, 'op1');
    expect(orders.drafts.get(draft.uid)?.clientConfirmedAt).toBeNull();
    expect(() => orders.book.submit(draft.uid, 'op1')).toThrow('orderNotConfirmed');
  });
});

describe('submitting an order', () => {
  it('stores it once, open on the card, with its sum in kopiyky and a confirmation callback the day before the visit', () => {
    const call = addCall(db, clientId);
    const uid = typedConnection(call);
    orders.book.confirm(uid, 'op1');
    const first = orders.book.submit(uid, 'op1');
    const again = orders.book.submit(uid, 'op1');
    expect(first).toMatchObject({
      kind: 'submitted',
      repeated: false,
      order: {
        status: 'new',
        totalKop: 24050,
        title: 'Підключення послуги',
        dueAt: '2026-12-09T10:00',
      },
    });
    expect(again).toMatchObject({ kind: 'submitted', repeated: true, order: { uid } });
    expect(count('SELECT count(*) AS n FROM orders')).toBe(1);
    expect(count('SELECT count(*) AS n FROM order_drafts')).toBe(0);
    expect(
      db.sqlite.prepare('SELECT open_orders AS n FROM clients WHERE id = ?').get(clientId),
    ).toEqual({ n: 1 });
    expect(
      db.sqlite
        .prepare('SELECT interaction_id AS call, client_confirmed_at AS confirmed FROM orders')
        .get(),
    ).toEqual({
      call,
      confirmed: now.toISOString(),
    });
    expect(
      db.sqlite.prepare("SELECT due_at AS due, note FROM callbacks WHERE status = 'pending'").all(),
    ).toEqual([
      {
        due: new Date('2026-12-08T10:00:00').toISOString(),
        note: 'Підтвердити замовлення: Підключення послуги',
      },
    ]);
    expect(
      db.sqlite.prepare("SELECT action FROM audit_events WHERE entity = 'order'").all(),
    ).toEqual([{ action: 'order.submitted' }]);
  });

  it('stores one order when the process dies between the write and its answer, and the window submits again', async () => {
    const uid = typedConnection();
    orders.book.confirm(uid, 'op1');
    await db.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/support/orderSubmitChild.ts', file, uid],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, s) => resolve(s)),
    );
    expect(signal, output).toBe('SIGKILL');
    db = await openTempDatabase(file);
    orders = ordersOf({ db }, { clock, language: () => 'uk' });
    expect(orders.book.submit(uid, 'op1')).toMatchObject({ kind: 'submitted', repeated: true });
    expect(count('SELECT count(*) AS n FROM orders')).toBe(1);
  });

  it('asks before a second order of the same type for the client within the type’s time, and stores it once told', () => {
    const first = typedConnection();
    orders.book.confirm(first, 'op1');
    orders.book.submit(first, 'op1');
    now = new Date('2026-12-06T12:00:00');
    const second = typedConnection();
    orders.book.confirm(second, 'op1');
    const asked = orders.book.submit(second, 'op1');
    expect(asked).toMatchObject({ kind: 'possibleDouble', earlier: { clientId } });
    expect(count('SELECT count(*) AS n FROM orders')).toBe(1);
    expect(orders.book.submit(second, 'op1', { notADouble: true })).toMatchObject({
      kind: 'submitted',
      repeated: false,
    });
    expect(count('SELECT count(*) AS n FROM orders')).toBe(2);
  });

  it('refuses a draft with what is wrong, and stores nothing', () => {
    const draft = orders.drafts.open({ typeCode: 'connection', clientId, actor: 'op1' });
    orders.drafts.save(draft.uid, { ...typed(draft.values), tariff: 'inet300old' }, 'op1');
    db.sqlite.prepare('UPDATE order_drafts SET client_confirmed_at = ?').run(now.toISOString());
    expect(orders.book.submit(draft.uid, 'op1')).toEqual({
      kind: 'invalid',
      problems: { tariff: { problem: 'tariffNotValid' } },
    });
    expect(count('SELECT count(*) AS n FROM orders')).toBe(0);
  });

  it('moves through its statuses with who and when, leaves the open count when done, and never back', () => {
    const uid = typedConnection();
    orders.book.confirm(uid, 'op1');
    const result = orders.book.submit(uid, 'op1');
    if (result.kind !== 'submitted') throw new Error('not submitted');
    const id = result.order.id;
    orders.book.setStatus(id, 'confirmed', 'op2');
    orders.book.setStatus(id, 'scheduled', 'op2', 'бригада №4');
    expect(
      db.sqlite.prepare('SELECT open_orders AS n FROM clients WHERE id = ?').get(clientId),
    ).toEqual({ n: 1 });
    expect(orders.book.setStatus(id, 'done', 'op3').status).toBe('done');
    expect(
      db.sqlite.prepare('SELECT open_orders AS n FROM clients WHERE id = ?').get(clientId),
    ).toEqual({ n: 0 });
    expect(() => orders.book.setStatus(id, 'new', 'op3')).toThrow('orderStatusNotAllowed');
    expect(
      db.sqlite.prepare('SELECT status, actor, note FROM order_status_events ORDER BY id').all(),
    ).toEqual([
      { status: 'new', actor: 'op1', note: '' },
      { status: 'confirmed', actor: 'op2', note: '' },
      { status: 'scheduled', actor: 'op2', note: 'бригада №4' },
      { status: 'done', actor: 'op3', note: '' },
    ]);
  });

  it('lists orders newest first by status, type and days, a page after another', () => {
    for (let i = 0; i < 5; i++) {
      now = new Date(`2026-12-0${i + 1}T09:00:00`);
      const uid = typedConnection();
      orders.book.confirm(uid, 'op1');
      orders.book.submit(uid, 'op1', { notADouble: true });
    }
    const first = orders.book.list({ limit: 2, mine: false }, 'op1');
    expect(first.map((o) => o.createdAt.slice(0, 10))).toEqual([
      new Date('2026-12-05T09:00:00').toISOString().slice(0, 10),
      new Date('2026-12-04T09:00:00').toISOString().slice(0, 10),
    ]);
    const last = first.at(-1)!;
    const next = orders.book.list(
      { limit: 10, mine: false, after: { createdAt: last.createdAt, id: last.id } },
      'op1',
    );
    expect(next).toHaveLength(3);
    expect(
      orders.book.list({ limit: 10, mine: false, from: '2026-12-02', to: '2026-12-03' }, 'op1'),
    ).toHaveLength(2);
    expect(orders.book.list({ limit: 10, mine: false, status: 'done' }, 'op1')).toHaveLength(0);
    expect(orders.book.list({ limit: 10, mine: true }, 'op2')).toHaveLength(0);
  });
});

describe('complaints', () => {
  it('are registered on the client, the order and the call, due in 15 days, and resolved with their verdict', () => {
    const call = addCall(db, clientId);
    const complaint = orders.complaints.register(
      {
        clientId,
        interactionId: call,
        kind: 'reclamation',
        categoryCode: 'technician',
        body: 'Не приїхав технік',
      },
      'op1',
    );
    expect(complaint).toMatchObject({
      status: 'open',
      category: 'Не приїхав технік',
      dueOn: '2026-12-21',
      justified: null,
    });
    expect(
      db.sqlite.prepare('SELECT open_complaints AS n FROM clients WHERE id = ?').get(clientId),
    ).toEqual({ n: 1 });
    expect(() => orders.complaints.setStatus(complaint.id, 'resolved', 'op2')).toThrow(
      'complaintNeedsVerdict',
    );
    expect(orders.complaints.setStatus(complaint.id, 'resolved', 'op2', true)).toMatchObject({
      status: 'resolved',
      justified: true,
    });
    expect(
      db.sqlite.prepare('SELECT open_complaints AS n FROM clients WHERE id = ?').get(clientId),
    ).toEqual({ n: 0 });
    expect(() =>
      orders.complaints.register(
        { clientId, kind: 'complaint', categoryCode: 'nonsense', body: '' },
        'op1',
      ),
    ).toThrow('complaintCategoryUnknown');
    const other = addClient(db, 'Інший Клієнт');
    const uid = typedConnection();
    orders.book.confirm(uid, 'op1');
    const order = orders.book.submit(uid, 'op1');
    if (order.kind !== 'submitted') throw new Error('not submitted');
    expect(() =>
      orders.complaints.register(
        {
          clientId: other,
          orderId: order.order.id,
          kind: 'claim',
          categoryCode: 'billing',
          body: '',
        },
        'op1',
      ),
    ).toThrow('complaintOrderOfAnotherClient');
  });
});

describe('the knowledge base', () => {
  it('finds as typed, case and apostrophes aside, and never offers what is not in force', () => {
    expect(orders.knowledge.find('модем').map((h) => h.title)).toEqual([
      'Модем не працює: що перевірити',
    ]);
    expect(orders.knowledge.find('МОБІЛЬН ЗВЯЗ').map((h) => h.title)).toEqual([
      "Мобільний зв'язок",
    ]);
    expect(orders.knowledge.find('мобільний зв’язок').map((h) => h.title)).toEqual([
      "Мобільний зв'язок",
    ]);
    const archived = orders.knowledge.find('архівний')[0]!;
    expect(archived).toMatchObject({ kind: 'tariff', offerable: false });
    const expired = orders.knowledge.find('Інтернет ТБ 20')[0]!;
    expect(expired).toMatchObject({ kind: 'promotion', validTo: '2026-09-30', offerable: false });
    const call = addCall(db, clientId);
    expect(() =>
      orders.knowledge.offer(
        { kind: 'promotion', id: expired.id, interactionId: call, result: 'accepted' },
        'op1',
      ),
    ).toThrow('offerNotInForce');
    const tariff = orders.knowledge.find('Інтернет 500')[0]!;
    expect(tariff).toMatchObject({ kind: 'tariff', priceKop: 25000, offerable: true });
    expect(() =>
      orders.knowledge.offer(
        {
          kind: 'tariff',
          id: tariff.id,
          interactionId: call,
          result: 'refused',
          reasonCode: 'nope',
        },
        'op1',
      ),
    ).toThrow('refusalReasonUnknown');
    orders.knowledge.offer(
      {
        kind: 'tariff',
        id: tariff.id,
        interactionId: call,
        result: 'refused',
        reasonCode: 'tooExpensive',
      },
      'op1',
    );
    expect(
      db.sqlite
        .prepare(
          `SELECT o.client_id AS client, o.interaction_id AS call, t.code AS tariff, o.result, r.code AS reason
           FROM offers o JOIN tariffs t ON t.id = o.tariff_id JOIN refusal_reasons r ON r.id = o.refusal_reason_id`,
        )
        .all(),
    ).toEqual([
      { client: clientId, call, tariff: 'inet500', result: 'refused', reason: 'tooExpensive' },
    ]);
  });

  it('takes a new catalogue by its codes: what it drops is kept for old offers but no longer found', () => {
    const before = orders.knowledge.find('Економ')[0]!;
    const next = demoCatalogue();
    next.version = 'next';
    next.tariffs = next.tariffs.filter((t) => t.code !== 'inetEconomy');
    expect(takeCatalogue(db, next)).toEqual({ applied: true });
    expect(takeCatalogue(db, next)).toEqual({ applied: false });
    expect(orders.knowledge.find('Економ')).toEqual([]);
    expect(
      db.sqlite.prepare('SELECT code, active FROM tariffs WHERE id = ?').get(before.id),
    ).toEqual({ code: 'inetEconomy', active: 0 });
    expect(orders.catalogue.current()?.version).toBe('next');
  });
});
