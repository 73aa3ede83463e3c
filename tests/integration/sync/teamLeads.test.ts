import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CampaignBook } from '../../../src-main/core/campaigns/campaignBook';
import { DialAttempts } from '../../../src-main/core/campaigns/dialAttempts';
import { buildLeads } from '../../../src-main/core/campaigns/leadList';
import { LeadOutcomes } from '../../../src-main/core/campaigns/leadOutcomes';
import { LeadPicker } from '../../../src-main/core/campaigns/leadPicker';
import { OutboundDesk } from '../../../src-main/core/campaigns/outboundDesk';
import { TeamLeads } from '../../../src-main/core/sync/teamLeads';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { connectSyncServer, type TeamConnection } from '../../../src-main/core/sync/pgConnection';
import type { CallView } from '../../../src-shared/telephony/callView';
import { anyHourCallingRules } from '../../support/anyHourRules';
import {
  startTeamServer,
  teamWorkstation,
  type TeamServer,
  type TeamWorkstation,
} from '../../support/teamServer';

// A call list a supervisor gives the team, worked at three desks at once through the outbound
// desk as the app runs it: the center hands the leads out, and no lead is dialled twice.
let server: TeamServer;
const open: TeamWorkstation[] = [];
const connections: TeamConnection[] = [];
const desks: OutboundDesk[] = [];

beforeAll(async () => {
  server = await startTeamServer([
    { role: 'sup', team: 'north', supervisor: true },
    { role: 'op1', team: 'north' },
    { role: 'op2', team: 'north' },
    { role: 'op3', team: 'north' },
  ]);
}, 60_000);
afterAll(() => server.stop());
beforeEach(() => server.reset());
afterEach(async () => {
  for (const desk of desks.splice(0)) desk.stop();
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const c of connections.splice(0)) await c.close();
  for (const ws of open.splice(0)) await ws.close();
});

const clock = { now: () => new Date() };
/** Calls allowed at any hour: the test runs whenever CI does. */
const anyHour = anyHourCallingRules;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(done: () => boolean) {
  for (let n = 0; n < 200 && !done(); n++) await sleep(10);
  expect(done()).toBe(true);
}

async function workstation(role: string) {
  const ws = await teamWorkstation(server, role);
  open.push(ws);
  const connection = await connectSyncServer(server.login(role));
  connections.push(connection);
  let offline = false;
  const team = new TeamLeads(ws.db.sqlite, {
    connection: () =>
      offline ? Promise.reject(new Error('the network is down')) : Promise.resolve(connection),
    clock,
    logger: silentLogger,
  });
  return { ws, team, connection, offline: (down: boolean) => (offline = down) };
}

/** The supervisor's desk: clients made and synced, a survey list built over them and given to the team. */
async function publishedList(clients: number) {
  const sup = await workstation('sup');
  for (let n = 0; n < clients; n++) {
    const made = sup.ws.editor.create(
      { fullName: `Клієнт ${n}`, phones: [{ raw: `+38067${String(n).padStart(7, '0')}` }] },
      'sup',
    );
    if (!made.ok) throw new Error('not made');
  }
  await sup.ws.sync();
  const book = new CampaignBook(sup.ws.db.sqlite);
  const campaignId = book.create({ name: 'Опитування', purpose: 'survey' }, 'sup', new Date());
  buildLeads(sup.ws.db.sqlite, { campaignId, source: {}, at: new Date().toISOString() }, anyHour);
  const published = await sup.team.publish(campaignId);
  return {
    sup,
    published,
    uid: sup.ws.db.sqlite
      .prepare('SELECT uid FROM campaigns WHERE id = ?')
      .pluck()
      .get(campaignId) as string,
  };
}

/** An operator's desk on the team's list, as the app wires it, with a phone line that the test ends. */
async function operatorDesk(
  role: string,
  campaignUid: string,
  dialled: { role: string; e164: string }[],
) {
  const { ws, team, offline } = await workstation(role);
  await ws.pull();
  const sqlite = ws.db.sqlite;
  const campaignId = sqlite
    .prepare('SELECT id FROM campaigns WHERE uid = ?')
    .pluck()
    .get(campaignUid) as number;
  const attempts = new DialAttempts(sqlite, role);
  let callId = 0;
  const desk = new OutboundDesk({
    sqlite,
    picker: new LeadPicker(sqlite, () => anyHour),
    attempts,
    outcomes: new LeadOutcomes(sqlite, attempts),
    dial: (e164) => {
      dialled.push({ role, e164 });
      callId += 1;
      return { ok: true, id: callId };
    },
    agentState: () => 'ready',
    clock,
    logger: silentLogger,
    actor: role,
    language: () => 'uk',
    autoDialSeconds: () => 0,
    showNumber: (e164) => e164,
    onChanged: () => undefined,
    pollMs: 20,
    team,
  });
  desks.push(desk);
  /** The dialled call ends: talked to (a wrap-up follows) or busy. */
  const end = (e164: string, answered: boolean) => {
    const interactionId = Number(
      sqlite
        .prepare(
          `INSERT INTO interactions (kind, direction, remote_number, offered_at) VALUES ('call', 'outbound', ?, ?)`,
        )
        .run(e164, new Date().toISOString()).lastInsertRowid,
    );
    const at = new Date().toISOString();
    const ended: CallView = {
      id: callId,
      direction: 'outbound',
      state: 'ended',
      remoteNumber: e164,
      remoteName: '',
      client: null,
      matches: 0,
      interactionId,
      muted: false,
      offeredAt: at,
      answeredAt: answered ? at : null,
      endedAt: at,
      endCause: answered ? 'remoteHangup' : 'busy',
      problem: null,
      consultCallId: null,
      autoAnswer: false,
      line: null,
    };
    desk.callsChanged([ended]);
    if (answered) desk.wrappedUp({ interactionId, disposition: 'refused' });
  };
  return { ws, team, desk, campaignId, end, sqlite, offline };
}

