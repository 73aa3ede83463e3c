import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyCatalogue } from '../../../src-main/core/catalogue/catalogueLoader';
import { CatalogueStore } from '../../../src-main/core/catalogue/catalogueStore';
import { TeamCatalogues, takeTeamCatalogue } from '../../../src-main/core/catalogue/teamCatalogues';
import { KnowledgeBase } from '../../../src-main/core/knowledge/knowledgeBase';
import { catalogueSchema } from '../../../src-shared/orders/catalogue';
import { WrapUp } from '../../../src-main/core/calls/wrapUp';
import { ClientCardReader } from '../../../src-main/core/clients/clientCard';
import { DayOffRequests } from '../../../src-main/core/schedule/dayOffRequests';
import { connectSyncServer } from '../../../src-main/core/sync/pgConnection';
import { SupervisorDesk } from '../../../src-main/core/sync/supervisorDesk';
import { HelpCalls } from '../../../src-main/core/sync/helpCalls';
import { OpenCallbacks } from '../../../src-main/core/sync/teamCallbacks';
import { CallbackList } from '../../../src-main/core/calls/callbackList';
import { callView } from '../../support/callViews';
import { TeamPublishing } from '../../../src-main/core/sync/teamPublishing';
import { takeTargets } from '../../../src-main/core/performance/targetEditions';
import { ScriptLibrary } from '../../../src-main/core/scripts/scriptLibrary';
import { scriptGraphSchema } from '../../../src-shared/scripts/scriptGraph';
import { addDays } from '../../../src-shared/localDays';
import {
  asRole,
  startTeamServer,
  teamWorkstation,
  type TeamServer,
  type TeamWorkstation,
} from '../../support/teamServer';

// The supervisor's part of team mode: colleagues' day-off requests reach the team's supervisors
// (and no one else), are decided once, and the decision reaches the operator's desk; field clashes
// are settled by a supervisor; a colleague's call is on the client's card at every desk.
let server: TeamServer;
const open: TeamWorkstation[] = [];
const connections: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startTeamServer([
    { role: 'op1', team: 'north' },
    { role: 'op2', team: 'north' },
    { role: 'op3', team: 'north' },
    { role: 'sup', team: 'north', supervisor: true },
    { role: 'sup9', team: 'south', supervisor: true },
  ]);
}, 60_000);
afterAll(() => server.stop());
beforeEach(() => server.reset());
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
  for (const c of connections.splice(0)) await c.close();
});

const clock = { now: () => new Date() };
const repoRoot = path.resolve(import.meta.dirname, '../../..');

async function desk(role: string) {
  const ws = await teamWorkstation(server, role);
  open.push(ws);
  const center = {
    clock,
    connection: async () => {
      const made = await connectSyncServer(server.login(role));
      connections.push(made);
      return made;
    },
    pullNow: () => ws.pull(),
  };
  const supervisor = new SupervisorDesk(ws.db.sqlite, center);
  return {
    ws,
    supervisor,
    publishing: new TeamPublishing(ws.db, center),
    library: new ScriptLibrary(ws.db, clock),
    dayOff: new DayOffRequests(ws.db.sqlite, clock),
  };
}

const sqlStateOf = (work: Promise<unknown>) =>
  work.then(
    () => 'no error',
    (error: unknown) => (error as { code?: string }).code,
  );

