import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientSearch } from '../../../src-main/core/clients/clientSearch';
import { SearchBacklog } from '../../../src-main/core/clients/searchBacklog';
import { connectSyncServer } from '../../../src-main/core/sync/pgConnection';
import { clientQuerySchema } from '../../../src-shared/clients/clientSchemas';
import { insertClientAsBefore, openAtVersion } from '../migrations/upgrade';
import { migrations } from '../../../src-main/core/db/migrations';
import { tempDatabaseFile } from '../../support/tempDatabase';
import {
  asRole,
  startTeamServer,
  teamWorkstation,
  type TeamServer,
  type TeamWorkstation,
} from '../../support/teamServer';

// Two hundred desks, one base: the center's PostgreSQL for real (TLS, SCRAM, a role per
// operator), and workstations with bases of their own, each pushing and pulling as the app does.
let server: TeamServer;
const open: TeamWorkstation[] = [];

beforeAll(async () => {
  server = await startTeamServer([
    { role: 'op1', team: 'north' },
    { role: 'op2', team: 'north' },
    { role: 'op3', team: 'north' },
    { role: 'sup1', team: 'north', supervisor: true },
    { role: 'op9', team: 'south' },
  ]);
}, 60_000);
afterAll(() => server.stop());
beforeEach(() => {
  server.reset();
});
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
});

async function desk(role: string) {
  const ws = await teamWorkstation(server, role);
  open.push(ws);
  return ws;
}

/** A client made on `ws` and shared with the team; its global id. */
async function shared(ws: TeamWorkstation, draft: Record<string, unknown>): Promise<string> {
  const made = ws.editor.create(draft, ws.role);
  if (!made.ok) throw new Error('not made');
  await ws.sync();
  return ws.uidOf(made.id);
}

describe('two workstations edit the same client offline', () => {
  it('different fields: both kept; the same field: the later received wins, and the clash is on the supervisors’ list', async () => {
    const a = await desk('op1');
    const b = await desk('op2');
    const uid = await shared(a, {
      fullName: 'Коваленко Андрій',
      city: 'Київ',
      phones: [{ raw: '067 123 45 67' }],
      tags: ['VIP'],
    });
    await b.sync();
    expect(b.client(uid)).toMatchObject({
      fullName: 'Коваленко Андрій',
      city: 'Київ',
      phones: ['+380671234567'],
      tags: ['VIP'],
    });

    // Offline, each on their own.
    a.edit(uid, { city: 'Бровари', notes: 'Просив дзвонити після 18:00' });
    b.edit(uid, { email: 'kovalenko@example.ua', notes: 'Має два модеми' });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const ws of [a, b])
      expect(ws.client(uid)).toMatchObject({
        city: 'Бровари',
        email: 'kovalenko@example.ua',
        notes: 'Має два модеми',
      });

    const clashes = (role: string) =>
      asRole(
        server,
        role,
        async (c) =>
          (
            await c.query<{
              field: string;
              kept: unknown;
              lost: unknown;
              kept_by: string;
              lost_by: string;
            }>('SELECT field, kept, lost, kept_by, lost_by FROM pult.clashes')
          ).rows,
      );
    expect(await clashes('sup1')).toEqual([
      {
        field: 'notes',
        kept: 'Має два модеми',
        lost: 'Просив дзвонити після 18:00',
        kept_by: 'op2',
        lost_by: 'op1',
      },
    ]);
    // An operator does not see the supervisors' list.
    expect(await clashes('op1')).toEqual([]);

    // An edit made after seeing the other's is no clash.
    a.edit(uid, { notes: 'Має два модеми; дзвонити після 18:00' });
    await a.sync();
    await b.sync();
    expect(b.client(uid)).toMatchObject({ notes: 'Має два модеми; дзвонити після 18:00' });
    expect(await clashes('sup1')).toHaveLength(1);
  });

  it('"do not call" set on one survives a concurrent edit on the other; lifted only by someone who had seen it', async () => {
    const a = await desk('op1');
    const b = await desk('op2');
    const uid = await shared(a, { fullName: 'Шевченко Олена', phones: [{ raw: '0501112233' }] });
    await b.sync();

    a.edit(uid, { doNotCall: true });
    // B, not knowing, ticks and unticks it while editing the notes.
    b.edit(uid, { doNotCall: true });
    b.edit(uid, { doNotCall: false, notes: 'Цікавилась тарифом 300 Мбіт' });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const ws of [a, b])
      expect(ws.client(uid)).toMatchObject({
        doNotCall: true,
        notes: 'Цікавилась тарифом 300 Мбіт',
      });

    // Now B has seen it: lifting it is a decision, and it holds.
    b.edit(uid, { doNotCall: false });
    await b.sync();
    await a.sync();
    expect(a.client(uid)).toMatchObject({ doNotCall: false });
  });

  it('phones and tags are sets: a concurrent add wins over a removal, other removals hold', async () => {
    const a = await desk('op1');
    const b = await desk('op2');
    const uid = await shared(a, {
      fullName: 'Бондар Ігор',
      phones: [{ raw: '0671234567' }, { raw: '0442223344' }],
      tags: ['VIP', 'борг'],
    });
    await b.sync();

    // A drops the mobile and the debt tag; B, offline, labels the mobile as the work one.
    a.edit(uid, { phones: [{ raw: '0442223344', label: '' }], tags: ['VIP'] });
    b.edit(uid, {
      phones: [
        { raw: '0671234567', label: 'робочий' },
        { raw: '0442223344', label: '' },
      ],
    });
    await b.sync();
    await a.sync();
    await b.sync();
    for (const ws of [a, b])
      expect(ws.client(uid)).toMatchObject({
        phones: ['+380442223344', '+380671234567 робочий'],
        tags: ['VIP'],
      });
  });
});

