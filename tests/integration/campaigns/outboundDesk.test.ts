import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DialAttempts } from '../../../src-main/core/campaigns/dialAttempts';
import { LeadOutcomes } from '../../../src-main/core/campaigns/leadOutcomes';
import { LeadPicker } from '../../../src-main/core/campaigns/leadPicker';
import { OutboundDesk } from '../../../src-main/core/campaigns/outboundDesk';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { defaultCallingRules } from '../../../src-shared/campaigns/callingRules';
import type { OutboundView } from '../../../src-shared/campaigns/outboundView';
import type { CallView, EndCause } from '../../../src-shared/telephony/callView';
import { openTempDatabase } from '../../support/tempDatabase';

// Monday 7 December 2026, noon in Kyiv: within Ukraine's calling hours.
let now = new Date('2026-12-07T10:00:00Z');
let db: PultDatabase;
let agent = 'ready';
let dialled: { e164: string; callerId: string | null; attemptWritten: boolean }[];
let dialAnswer: { ok: true; id: number } | { ok: false; error: 'notRegistered' };
let views: OutboundView[];
let desk: OutboundDesk;

function client(id: number, name: string) {
  db.sqlite
    .prepare(
      `INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
       VALUES (?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    )
    .run(id, name, name.toLowerCase());
  db.sqlite
    .prepare(
      `INSERT INTO consents (uid, client_id, scope, source, given_at, recorded_by)
       VALUES (?, ?, 'advertising', 'web form', '2026-06-01T00:00:00Z', 'import')`,
    )
    .run(`c${id}`, id);
  db.sqlite
    .prepare(
      `INSERT INTO leads (id, uid, campaign_id, client_id, e164, country, state, due_at, created_at)
       VALUES (?, ?, 1, ?, ?, 'UA', 'due', ?, '2026-12-01T00:00:00Z')`,
    )
    .run(id, `l${id}`, id, `+38067000000${id}`, `2026-12-07T08:0${id}:00.000Z`);
}

const leadRow = (id: number) =>
  db.sqlite
    .prepare(
      'SELECT state, due_at AS dueAt, last_result AS lastResult, owner, attempts FROM leads WHERE id = ?',
    )
    .get(id) as {
    state: string;
    dueAt: string | null;
    lastResult: string | null;
    owner: string | null;
    attempts: number;
  };

let nextCallId = 1;

/** The call controller's view of the desk's last dial, at a stage of its life. */
function call(
  id: number,
  stage: 'ringing' | 'answered' | 'ended',
  endCause: EndCause | null = null,
  answered = stage === 'answered',
): CallView {
  const interactionId = 100 + id;
  db.sqlite
    .prepare(
      `INSERT OR IGNORE INTO interactions (id, kind, direction, remote_number, offered_at, client_id)
       VALUES (?, 'call', 'outbound', 'x', '2026-12-07T10:00:00Z', NULL)`,
    )
    .run(interactionId);
  return {
    id,
    direction: 'outbound',
    state: stage === 'ended' ? 'ended' : stage === 'answered' ? 'active' : 'ringing',
    remoteNumber: 'x',
    remoteName: '',
    client: null,
    matches: 0,
    interactionId,
    muted: false,
    offeredAt: now.toISOString(),
    answeredAt: answered ? now.toISOString() : null,
    endedAt: stage === 'ended' ? now.toISOString() : null,
    endCause,
    problem: null,
    consultCallId: null,
    autoAnswer: false,
    line: null,
  };
}

beforeEach(async () => {
  now = new Date('2026-12-07T10:00:00Z');
  agent = 'ready';
  dialled = [];
  views = [];
  nextCallId = 1;
  db = await openTempDatabase();
  db.sqlite
    .prepare(
      `INSERT INTO campaigns (id, uid, name, purpose, offer_code, script_name, caller_id, retry_rules, status, created_by, created_at)
       VALUES (1, 'k1', 'Тариф «Економ»', 'sales', 'econom', 'Продаж', '0443334455',
         '{"busy":{"delayMinutes":15,"max":3}}', 'active', 'op', '2026-12-01T00:00:00Z')`,
    )
    .run();
  client(1, 'Мельник Андрій');
  client(2, 'Шевченко Олена');
  client(3, 'Бондар Ігор');
  dialAnswer = { ok: true, id: 0 };
  desk = new OutboundDesk(deskDeps(new DialAttempts(db.sqlite, 'op1')));
});

function deskDeps(attempts: DialAttempts) {
  return {
    sqlite: db.sqlite,
    picker: new LeadPicker(db.sqlite, () => defaultCallingRules),
    attempts,
    outcomes: new LeadOutcomes(db.sqlite, attempts),
    dial: (e164: string, callerId: string | null) => {
      const written = db.sqlite
        .prepare("SELECT count(*) AS n FROM lead_attempts WHERE e164 = ? AND result = 'dialling'")
        .get(e164) as { n: number };
      dialled.push({ e164, callerId, attemptWritten: written.n === 1 });
      return dialAnswer.ok ? { ok: true as const, id: nextCallId++ } : dialAnswer;
    },
    agentState: () => agent,
    clock: { now: () => now },
    logger: silentLogger,
    actor: 'op1',
    language: () => 'uk' as const,
    autoDialSeconds: () => 0,
    showNumber: (e164: string) => e164,
    onChanged: (view: OutboundView) => views.push(view),
    pollMs: 20,
  };
}
afterEach(async () => {
  desk.stop();
  await db.close();
});

/** The call of dial `id` answered, talked on and ended; the operator in wrap-up. */
function talkedOn(id: number) {
  agent = 'onCall';
  desk.callsChanged([call(id, 'ringing')]);
  desk.callsChanged([call(id, 'answered')]);
  agent = 'wrapUp';
  desk.callsChanged([call(id, 'ended', 'remoteHangup', true)]);
}

describe('preview', () => {
  it('shows the lead, dials on Call only after the attempt is written, and the wrap-up "згода" finishes the lead and shows the next', () => {
    agent = 'notReady';
    expect(desk.start(1, 'preview')).toBe(true);
    let view = desk.view();
    expect(view.stage).toBe('preview');
    expect(view.lead).toMatchObject({ clientName: 'Мельник Андрій', number: '+380670000001' });
    expect(view.permission).toBe('Можна дзвонити.');
    expect(dialled).toEqual([]);

    expect(desk.call()).toBe(true);
    expect(dialled).toEqual([
      { e164: '+380670000001', callerId: '0443334455', attemptWritten: true },
    ]);
    expect(desk.view().stage).toBe('dialling');
    talkedOn(1);
    expect(desk.view().stage).toBe('wrapUp');
    expect(leadRow(1)).toMatchObject({ state: 'done', lastResult: 'answered' });

    desk.wrappedUp({ interactionId: 101, disposition: 'sale' });
    agent = 'ready';
    desk.agentChanged();
    view = desk.view();
    expect(leadRow(1)).toMatchObject({ state: 'done', lastResult: 'sale' });
    expect(view.notice).toEqual({
      kind: 'lastResult',
      clientName: 'Мельник Андрій',
      result: 'sale',
      nextAt: null,
    });
    expect(view.stage).toBe('preview');
    expect(view.lead?.clientName).toBe('Шевченко Олена');
    // Preview never dials by itself without IT's countdown.
    expect(dialled).toHaveLength(1);
  });

  it('checks the lead again on Call: a client who asked on the card not to be called is not dialled', () => {
    desk.start(1, 'preview');
    db.sqlite.prepare('UPDATE clients SET do_not_call = 1 WHERE id = 1').run();
    desk.call();
    expect(dialled).toEqual([]);
    const view = desk.view();
    expect(view.notice).toMatchObject({ kind: 'notCallable' });
    expect(view.notice?.kind === 'notCallable' && view.notice.text).toMatch(
      /відмовився від дзвінків|не дзвонити/i,
    );
    expect(leadRow(1)).toMatchObject({ state: 'held' });
    expect(view.lead?.clientName).toBe('Шевченко Олена');
  });

  it('a dial that cannot leave (not registered) takes its attempt back, says why and pauses', () => {
    dialAnswer = { ok: false, error: 'notRegistered' };
    desk.start(1, 'preview');
    desk.call();
    expect(dialled).toHaveLength(1);
    const view = desk.view();
    expect(view.paused).toBe(true);
    expect(view.notice).toEqual({ kind: 'dialFailed', error: 'notRegistered' });
    expect(view.lead?.clientName).toBe('Мельник Андрій');
    expect(leadRow(1)).toMatchObject({ state: 'due', attempts: 0, lastResult: null });
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM lead_attempts').get()).toEqual({ n: 0 });
  });

  it('skip, remove and callback: each moves the lead as the operator said, and a due callback comes first', () => {
    desk.start(1, 'preview');
    desk.skip('notNow');
    expect(leadRow(1)).toMatchObject({
      state: 'due',
      dueAt: '2026-12-07T11:00:00.000Z',
      lastResult: 'skipped:notNow',
    });
    expect(desk.view().lead?.clientName).toBe('Шевченко Олена');

    desk.remove('global');
    expect(leadRow(2)).toMatchObject({ state: 'removed', lastResult: 'removed:global' });
    expect(db.sqlite.prepare('SELECT do_not_call AS d FROM clients WHERE id = 2').get()).toEqual({
      d: 1,
    });
    expect(db.sqlite.prepare('SELECT level FROM dnc_entries WHERE client_id = 2').all()).toEqual([
      { level: 'global' },
    ]);

    expect(desk.callback(new Date('2026-12-07T09:00:00Z'))).toBe('past');
    expect(desk.callback(new Date('2026-12-07T10:30:00Z'))).toBe(true);
    expect(leadRow(3)).toMatchObject({ state: 'callback', owner: 'op1' });
    let view = desk.view();
    expect(view.stage).toBe('waiting');
    expect(view.callbacks).toEqual([
      { leadId: 3, clientName: 'Бондар Ігор', dueAt: '2026-12-07T10:30:00.000Z', overdue: false },
    ]);
    // At 10:45 both the skipped lead (11:00 — not yet) and the callback (10:30) are looked at:
    // the promised callback is due, overdue, and comes first.
    now = new Date('2026-12-07T10:45:00Z');
    view = desk.view();
    expect(view.callbacks[0]?.overdue).toBe(true);
    desk.resume();
    expect(desk.view().lead).toMatchObject({
      clientName: 'Бондар Ігор',
      callbackDue: '2026-12-07T10:30:00.000Z',
    });
  });
});

describe("preview with IT's countdown", () => {
  it('dials the lead on screen by itself when the countdown ends, not before; a skip stops it', () => {
    vi.useFakeTimers();
    try {
      const attempts = new DialAttempts(db.sqlite, 'op1');
      const counting = new OutboundDesk({
        ...deskDeps(attempts),
        autoDialSeconds: () => 10,
      });
      counting.start(1, 'preview');
      expect(counting.view().autoDialAt).toBe('2026-12-07T10:00:10.000Z');
      vi.advanceTimersByTime(9_000);
      expect(dialled).toEqual([]);
      vi.advanceTimersByTime(1_000);
      expect(dialled.map((d) => d.e164)).toEqual(['+380670000001']);
      counting.callsChanged([call(1, 'ended', 'noAnswer')]);
      // The next lead counts down again; skipped, it is never dialled.
      expect(counting.view().lead?.clientName).toBe('Шевченко Олена');
      counting.skip('needsPreparation');
      expect(counting.view().lead?.clientName).toBe('Бондар Ігор');
      counting.pause();
      vi.advanceTimersByTime(60_000);
      expect(dialled.map((d) => d.e164)).toEqual(['+380670000001']);
      counting.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('progressive', () => {
  it('dials each lead as the operator is Ready; a busy one waits its delay and is dialled again once the clock passes it', async () => {
    desk.start(1, 'progressive');
    expect(dialled.map((d) => d.e164)).toEqual(['+380670000001']);

    // Busy: retried after the campaign's 15 minutes; the next lead is dialled at once.
    desk.callsChanged([call(1, 'ringing')]);
    desk.callsChanged([call(1, 'ended', 'busy')]);
    expect(leadRow(1)).toMatchObject({
      state: 'due',
      lastResult: 'busy',
      dueAt: '2026-12-07T10:15:00.000Z',
    });
    expect(dialled.map((d) => d.e164)).toEqual(['+380670000001', '+380670000002']);
    expect(desk.view().notice).toEqual({
      kind: 'lastResult',
      clientName: 'Мельник Андрій',
      result: 'busy',
      nextAt: '2026-12-07T10:15:00.000Z',
    });

    // Talked to; nothing is dialled during the call or its wrap-up.
    talkedOn(2);
    desk.agentChanged();
    expect(dialled).toHaveLength(2);
    desk.wrappedUp({ interactionId: 102, disposition: 'refused' });
    expect(dialled).toHaveLength(2);
    agent = 'ready';
    desk.agentChanged();
    expect(dialled.map((d) => d.e164)).toEqual(['+380670000001', '+380670000002', '+380670000003']);
    talkedOn(3);
    desk.wrappedUp({
      interactionId: 103,
      disposition: 'callback',
      callbackAt: '2026-12-08T09:00:00.000Z',
    });
    agent = 'ready';
    desk.agentChanged();
    expect(leadRow(3)).toMatchObject({ state: 'callback', owner: 'op1' });

    // Nobody now: the busy lead's time has not come.
    expect(desk.view()).toMatchObject({ stage: 'waiting', nextDueAt: '2026-12-07T10:15:00.000Z' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(dialled).toHaveLength(3);
    now = new Date('2026-12-07T10:16:00Z');
    await vi.waitFor(() => expect(dialled).toHaveLength(4));
    expect(dialled[3]?.e164).toBe('+380670000001');
    expect(leadRow(1)).toMatchObject({ attempts: 2, lastResult: 'dialling' });
  });

  it('a dial that could not leave pauses the list; resumed once the phone is back, the same lead is dialled', () => {
    dialAnswer = { ok: false, error: 'notRegistered' };
    desk.start(1, 'progressive');
    expect(desk.view()).toMatchObject({ paused: true, lead: { clientName: 'Мельник Андрій' } });
    dialAnswer = { ok: true, id: 0 };
    desk.resume();
    expect(dialled.map((d) => d.e164)).toEqual(['+380670000001', '+380670000001']);
    expect(desk.view().stage).toBe('dialling');
    expect(leadRow(1)).toMatchObject({ attempts: 1, lastResult: 'dialling' });
  });

  it('pause stops the next dial; resume goes on', () => {
    desk.start(1, 'progressive');
    desk.pause();
    desk.callsChanged([call(1, 'ended', 'noAnswer')]);
    expect(dialled).toHaveLength(1);
    expect(desk.working()).toBe(false);
    desk.resume();
    expect(dialled).toHaveLength(2);
    expect(desk.working()).toBe(true);
  });
});

describe('a wrap-up', () => {
  it('moves the lead of a call dialled before a restart, with no session open', () => {
    desk.start(1, 'preview');
    desk.call();
    desk.callsChanged([call(1, 'ringing')]);
    desk.stop();
    desk.wrappedUp({ interactionId: 101, disposition: 'wrongNumber' });
    expect(leadRow(1)).toMatchObject({ state: 'removed', lastResult: 'wrongNumber' });
    expect(views.length).toBeGreaterThan(0);
  });
});
