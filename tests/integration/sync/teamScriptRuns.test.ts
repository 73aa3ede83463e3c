import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientBase } from '../../../src-main/core/clients/clientBase';
import { emptyPolicy } from '../../../src-main/core/settings/machinePolicy';
import { scriptsOf } from '../../../src-main/core/workstation/workstationScripts';
import { scriptGraphSchema } from '../../../src-shared/scripts/scriptGraph';
import {
  asRole,
  startTeamServer,
  teamWorkstation,
  type TeamServer,
  type TeamWorkstation,
} from '../../support/teamServer';

// A call transferred to a colleague, or the client ringing again at another desk: the run's
// answers travel through the center's PostgreSQL to the card there.
let server: TeamServer;
const open: TeamWorkstation[] = [];

beforeAll(async () => {
  server = await startTeamServer([
    { role: 'op1', team: 'north' },
    { role: 'op2', team: 'north' },
    { role: 'op9', team: 'south' },
  ]);
}, 60_000);
afterAll(() => server.stop());
beforeEach(() => server.reset());
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
});

const clock = { now: () => new Date() };
const store = { read: () => undefined, write: () => undefined };

/** A desk with its scripts, as the app wires them. */
async function desk(role: string) {
  const ws = await teamWorkstation(server, role);
  open.push(ws);
  const clients = new ClientBase(ws.db, clock, 'UA', () => 'uk', store);
  const { desk: scripts, library } = scriptsOf(
    { db: ws.db, clients },
    { policy: emptyPolicy, clock, agentName: () => role, language: () => 'uk' },
  );
  return { ws, scripts, library };
}

/** A support script: a question, then an end with its outcome. */
const supportScript = scriptGraphSchema.parse({
  name: 'Підтримка: модем',
  start: 'modem',
  nodes: [
    {
      id: 'modem',
      type: 'question',
      text: 'Чи горить індикатор на модемі?',
      variable: 'light',
      choices: [
        { id: 'on', label: 'Горить', next: 'done' },
        { id: 'off', label: 'Не горить', next: 'done' },
      ],
    },
    { id: 'done', type: 'end', outcome: 'info' },
  ],
});