describe('a day-off request', () => {
  it('reaches the team’s supervisors only; one decides it, once, and the operator reads who and why', async () => {
    const op1 = await desk('op1');
    const op2 = await desk('op2');
    const sup = await desk('sup');
    const sup9 = await desk('sup9');
    const day = addDays(op1.dayOff.requestWeek(), 2);
    op1.dayOff.request({ day, reason: 'Сімейні обставини' }, 'op1');
    await op1.ws.sync();
    for (const other of [op2, sup, sup9]) await other.ws.sync();

    const waiting = (await sup.supervisor.view()).dayOffs;
    expect(waiting).toMatchObject([
      { operator: 'op1', day, reason: 'Сімейні обставини', status: 'submitted', decidedBy: null },
    ]);
    // A colleague sees nothing of it, nor does another team's supervisor.
    expect((await op2.supervisor.view()).dayOffs).toEqual([]);
    expect((await op2.supervisor.view()).supervisor).toBe(false);
    expect((await sup9.supervisor.view()).dayOffs).toEqual([]);
    await asRole(server, 'op2', async (c) => {
      expect((await c.query('SELECT * FROM pult.day_offs')).rows).toEqual([]);
      expect((await c.query("SELECT * FROM pult.feed WHERE entity = 'dayOff'")).rows).toEqual([]);
    });

    // Only a supervisor of the team decides, and never their own request.
    const uid = waiting[0]!.uid;
    for (const role of ['op2', 'op1', 'sup9'])
      expect(
        await asRole(server, role, (c) =>
          sqlStateOf(c.query('SELECT pult.decide_day_off($1, true, $2)', [uid, ''])),
        ),
      ).toMatch(/^(42501|42704)$/);
    await expect(op2.supervisor.decideDayOff({ uid, approve: true, note: '' })).rejects.toThrow(
      'notSupervisor',
    );

    const after = await sup.supervisor.decideDayOff({
      uid,
      approve: false,
      note: ' У четвер замало людей у зміні ',
    });
    expect(after.dayOffs).toMatchObject([
      { uid, status: 'rejected', decidedBy: 'sup', decisionNote: 'У четвер замало людей у зміні' },
    ]);
    await expect(sup.supervisor.decideDayOff({ uid, approve: true, note: '' })).rejects.toThrow(
      'alreadyDecided',
    );

    await op1.ws.pull();
    expect(op1.dayOff.between(day, day, 'op1')).toMatchObject([
      {
        day,
        status: 'rejected',
        decidedBy: 'sup',
        decisionNote: 'У четвер замало людей у зміні',
        waitingToSend: false,
      },
    ]);
    // The operator's new PC gets the request back, decision and all, with its first snapshot.
    const newPc = await desk('op1');
    await newPc.ws.pull();
    expect(newPc.dayOff.between(day, day, 'op1')).toMatchObject([
      { day, status: 'rejected', decidedBy: 'sup', reason: 'Сімейні обставини' },
    ]);
  });

  it('made offline waits in the outbox and reaches the supervisor when the desk is back', async () => {
    const op1 = await desk('op1');
    const sup = await desk('sup');
    const day = addDays(op1.dayOff.requestWeek(), 0);
    op1.dayOff.request({ day, reason: 'Лікар' }, 'op1');
    expect(op1.dayOff.between(day, day, 'op1')[0]?.waitingToSend).toBe(true);
    await sup.ws.sync();
    expect((await sup.supervisor.view()).dayOffs).toEqual([]);
    await op1.ws.sync();
    await sup.ws.pull();
    expect((await sup.supervisor.view()).dayOffs.map((d) => d.reason)).toEqual(['Лікар']);
  });
});