describe('a call list given to the team', () => {
  it('is worked by three desks at once: every lead dialled once, by one of them; a busy number waits for its retry', async () => {
    const { published, uid } = await publishedList(1000);
    expect(published.leads).toBe(1000);
    const dialled: { role: string; e164: string }[] = [];
    const desksAt = await Promise.all(
      ['op1', 'op2', 'op3'].map((role) => operatorDesk(role, uid, dialled)),
    );

    await Promise.all(
      desksAt.map(async (d) => {
        d.desk.start(d.campaignId, 'preview');
        let idle = 0;
        while (idle < 40) {
          const view = d.desk.view();
          if (view.stage === 'preview' && view.lead !== null) {
            idle = 0;
            const e164 = d.sqlite
              .prepare('SELECT e164 FROM leads WHERE id = ?')
              .pluck()
              .get(view.lead.leadId) as string;
            expect(d.desk.call()).toBe(true);
            // One number in ten is busy: tried again by the list's rule, later.
            d.end(e164, !e164.endsWith('7'));
          } else idle += 1;
          await sleep(idle === 0 ? 0 : 25);
        }
        d.desk.stop();
        // The leads tried and due again later go back to the team with their time.
        await d.team.giveBack(d.campaignId);
      }),
    );

    const numbers = dialled.map((d) => d.e164);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toHaveLength(1000);
    // Each desk did a share of the work.
    for (const role of ['op1', 'op2', 'op3'])
      expect(dialled.filter((d) => d.role === role).length).toBeGreaterThan(100);
    expect(
      server.rows(
        `SELECT state, coalesce(result, '-'), due_at > now(), reserved_by IS NULL, count(*)
         FROM pult.leads GROUP BY 1, 2, 3, 4 ORDER BY 1`,
      ),
    ).toEqual(['done|refused||t|900', 'due|busy|t|t|100']);
    // A busy number is not handed out again before its retry is due.
    expect(await desksAt[0]!.team.refill(desksAt[0]!.campaignId)).toBe(0);
  });

  it('keeps a callback for the operator who promised it, and opens it to the team once overdue past its grace', async () => {
    const { uid } = await publishedList(3);
    server.rows("UPDATE pult.settings SET callback_grace = '1 second'");
    const dialled: { role: string; e164: string }[] = [];
    const op1 = await operatorDesk('op1', uid, dialled);
    const op2 = await operatorDesk('op2', uid, dialled);
    op1.desk.start(op1.campaignId, 'preview');
    await waitFor(() => op1.desk.view().lead !== null);
    const promised = op1.desk.view().lead!;
    const at = new Date(Date.now() + 1500);
    expect(op1.desk.callback(at)).toBe(true);
    op1.desk.stop();
    await op1.team.giveBack(op1.campaignId);
    // op2 gets the two others now; the promised client is op1's until the grace runs out.
    expect(await op2.team.refill(op2.campaignId)).toBe(2);
    const promisedUid = op1.sqlite
      .prepare('SELECT uid FROM leads WHERE id = ?')
      .pluck()
      .get(promised.leadId);
    expect(op2.sqlite.prepare('SELECT uid FROM leads').pluck().all()).not.toContain(promisedUid);
    expect(op1.desk.view().callbacks).toEqual([]);
    op1.desk.start(op1.campaignId, 'preview');
    await sleep(1000);
    expect(op1.desk.view().callbacks.map((c) => c.leadId)).toEqual([promised.leadId]);
    op1.desk.stop();
    await sleep(1800);
    // Overdue past its grace: a colleague takes it, and op1's desk no longer offers it.
    expect(await op2.team.refill(op2.campaignId)).toBe(1);
    expect(op2.sqlite.prepare("SELECT uid FROM leads WHERE state = 'due'").pluck().all()).toContain(
      promisedUid,
    );
    expect(
      new LeadPicker(op1.sqlite, () => anyHour).next(op1.campaignId, new Date(), 'op1'),
    ).toBeUndefined();
  });

  it('worked offline, tells the center what became of its leads when it is back', async () => {
    const { uid } = await publishedList(5);
    const dialled: { role: string; e164: string }[] = [];
    const op1 = await operatorDesk('op1', uid, dialled);
    op1.desk.start(op1.campaignId, 'preview');
    await waitFor(() => op1.desk.view().lead !== null);
    op1.offline(true);
    for (let n = 0; n < 5; n++) {
      await waitFor(() => op1.desk.view().lead !== null);
      const e164 = op1.sqlite
        .prepare('SELECT e164 FROM leads WHERE id = ?')
        .pluck()
        .get(op1.desk.view().lead!.leadId) as string;
      op1.desk.call();
      op1.end(e164, true);
    }
    await op1.team.settle();
    expect(server.rows("SELECT count(*) FROM pult.leads WHERE state = 'done'")).toEqual(['0']);
    op1.offline(false);
    expect(await op1.team.settle()).toBe(5);
    expect(server.rows('SELECT done_by, result, count(*) FROM pult.leads GROUP BY 1, 2')).toEqual([
      'op1|refused|5',
    ]);
  });
});