describe('a base from before team mode', () => {
  it('is uploaded once, with its ids; a new workstation receives the team’s clients by COPY, searchable', async () => {
    const file = tempDatabaseFile();
    const old = await openAtVersion(15, file);
    for (let i = 1; i <= 1_200; i++)
      insertClientAsBefore(old, {
        fullName: `Клієнт Давній ${i}`,
        phones: [`067${String(10_000_000 + i).slice(1)}`],
      });
    await old.close();
    const upgraded = await openAtVersion(migrations.length, file);
    const a = await teamWorkstation(server, 'op1', { db: upgraded });
    open.push(a);
    const uids = (
      upgraded.sqlite.prepare('SELECT uid FROM clients ORDER BY id').all() as { uid: string }[]
    ).map((r) => r.uid);
    expect(a.push.state().toUpload).toBe(1_200);
    await a.push.pushNow();
    expect(a.push.state()).toMatchObject({ toUpload: 0, pending: 0 });
    // Uploading again stores nothing twice.
    upgraded.sqlite.prepare('UPDATE sync_state SET uploaded = 0').run();
    await a.push.pushNow();
    expect(server.rows("SELECT count(*) FROM pult.clients WHERE team = 'north'")).toEqual(['1200']);

    const fresh = await desk('op2');
    const pulled = await fresh.pull();
    expect(pulled.read).toBe(1_200);
    expect(
      (
        fresh.db.sqlite.prepare('SELECT uid FROM clients ORDER BY uid').all() as { uid: string }[]
      ).map((r) => r.uid),
    ).toEqual([...uids].sort());
    // Landed as a bulk import lands: the search rows are left to the import worker's indexer.
    expect(pulled.indexLater).toBe(true);
    const backlog = new SearchBacklog(fresh.db.sqlite);
    expect(backlog.pending()).toBe(1_200);
    while (backlog.indexNext() > 0);
    const found = new ClientSearch(fresh.db.sqlite).find(
      clientQuerySchema.parse({ text: '0670000777' }),
    );
    expect(found.items.map((c) => c.fullName)).toEqual(['Клієнт Давній 777']);
    // The snapshot stands where the feed stood: the next pull reads nothing twice.
    expect((await fresh.pull()).read).toBe(0);
  });
});

describe('shared outbound work', () => {
  it('a list of 1,000 leads worked by three workstations at once: every lead dialled once, none twice', async () => {
    const campaign = '0193a000-0000-7000-8000-000000000001';
    server.rows(`INSERT INTO pult.leads (uid, team, campaign, client, e164)
      SELECT gen_random_uuid(), 'north', '${campaign}', gen_random_uuid(), '+38067' || lpad(i::text, 7, '0')
      FROM generate_series(1, 1000) i`);
    const dialled = new Map<string, string[]>();
    const work = async (role: string) => {
      const connection = await connectSyncServer(server.login(role));
      try {
        for (;;) {
          const batch = await connection.takeLeads(campaign, 5);
          if (batch.length === 0) return;
          for (const lead of batch) {
            dialled.set(lead.uid, [...(dialled.get(lead.uid) ?? []), role]);
            await connection.finishLead(lead.uid, 'noAnswer');
          }
        }
      } finally {
        await connection.close();
      }
    };
    await Promise.all(['op1', 'op2', 'op3'].map(work));
    expect(dialled.size).toBe(1_000);
    expect([...dialled.values()].filter((by) => by.length > 1)).toEqual([]);
    const perOperator = server.rows(
      "SELECT done_by || ':' || (count(*) > 0) FROM pult.leads GROUP BY done_by ORDER BY done_by",
    );
    expect(perOperator).toEqual(['op1:true', 'op2:true', 'op3:true']);
  });

  it('a reservation that lapses goes back to the team; a lead is finished only by whoever holds it', async () => {
    const campaign = '0193a000-0000-7000-8000-000000000002';
    server.rows(`INSERT INTO pult.leads (uid, team, campaign, client, e164)
      SELECT gen_random_uuid(), 'north', '${campaign}', gen_random_uuid(), '+38050' || lpad(i::text, 7, '0')
      FROM generate_series(1, 3) i`);
    const op1 = await connectSyncServer(server.login('op1'));
    const op2 = await connectSyncServer(server.login('op2'));
    try {
      const held = await op1.takeLeads(campaign, 10);
      expect(held).toHaveLength(3);
      expect(await op2.takeLeads(campaign, 10)).toEqual([]);
      await expect(op2.finishLead(held[0]!.uid, 'sale')).rejects.toMatchObject({ code: '55000' });
      // op1 went offline; the hold lapses.
      server.rows(`UPDATE pult.leads SET reserved_until = now() - interval '1 second'`);
      expect((await op2.takeLeads(campaign, 10)).map((l) => l.uid).sort()).toEqual(
        held.map((l) => l.uid).sort(),
      );
      expect(await op1.returnLeads(held.map((l) => l.uid))).toBe(0);
    } finally {
      await op1.close();
      await op2.close();
    }
  });
});