describe('a clash', () => {
  it('is listed for the supervisor with the client’s name; keeping the overwritten value reaches every desk', async () => {
    const op1 = await desk('op1');
    const op2 = await desk('op2');
    const sup = await desk('sup');
    const made = op1.ws.editor.create({ fullName: 'Ткаченко Олег', city: 'Львів' }, 'op1');
    if (!made.ok) throw new Error('not made');
    await op1.ws.sync();
    const uid = op1.ws.uidOf(made.id);
    await op2.ws.sync();
    await sup.ws.sync();
    // Both change the city, neither having seen the other's change.
    op1.ws.edit(uid, { city: 'Київ' });
    op2.ws.edit(uid, { city: 'Одеса' });
    await op1.ws.sync();
    await op2.ws.sync();
    expect((await op1.ws.pull()).read).toBeGreaterThan(0);

    const listed = await sup.supervisor.view();
    expect(listed.clashes).toMatchObject([
      {
        clientId: sup.ws.idOf(uid),
        clientName: 'Ткаченко Олег',
        field: 'city',
        kept: 'Одеса',
        lost: 'Київ',
        current: 'Одеса',
        keptBy: 'op2',
        lostBy: 'op1',
      },
    ]);
    // Operators do not see the list, nor can they settle it.
    expect((await op1.supervisor.view()).clashes).toEqual([]);
    const id = listed.clashes![0]!.id;
    expect(
      await asRole(server, 'op1', (c) =>
        sqlStateOf(c.query("SELECT pult.resolve_clash($1, 'lost')", [id])),
      ),
    ).toBe('42501');

    const settled = await sup.supervisor.resolveClash({ id, keep: 'lost' });
    expect(settled.clashes).toEqual([]);
    for (const ws of [op1.ws, op2.ws]) await ws.pull();
    for (const ws of [op1.ws, op2.ws, sup.ws])
      expect(ws.client(uid)).toMatchObject({ city: 'Київ' });
    await expect(sup.supervisor.resolveClash({ id, keep: 'kept' })).rejects.toThrow(
      'alreadyDecided',
    );
  });

  it('never lifts a do-not-call by restoring the value it overwrote', async () => {
    const op1 = await desk('op1');
    const op2 = await desk('op2');
    const sup = await desk('sup');
    const made = op1.ws.editor.create({ fullName: 'Гнатюк Віра' }, 'op1');
    if (!made.ok) throw new Error('not made');
    await op1.ws.sync();
    const uid = op1.ws.uidOf(made.id);
    await op2.ws.sync();
    // op1 marks do-not-call and lifts it again; op2, not having seen either, marks it.
    op1.ws.edit(uid, { doNotCall: true });
    await op1.ws.sync();
    op1.ws.edit(uid, { doNotCall: false });
    await op1.ws.sync();
    op2.ws.edit(uid, { doNotCall: true });
    await op2.ws.sync();
    await sup.ws.sync();
    const dnc = (await sup.supervisor.view()).clashes!.find((c) => c.field === 'doNotCall');
    expect(dnc).toMatchObject({ kept: true, lost: false, keptBy: 'op2', lostBy: 'op1' });
    await expect(sup.supervisor.resolveClash({ id: dnc!.id, keep: 'lost' })).rejects.toThrow(
      'doNotCallStays',
    );
    expect((await sup.supervisor.view()).clashes!.map((c) => c.id)).toContain(dnc!.id);
    await op1.ws.pull();
    expect(op1.ws.client(uid)?.doNotCall).toBe(true);
  });
});

describe('a colleague’s call', () => {
  it('is on the client’s card at another desk, with who took it and the reason in words; the desk that took it lists it once', async () => {
    const op1 = await desk('op1');
    const op2 = await desk('op2');
    const made = op1.ws.editor.create(
      { fullName: 'Савчук Марта', phones: [{ raw: '067 111 22 33' }] },
      'op1',
    );
    if (!made.ok) throw new Error('not made');
    const callId = Number(
      op1.ws.db.sqlite
        .prepare(
          `INSERT INTO interactions (client_id, kind, direction, remote_number, offered_at, answered_at, ended_at, talk_seconds)
           VALUES (?, 'call', 'outbound', '+380671112233', ?, ?, ?, 64)`,
        )
        .run(
          made.id,
          '2026-12-07T09:50:00.000Z',
          '2026-12-07T09:50:05.000Z',
          '2026-12-07T09:51:09.000Z',
        ).lastInsertRowid,
    );
    const wrapped = new WrapUp(op1.ws.db, clock).finish(
      {
        interactionId: callId,
        disposition: 'refused',
        refusalReason: 'hasProvider',
        notes: 'Передзвонити навесні',
      },
      'op1',
    );
    expect(wrapped.ok).toBe(true);
    await op1.ws.sync();
    const pulled = await op2.ws.sync();
    const here = op2.ws.idOf(op1.ws.uidOf(made.id))!;
    expect(pulled.clients).toContain(here);
    const card = new ClientCardReader(op2.ws.db.sqlite, () => 'uk').read(here)!;
    const calls = card.history.filter((e) => e.kind === 'call');
    expect(calls).toMatchObject([
      {
        at: '2026-12-07T09:50:00.000Z',
        direction: 'outbound',
        talkSeconds: 64,
        outcome: 'refused',
        notes: 'Передзвонити навесні',
        by: 'op1',
      },
    ]);
    expect(calls[0]?.refusalReason).toEqual(expect.any(String));
    // op1's own call comes back on the feed; its card lists it once, as its own.
    await op1.ws.pull();
    const own = new ClientCardReader(op1.ws.db.sqlite, () => 'uk').read(made.id)!;
    expect(own.history.filter((e) => e.kind === 'call').map((e) => 'by' in e && e.by)).toEqual([
      null,
    ]);
    // A desk joining later gets it with its snapshot.
    const late = await desk('op2');
    await late.ws.pull();
    const lateId = late.ws.idOf(op1.ws.uidOf(made.id))!;
    expect(
      new ClientCardReader(late.ws.db.sqlite, () => 'uk')
        .read(lateId)!
        .history.filter((e) => e.kind === 'call'),
    ).toMatchObject([{ by: 'op1', notes: 'Передзвонити навесні' }]);
  });
});

