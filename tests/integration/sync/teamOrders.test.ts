import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordChange } from '../../../src-main/core/db/changeJournal';
import {
  ordersOf,
  type WorkstationOrders,
} from '../../../src-main/core/workstation/workstationOrders';
import { connection, demoCatalogue, takeCatalogue } from '../../support/orderFixtures';
import {
  asRole,
  startTeamServer,
  teamWorkstation,
  type TeamServer,
  type TeamWorkstation,
} from '../../support/teamServer';

// Submitted orders reach the center, which keeps them as sent and moves their status only along
// the order book's transitions: a forged or stale move is refused by the database, and set aside
// on the desk that sent it while the rest of its queue flows.
let server: TeamServer;
const open: TeamWorkstation[] = [];
const clock = { now: () => new Date('2026-12-06T10:00:00') };

beforeAll(async () => {
  server = await startTeamServer([
    { role: 'op1', team: 'north' },
    { role: 'op2', team: 'north' },
    { role: 'sup1', team: 'north', supervisor: true },
  ]);
}, 60_000);
afterAll(() => server.stop());
beforeEach(() => server.reset());
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
});

async function desk(role: string) {
  const ws = await teamWorkstation(server, role);
  open.push(ws);
  takeCatalogue(ws.db, demoCatalogue());
  return { ws, orders: ordersOf({ db: ws.db }, { clock, language: () => 'uk' }) };
}

/** A client of the team, and an order for a service visit submitted for them on `orders`. */
function submitted(ws: TeamWorkstation, orders: WorkstationOrders) {
  const made = ws.editor.create(
    { fullName: 'Коваленко Марія Іванівна', city: 'Київ', address: 'вул. Хрещатик, 22' },
    ws.role,
  );
  if (!made.ok) throw new Error('the client was not made');
  const draft = orders.drafts.open({ typeCode: 'connection', clientId: made.id, actor: ws.role });
  orders.drafts.save(draft.uid, connection(draft.values, '2026-12-09'), ws.role);
  orders.book.confirm(draft.uid, ws.role);
  const result = orders.book.submit(draft.uid, ws.role);
  if (result.kind !== 'submitted') throw new Error(`not submitted: ${result.kind}`);
  return { order: result.order, clientUid: ws.uidOf(made.id) };
}

const statusesOf = (uid: string) =>
  server.rows(`SELECT status FROM pult.order_statuses WHERE order_uid = '${uid}' ORDER BY id`);

describe('orders on the center', () => {
  it('a submitted order arrives as sent, about the team’s client; its status follows the desk, move by move', async () => {
    const { ws, orders } = await desk('op1');
    const { order, clientUid } = submitted(ws, orders);
    await ws.sync();
    expect(
      server.rows(
        `SELECT operator || '|' || client || '|' || type || '|' || status || '|' || total_kop
         FROM pult.orders WHERE uid = '${order.uid}'`,
      ),
    ).toEqual([`op1|${clientUid}|connection|new|${order.totalKop}`]);

    orders.book.setStatus(order.id, 'confirmed', 'op1');
    orders.book.setStatus(order.id, 'done', 'op1', 'Підключено, абонент задоволений');
    await ws.sync();
    expect(server.rows(`SELECT status FROM pult.orders WHERE uid = '${order.uid}'`)).toEqual([
      'done',
    ]);
    expect(statusesOf(order.uid)).toEqual(['new', 'confirmed', 'done']);
    expect(ws.push.state()).toMatchObject({ pending: 0, refused: 0 });
  });

  it('a move the order book does not allow (done back to new) is refused by the database and set aside; the next change still goes', async () => {
    const { ws, orders } = await desk('op1');
    const { order } = submitted(ws, orders);
    orders.book.setStatus(order.id, 'done', 'op1');
    // A desk restored from an old copy, or a forged change: the order back to "new".
    recordChange(ws.db.sqlite, {
      at: clock.now().toISOString(),
      actor: 'op1',
      action: 'order.status',
      entity: 'order',
      entityId: order.id,
      details: { from: 'done', to: 'new' },
      outbox: { op: 'update', payload: { uid: order.uid, status: 'new', note: '' } },
    });
    ws.editor.create({ fullName: 'Шевчук Олена', phones: [{ raw: '067 555 44 33' }] }, 'op1');
    await ws.sync();
    expect(server.rows(`SELECT status FROM pult.orders WHERE uid = '${order.uid}'`)).toEqual([
      'done',
    ]);
    expect(statusesOf(order.uid)).toEqual(['new', 'done']);
    expect(ws.push.state()).toMatchObject({ pending: 0, refused: 1 });
    expect(ws.push.refused().map((r) => [r.entity, r.error])).toEqual([
      ['order', expect.stringMatching(/from done to new/) as unknown],
    ]);
    // The client made after it reached the team.
    expect(server.rows("SELECT fields->>'fullName' FROM pult.clients")).toContain('Шевчук Олена');
  });

  it("a colleague can neither read an operator's orders nor move them; the team's supervisor reads them", async () => {
    const { ws, orders } = await desk('op1');
    const { order } = submitted(ws, orders);
    await ws.sync();
    const seen = (role: string) =>
      asRole(
        server,
        role,
        async (client) => (await client.query('SELECT uid FROM pult.orders')).rowCount,
      );
    expect(await seen('op2')).toBe(0);
    expect(await seen('sup1')).toBe(1);

    const { ws: other } = await desk('op2');
    recordChange(other.db.sqlite, {
      at: clock.now().toISOString(),
      actor: 'op2',
      action: 'order.status',
      entity: 'order',
      entityId: 1,
      details: { to: 'cancelled' },
      outbox: { op: 'update', payload: { uid: order.uid, status: 'cancelled', note: '' } },
    });
    await other.sync();
    expect(other.push.refused().map((r) => r.error)).toEqual([
      expect.stringMatching(/another operator/) as unknown,
    ]);
    expect(server.rows(`SELECT status FROM pult.orders WHERE uid = '${order.uid}'`)).toEqual([
      'new',
    ]);
    // Nor write the table itself.
    await expect(
      asRole(server, 'op2', (client) =>
        client.query(`UPDATE pult.orders SET status = 'cancelled' WHERE uid = '${order.uid}'`),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