describe('what a role may read and write is the database’s decision', () => {
  it("another team's clients cannot be read or written; another operator's calls cannot be written", async () => {
    const a = await desk('op1');
    const uid = await shared(a, { fullName: 'Мельник Андрій', phones: [{ raw: '0671234567' }] });

    const south = await desk('op9');
    expect((await south.pull()).read).toBe(0);
    await asRole(server, 'op9', async (c) => {
      expect((await c.query('SELECT * FROM pult.clients')).rows).toEqual([]);
      expect((await c.query('SELECT * FROM pult.feed')).rows).toEqual([]);
      await expect(c.query("UPDATE pult.clients SET fields = '{}'")).rejects.toMatchObject({
        code: '42501',
      });
    });
    // Pushing an edit of the north's client from the south is refused by the server.
    south.db.sqlite
      .prepare(
        "INSERT INTO outbox (at, entity, entity_id, op, payload) VALUES (?, 'client', 1, 'update', ?)",
      )
      .run(
        new Date().toISOString(),
        JSON.stringify({
          id: 1,
          uid,
          set: { notes: 'чуже' },
          phones: { add: [], remove: [] },
          tags: { add: [], remove: [] },
        }),
      );
    await south.push.pushNow();
    const refusedOf = (ws: TeamWorkstation) =>
      ws.push.refused().map((change) => `${change.entity}: ${change.error}`);
    expect(refusedOf(south)).toHaveLength(1);
    expect(refusedOf(south)[0]).toMatch(/^client: 42501: client .* belongs to another team/);

    // A call wrapped up by op1; op2 cannot rewrite it, by push or by hand.
    const call = '0193a000-0000-7000-8000-0000000000c1';
    const wrapUp = (ws: TeamWorkstation, outcome: string) =>
      ws.db.sqlite
        .prepare(
          "INSERT INTO outbox (at, entity, entity_id, op, payload) VALUES (?, 'interaction', 1, 'update', ?)",
        )
        .run(
          new Date().toISOString(),
          JSON.stringify({ call: { uid: call, clientUid: uid, direction: 'inbound', outcome } }),
        );
    wrapUp(a, 'sale');
    await a.push.pushNow();
    const b = await desk('op2');
    wrapUp(b, 'refused');
    await b.push.pushNow();
    expect(refusedOf(b)).toHaveLength(1);
    expect(refusedOf(b)[0]).toMatch(/^interaction: 42501: call .* is another operator's/);
    await asRole(server, 'op2', async (c) => {
      expect((await c.query('SELECT operator, outcome FROM pult.calls')).rows).toEqual([
        { operator: 'op1', outcome: 'sale' },
      ]);
      await expect(
        c.query(`UPDATE pult.calls SET outcome = 'refused' WHERE uid = '${call}'`),
      ).rejects.toMatchObject({ code: '42501' });
    });
  });

  it('a role IT has not put in a team pushes nothing', async () => {
    server.cluster.admin(
      "CREATE ROLE stray LOGIN PASSWORD 'pw-stray' IN ROLE pult_operator",
      'pult',
    );
    try {
      const stray = await desk('stray');
      stray.editor.create({ fullName: 'Хтось' }, 'stray');
      await stray.push.pushNow();
      const refused = stray.push.refused();
      expect(refused).toHaveLength(1);
      expect(refused[0]?.error).toMatch(/^42501: role stray is not in any team/);
    } finally {
      server.cluster.admin('DROP ROLE stray', 'pult');
    }
  });
});