describe('published for the team', () => {
  const greeting = (text: string) =>
    scriptGraphSchema.parse({
      name: 'Вітання',
      start: 'hello',
      nodes: [
        { id: 'hello', type: 'say', text, next: 'done' },
        { id: 'done', type: 'end', outcome: 'info' },
      ],
    });

  it('a script’s live version reaches every desk as its live version; the next one follows; an operator cannot publish', async () => {
    const sup = await desk('sup');
    const op1 = await desk('op1');
    const made = sup.library.create(greeting('Добрий день!'), 'sup');
    sup.library.publish(made.id, 'sup');
    expect(await sup.publishing.script(made.scriptId)).toEqual({ version: 1 });
    await op1.ws.pull();
    const there = () => {
      const listed = op1.library.catalogue().find((s) => s.name === 'Вітання');
      return listed === undefined ? undefined : op1.library.live(listed.scriptId);
    };
    expect(there()?.graph).toEqual(greeting('Добрий день!'));
    expect(there()?.createdBy).toBe('sup');

    const next = sup.library.saveDraft(made.scriptId, greeting('Вітаю, це Пульт!'), 'sup');
    sup.library.publish(next.id, 'sup');
    expect(await sup.publishing.script(made.scriptId)).toEqual({ version: 2 });
    // Published again unchanged: the team keeps its version.
    expect(await sup.publishing.script(made.scriptId)).toEqual({ version: 2 });
    await op1.ws.pull();
    expect(there()?.graph).toEqual(greeting('Вітаю, це Пульт!'));
    // The supervisor's own desk has it once, as it was.
    await sup.ws.pull();
    expect(sup.library.catalogue().filter((s) => s.name === 'Вітання')).toHaveLength(1);

    const own = op1.library.create({ ...greeting('Привіт'), name: 'Моє' }, 'op1');
    op1.library.publish(own.id, 'op1');
    await expect(op1.publishing.script(own.scriptId)).rejects.toThrow('notSupervisor');
  });

  it('targets reach every desk as editions of the team; given again, nothing is added', async () => {
    const sup = await desk('sup');
    const op1 = await desk('op1');
    const editions = [
      {
        metric: 'callsHandled',
        period: 'day',
        value: 60,
        version: 't-2026-12',
        effectiveFrom: '2026-12-01',
      },
      {
        metric: 'conversion',
        period: 'month',
        value: 0.12,
        version: 't-2026-12',
        effectiveFrom: '2026-12-01',
      },
    ];
    takeTargets(sup.ws.db.sqlite, editions, 'file', new Date().toISOString());
    expect(await sup.publishing.targets()).toEqual({ added: 2 });
    expect(await sup.publishing.targets()).toEqual({ added: 0 });
    await op1.ws.pull();
    expect(
      op1.ws.db.sqlite
        .prepare(
          'SELECT metric, period, value, version, effective_from AS effectiveFrom, source FROM targets ORDER BY metric',
        )
        .all(),
    ).toEqual(editions.map((e) => ({ ...e, source: 'team:sup' })));
    await expect(op1.publishing.targets()).rejects.toThrow('notSupervisor');
  });
});