describe('a script run at one desk', () => {
  it('shows on the client’s card at another, with its answers, by whom; the desk that ran it keeps its own', async () => {
    const a = await desk('op1');
    const b = await desk('op2');
    const made = a.ws.editor.create(
      { fullName: 'Мельник Ганна', phones: [{ raw: '067 765 43 21' }] },
      'op1',
    );
    if (!made.ok) throw new Error('not made');
    const draft = a.library.create(supportScript, 'op1');
    a.library.publish(draft.id, 'op1');
    const started = a.scripts.start(draft.scriptId, { actor: 'op1', clientId: made.id }, 'uk');
    if (typeof started === 'string') throw new Error(started);
    const ended = a.scripts.answer(started.runId, 'off', 'uk', 'op1');
    expect(ended.ok && ended.view.ended).toBe(true);
    await a.ws.sync();
    const pulled = await b.ws.sync();

    const uid = a.ws.uidOf(made.id);
    const here = b.ws.idOf(uid)!;
    // The open card at B reads again: the client is among those the pull changed.
    expect(pulled.clients).toContain(here);
    const onCard = b.scripts.ofClient(here, 'uk');
    expect(onCard).toHaveLength(1);
    expect(onCard[0]).toMatchObject({
      scriptName: 'Підтримка: модем',
      by: 'op1',
      outcome: 'info',
      answers: [{ kind: 'choice', prompt: 'Чи горить індикатор на модемі?', value: 'Не горить' }],
    });
    // A's own run comes back on the feed; A lists it once, as its own.
    await a.ws.pull();
    expect(a.scripts.ofClient(made.id, 'uk').map((r) => r.by)).toEqual([null]);
  });

  it('is its operator’s own: a colleague cannot rewrite it, nor can a run be written about another team’s client', async () => {
    const a = await desk('op1');
    const made = a.ws.editor.create({ fullName: 'Бондар Ігор' }, 'op1');
    if (!made.ok) throw new Error('not made');
    await a.ws.sync();
    const uid = a.ws.uidOf(made.id);
    const run = '0193a000-0000-7000-8000-00000000a001';
    const summary = {
      scriptName: 'Підтримка: модем',
      version: 1,
      startedAt: '2026-12-06T10:00:00.000Z',
      endedAt: '2026-12-06T10:01:00.000Z',
      nodeText: '',
      answers: [],
      outcome: 'info',
    };
    const share = (ws: TeamWorkstation, outcome: string) =>
      ws.db.sqlite
        .prepare(
          "INSERT INTO outbox (at, entity, entity_id, op, payload) VALUES (?, 'scriptRun', 1, 'insert', ?)",
        )
        .run(
          new Date().toISOString(),
          JSON.stringify({ run: { uid: run, clientUid: uid, summary: { ...summary, outcome } } }),
        );
    share(a.ws, 'info');
    await a.ws.push.pushNow();
    expect(a.ws.push.refused()).toEqual([]);

    const b = await desk('op2');
    share(b.ws, 'refused');
    await b.ws.push.pushNow();
    expect(b.ws.push.refused().map((c) => c.error)).toEqual([
      expect.stringMatching(/^42501: script run .* is another operator's/),
    ]);
    const south = await desk('op9');
    south.ws.db.sqlite
      .prepare(
        "INSERT INTO outbox (at, entity, entity_id, op, payload) VALUES (?, 'scriptRun', 1, 'insert', ?)",
      )
      .run(
        new Date().toISOString(),
        JSON.stringify({
          run: { uid: '0193a000-0000-7000-8000-00000000a002', clientUid: uid, summary },
        }),
      );
    await south.ws.push.pushNow();
    expect(south.ws.push.refused().map((c) => c.error)).toEqual([
      expect.stringMatching(/^42501: client .* is not of team south/),
    ]);
    await asRole(server, 'op2', async (c) => {
      expect(
        (await c.query("SELECT operator, summary->>'outcome' AS outcome FROM pult.script_runs"))
          .rows,
      ).toEqual([{ operator: 'op1', outcome: 'info' }]);
      await expect(c.query("UPDATE pult.script_runs SET summary = '{}'")).rejects.toMatchObject({
        code: '42501',
      });
    });
    await asRole(server, 'op9', async (c) => {
      expect((await c.query('SELECT * FROM pult.script_runs')).rows).toEqual([]);
    });
  });

  it('a malformed run on the feed is skipped, logged and counted, and the runs after it land', async () => {
    const a = await desk('op1');
    const b = await desk('op2');
    const made = a.ws.editor.create({ fullName: 'Кравець Олег' }, 'op1');
    if (!made.ok) throw new Error('not made');
    await a.ws.sync();
    await b.ws.sync();
    server.rows(
      `INSERT INTO pult.feed (id, team, entity, uid, data) VALUES (pult.next_feed('north'), 'north',
         'scriptRun', '0193a000-0000-7000-8000-00000000a003', '{"client": "nope", "summary": 7}')`,
    );
    const draft = a.library.create(supportScript, 'op1');
    a.library.publish(draft.id, 'op1');
    const started = a.scripts.start(draft.scriptId, { actor: 'op1', clientId: made.id }, 'uk');
    if (typeof started === 'string') throw new Error(started);
    a.scripts.answer(started.runId, 'on', 'uk', 'op1');
    await a.ws.sync();
    const pulled = await b.ws.pull();
    expect(pulled.skipped).toBe(1);
    const here = b.ws.idOf(a.ws.uidOf(made.id))!;
    expect(b.scripts.ofClient(here, 'uk').map((r) => r.answers[0]?.value)).toEqual(['Горить']);
  });
});