describe('the team’s figures', () => {
  /** A wrapped-up call as the desk's outbox sends it. */
  const wrapUp = (ws: TeamWorkstation, n: number, outcome: string, talkSeconds: number) =>
    ws.db.sqlite
      .prepare(
        "INSERT INTO outbox (at, entity, entity_id, op, payload) VALUES (?, 'interaction', ?, 'update', ?)",
      )
      .run(
        new Date().toISOString(),
        n,
        JSON.stringify({
          call: {
            uid: `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
            direction: 'inbound',
            offeredAt: new Date().toISOString(),
            talkSeconds,
            outcome,
          },
        }),
      );

  it('a supervisor reads each operator’s; an operator reads only their own beside an anonymous range, and none among fewer than three', async () => {
    const sup = await desk('sup');
    const desks = await Promise.all(['op1', 'op2', 'op3'].map((role) => desk(role)));
    // op1: 4 calls, 2 sales; op2: 2 calls, 1 sale; op3: 1 call, no sale.
    const plan: [number, string[]][] = [
      [0, ['sale', 'sale', 'refused', 'info']],
      [1, ['sale', 'refused']],
      [2, ['refused']],
    ];
    let n = 0;
    for (const [at, outcomes] of plan) {
      const one = desks[at]!;
      for (const outcome of outcomes) wrapUp(one.ws, (n += 1), outcome, 60);
      await one.ws.push.pushNow();
    }
    expect((await sup.supervisor.view()).figures).toEqual([
      { operator: 'op1', handled: 4, sales: 2, conversion: 0.5, ahtSeconds: 60 },
      { operator: 'op2', handled: 2, sales: 1, conversion: 0.5, ahtSeconds: 60 },
      { operator: 'op3', handled: 1, sales: 0, conversion: 0, ahtSeconds: 60 },
    ]);
    // Over the month the same calls; chosen once, the period stays for the next look.
    const month = await sup.supervisor.view('month');
    expect(month.figuresPeriod).toBe('month');
    expect(month.figures?.map((f) => f.handled)).toEqual([4, 2, 1]);
    expect((await sup.supervisor.view()).figuresPeriod).toBe('month');
    // Tomorrow, "today" has no calls yet.
    const tomorrow = new SupervisorDesk(sup.ws.db.sqlite, {
      clock: { now: () => new Date(Date.now() + 86_400_000) },
      connection: async () => {
        const made = await connectSyncServer(server.login('sup'));
        connections.push(made);
        return made;
      },
      pullNow: () => sup.ws.pull(),
    });
    expect((await tomorrow.view('day')).figures).toEqual([]);
    // Two colleagues who worked are too few to hide among.
    const op1 = await desks[0]!.supervisor.peers();
    expect(op1).toMatchObject({ peers: 2, own: { handled: 4, sales: 2 }, range: null });
    expect((await desks[0]!.supervisor.view()).figures).toBeNull();
    await asRole(server, 'op1', async (c) => {
      await expect(
        c.query("SELECT * FROM pult.team_figures(now() - interval '1 day', now())"),
      ).rejects.toMatchObject({ code: '42501' });
      await expect(
        c.query("SELECT * FROM pult.operator_figures('north', now() - interval '1 day', now())"),
      ).rejects.toMatchObject({ code: '42501' });
    });
    // The supervisor takes a call too: three colleagues now, and a range, never a name.
    wrapUp(sup.ws, n + 1, 'refused', 120);
    await sup.ws.push.pushNow();
    const ranged = await desks[2]!.supervisor.peers();
    expect(ranged).toMatchObject({
      peers: 3,
      own: { handled: 1, sales: 0 },
      range: { handled: [1, 2, 4], sales: [0, 1, 2], ahtSeconds: [60, 60, 120] },
    });
    expect(JSON.stringify(ranged)).not.toMatch(/op1|op2|sup/);
  });
});

describe('a call for help', () => {
  const liveCall = callView(7, {
    state: 'active',
    client: { id: 1, fullName: 'Коваль Марія' },
    matches: 1,
    answeredAt: new Date().toISOString(),
    line: '0800300500',
  });
  const helpAt = (role: string) =>
    new HelpCalls({
      connection: async () => {
        const made = await connectSyncServer(server.login(role));
        connections.push(made);
        return made;
      },
      showNumber: (number) => `${number.slice(0, 6)}•••${number.slice(-2)}`,
    });

  it('reaches the team’s supervisors with the call and the client; the first to answer gives the line the operator consults', async () => {
    const op1 = await desk('op1');
    const op2 = await desk('op2');
    const sup = await desk('sup');
    const sup9 = await desk('sup9');
    for (const ws of [op1, op2, sup, sup9]) await ws.ws.pull();
    const { uid } = await helpAt('op1').ask(liveCall);

    const atSupervisor = await sup.ws.pull();
    expect(atSupervisor.help).toMatchObject([
      {
        uid,
        operator: 'op1',
        request: {
          callId: 7,
          clientName: 'Коваль Марія',
          number: '+38067•••67',
          line: '0800300500',
        },
        answeredBy: null,
      },
    ]);
    // Neither a colleague nor another team's supervisor hears of it.
    expect((await op2.ws.pull()).help).toEqual([]);
    expect((await sup9.ws.pull()).help).toEqual([]);

    await expect(helpAt('op2').answer(uid, '1002')).rejects.toThrow('notSupervisor');
    await expect(helpAt('sup9').answer(uid, '1009')).rejects.toThrow('alreadyDecided');
    await helpAt('sup').answer(uid, '1001');
    await expect(helpAt('sup').answer(uid, '1001')).rejects.toThrow('alreadyDecided');
    const atOperator = await op1.ws.pull();
    expect(atOperator.help.at(-1)).toMatchObject({ uid, answeredBy: 'sup', extension: '1001' });
    // A call already over is not one to ask about.
    await expect(helpAt('op1').ask({ ...liveCall, state: 'ended' })).rejects.toThrow(
      'callNotFound',
    );
  });
});

describe('a callback not kept', () => {
  it('opens to the team a grace after its time; a colleague takes it, and it leaves the list of the one who promised it', async () => {
    server.rows("UPDATE pult.settings SET callback_grace = '1 second'");
    try {
      const op1 = await desk('op1');
      const op2 = await desk('op2');
      const made = op1.ws.editor.create({ fullName: 'Лисенко Павло' }, 'op1');
      if (!made.ok) throw new Error('not made');
      const list1 = new CallbackList(op1.ws.db, clock);
      const due = new Date(Date.now() + 800).toISOString();
      const id = list1.create(made.id, due, 'Уточнити адресу доставки', 'op1');
      expect(typeof id).toBe('number');
      await op1.ws.sync();
      await op2.ws.sync();
      const open2 = new OpenCallbacks(op2.ws.db.sqlite, {
        clock,
        connection: async () => {
          const c = await connectSyncServer(server.login('op2'));
          connections.push(c);
          return c;
        },
        pullNow: () => op2.ws.pull(),
      });
      // Not yet overdue past its grace: still only op1's.
      expect(await open2.list()).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 2200));
      const open = await open2.list();
      expect(open).toMatchObject([
        {
          clientId: op2.ws.idOf(op1.ws.uidOf(made.id)),
          clientName: 'Лисенко Павло',
          owner: 'op1',
          note: 'Уточнити адресу доставки',
        },
      ]);
      await open2.take(open![0]!.uid);
      await expect(open2.take(open![0]!.uid)).rejects.toThrow('alreadyDecided');
      const mine2 = await new CallbackList(op2.ws.db, clock).mine('op2', 0);
      expect(mine2.overdue.map((c) => [c.clientName, c.note])).toEqual([
        ['Лисенко Павло', 'Уточнити адресу доставки'],
      ]);
      // op2's new PC has it too, with its first snapshot.
      const newPc = await desk('op2');
      await newPc.ws.pull();
      expect(
        (await new CallbackList(newPc.ws.db, clock).mine('op2', 0)).overdue.map((c) => c.note),
      ).toEqual(['Уточнити адресу доставки']);
      await op1.ws.pull();
      const mine1 = await list1.mine('op1', 0);
      expect([...mine1.overdue, ...mine1.today, ...mine1.later]).toEqual([]);
      // What came from the center is not sent back to it: op1's outbox holds only the promise made.
      const sentOf = (ws: TeamWorkstation) =>
        ws.db.sqlite
          .prepare(
            "SELECT json_extract(payload, '$.status') FROM outbox WHERE entity = 'teamCallback'",
          )
          .pluck()
          .all();
      expect(sentOf(op1.ws)).toEqual(['pending']);
      expect(sentOf(op2.ws)).toEqual([]);
      // op2 keeps it: done at op2 reaches the center; nothing came back to be sent again.
      new CallbackList(op2.ws.db, clock).markDone(mine2.overdue[0]!.id, 'op2');
      await op2.ws.push.pushNow();
      expect(op2.ws.push.refused()).toEqual([]);
      expect(op1.ws.push.refused()).toEqual([]);
      expect(server.rows('SELECT owner, taken_from, status FROM pult.callbacks')).toEqual([
        'op2|op1|done',
      ]);
      expect(await open2.list()).toEqual([]);
    } finally {
      server.rows("UPDATE pult.settings SET callback_grace = '15 minutes'");
    }
  });
});

describe('the catalogue published for the team', () => {
  const fileEdition = catalogueSchema.parse(
    JSON.parse(
      readFileSync(path.join(repoRoot, 'resources/catalogue/demo-catalogue.json'), 'utf8'),
    ),
  );
  /** The supervisor's own edition: the file's, with a tariff of their own. */
  const teamEdition = catalogueSchema.parse({
    ...fileEdition,
    version: 'команда-2026-12',
    products: [
      ...fileEdition.products,
      {
        code: 'solarRoof',
        name: 'Сонячний дах',
        description: 'Сонячні панелі на дах приватного будинку, монтаж за тиждень',
        active: true,
      },
    ],
  });
  const load = (ws: TeamWorkstation, catalogue: typeof fileEdition, sha: string, source: string) =>
    applyCatalogue(ws.db.sqlite, catalogue, {
      sha256: sha,
      source,
      at: new Date().toISOString(),
      actor: 'it',
    });
  const found = (ws: TeamWorkstation, typed: string) =>
    new KnowledgeBase(ws.db.sqlite, clock).find(typed).map((hit) => hit.title);
  const inUse = (ws: TeamWorkstation) => new CatalogueStore(ws.db.sqlite).current()?.version;

  it('reaches every desk, a new one with its snapshot; a file IT names does not undo it at the next start; an operator cannot publish', async () => {
    const sup = await desk('sup');
    const op1 = await desk('op1');
    // Both desks start from the file IT names.
    for (const ws of [sup.ws, op1.ws])
      load(ws, fileEdition, 'a'.repeat(64), '/etc/pult/catalogue.json');
    expect(found(op1.ws, 'сонячний')).toEqual([]);
    load(sup.ws, teamEdition, 'b'.repeat(64), '/home/sup/catalogue.json');

    expect(await sup.publishing.catalogue()).toEqual({ version: 'команда-2026-12', shared: true });
    // Given again: the team has it.
    expect(await sup.publishing.catalogue()).toEqual({ version: 'команда-2026-12', shared: false });

    await op1.ws.pull();
    const waiting = new TeamCatalogues(op1.ws.db.sqlite);
    expect(waiting.waiting()).toBe(true);
    // Taken as the worker takes it: the knowledge base finds the new product at once.
    expect(takeTeamCatalogue(op1.ws.db.sqlite, new Date().toISOString())).toEqual({
      version: 'команда-2026-12',
      applied: true,
    });
    expect(waiting.waiting()).toBe(false);
    expect(found(op1.ws, 'сонячний')).toEqual(['Сонячний дах']);
    expect(inUse(op1.ws)).toBe('команда-2026-12');
    // The next start loads the unchanged file again: the team's edition stays in use.
    expect(load(op1.ws, fileEdition, 'a'.repeat(64), '/etc/pult/catalogue.json')).toEqual({
      applied: false,
    });
    expect(inUse(op1.ws)).toBe('команда-2026-12');

    // A desk that joins later gets the latest edition with its first snapshot.
    const op2 = await desk('op2');
    await op2.ws.pull();
    expect(takeTeamCatalogue(op2.ws.db.sqlite, new Date().toISOString())?.version).toBe(
      'команда-2026-12',
    );
    expect(found(op2.ws, 'сонячний')).toEqual(['Сонячний дах']);

    // Only a supervisor publishes; the database says so to the role itself.
    await expect(op1.publishing.catalogue()).rejects.toThrow('notSupervisor');
    expect(
      await asRole(server, 'op1', (c) =>
        sqlStateOf(
          c.query('SELECT pult.publish_catalogue($1, $2)', ['c'.repeat(64), '{"version":"x"}']),
        ),
      ),
    ).toBe('42501');
    // Another team's desk reads none of it.
    await asRole(server, 'sup9', async (c) => {
      expect((await c.query('SELECT * FROM pult.catalogues')).rows).toEqual([]);
    });
  });

  it('a desk with no catalogue has none to publish', async () => {
    const sup = await desk('sup');
    await expect(sup.publishing.catalogue()).rejects.toThrow('catalogueMissing');
  });
});
