import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { CallbackList } from '../../src-main/core/calls/callbackList';
import { WrapUp } from '../../src-main/core/calls/wrapUp';
import { syncRefusalReasons } from '../../src-main/core/calls/refusalReasons';
import { ClientCardReader } from '../../src-main/core/clients/clientCard';
import { ClientEditor } from '../../src-main/core/clients/clientEditor';
import type { PultDatabase } from '../../src-main/core/db/database';
import { openTempDatabase } from '../support/tempDatabase';

let db: PultDatabase;
let now = new Date('2026-11-27T10:00:00Z');
const clock = { now: () => now };
let clientId = 0;
let callId = 0;

beforeEach(async () => {
  now = new Date('2026-11-27T10:00:00Z');
  db = await openTempDatabase();
  const created = new ClientEditor(db, clock).create(
    { fullName: 'Коваленко Ірина', phones: [{ raw: '0671234567' }] },
    'op1',
  );
  if (!created.ok) throw new Error('client');
  clientId = created.id;
  callId = Number(
    db.sqlite
      .prepare(
        `INSERT INTO interactions (client_id, kind, direction, remote_number, offered_at, answered_at, ended_at, talk_seconds)
         VALUES (?, 'call', 'inbound', '+380671234567', ?, ?, ?, 95)`,
      )
      .run(
        clientId,
        '2026-11-27T09:50:00.000Z',
        '2026-11-27T09:50:05.000Z',
        '2026-11-27T09:51:40.000Z',
      ).lastInsertRowid,
  );
});
afterEach(async () => {
  await db.close();
});

const row = (sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).get(...params);

describe('wrap-up', () => {
  it('cannot finish without a disposition, and writes nothing', () => {
    expect(new WrapUp(db, clock).finish({ interactionId: callId }, 'op1')).toEqual({
      ok: false,
      fieldErrors: { disposition: 'required' },
    });
    expect(row('SELECT outcome FROM interactions WHERE id = ?', callId)).toEqual({ outcome: null });
    expect(row("SELECT count(*) AS n FROM audit_events WHERE action = 'call.wrapUp'")).toEqual({
      n: 0,
    });
  });

  it('needs a known refusal reason when refused', () => {
    const wrapUp = new WrapUp(db, clock);
    expect(wrapUp.finish({ interactionId: callId, disposition: 'refused' }, 'op1')).toEqual({
      ok: false,
      fieldErrors: { refusalReason: 'required' },
    });
    expect(
      wrapUp.finish(
        { interactionId: callId, disposition: 'refused', refusalReason: 'bored' },
        'op1',
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { refusalReason: 'unknown' },
    });
  });

  it('records a refusal as an offer with its reason, shown on the client card', () => {
    const result = new WrapUp(db, clock).finish(
      {
        interactionId: callId,
        disposition: 'refused',
        refusalReason: 'tooExpensive',
        offer: { tariffId: undefined },
        notes: 'Дорого, передзвонити з акцією',
      },
      'op1',
    );
    expect(result).toEqual({ ok: true });
    expect(row('SELECT outcome, notes FROM interactions WHERE id = ?', callId)).toEqual({
      outcome: 'refused',
      notes: 'Дорого, передзвонити з акцією',
    });
    expect(
      row(
        'SELECT result, r.code FROM offers o JOIN refusal_reasons r ON r.id = o.refusal_reason_id WHERE o.client_id = ?',
        clientId,
      ),
    ).toEqual({
      result: 'refused',
      code: 'tooExpensive',
    });
    expect(row('SELECT last_outcome, do_not_call FROM clients WHERE id = ?', clientId)).toEqual({
      last_outcome: 'refused',
      do_not_call: 0,
    });
    const card = new ClientCardReader(db.sqlite, () => 'uk').read(clientId)!;
    expect(card.history.find((h) => h.kind === 'call')).toMatchObject({
      outcome: 'refused',
      refusalReason: 'Занадто дорого',
    });
    expect(
      row("SELECT actor, entity_id AS id FROM audit_events WHERE action = 'call.wrapUp'"),
    ).toEqual({ actor: 'op1', id: callId });
  });

  it('sets do-not-call when the client asks not to be called', () => {
    expect(
      new WrapUp(db, clock).finish(
        { interactionId: callId, disposition: 'refused', refusalReason: 'doNotCall' },
        'op1',
      ),
    ).toEqual({ ok: true });
    expect(row('SELECT do_not_call FROM clients WHERE id = ?', clientId)).toEqual({
      do_not_call: 1,
    });
  });

  it('needs a callback time ahead, and schedules it', () => {
    const wrapUp = new WrapUp(db, clock);
    expect(wrapUp.finish({ interactionId: callId, disposition: 'callback' }, 'op1')).toEqual({
      ok: false,
      fieldErrors: { callbackAt: 'required' },
    });
    expect(
      wrapUp.finish(
        { interactionId: callId, disposition: 'callback', callbackAt: '2026-11-27T09:00:00Z' },
        'op1',
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { callbackAt: 'past' },
    });
    expect(
      wrapUp.finish(
        {
          interactionId: callId,
          disposition: 'callback',
          callbackAt: '2026-11-27T14:30:00Z',
          notes: 'після обіду',
        },
        'op1',
      ),
    ).toEqual({ ok: true });
    expect(
      row('SELECT status, due_at AS dueAt, note FROM callbacks WHERE client_id = ?', clientId),
    ).toEqual({
      status: 'pending',
      dueAt: '2026-11-27T14:30:00.000Z',
      note: 'після обіду',
    });
  });
});

describe('my callbacks', () => {
  it('are sorted into overdue, today and later; due ones are found for the notification; changes are audited', async () => {
    const wrapUp = new WrapUp(db, clock);
    for (const at of ['2026-11-27T10:30:00Z', '2026-11-27T20:00:00Z', '2026-11-28T08:00:00Z']) {
      expect(
        wrapUp.finish({ interactionId: callId, disposition: 'callback', callbackAt: at }, 'op1'),
      ).toEqual({ ok: true });
    }
    const list = new CallbackList(db, clock);
    // Kyiv in winter: UTC+2. 20:00 UTC is 22:00 local, still today; 08:00 UTC tomorrow is later.
    let mine = await list.mine('op1', 120);
    expect([mine.overdue.length, mine.today.length, mine.later.length]).toEqual([0, 2, 1]);
    expect((await list.mine('op2', 120)).today).toEqual([]);

    const before = now;
    now = new Date('2026-11-27T10:31:00Z');
    expect((await list.dueBetween('op1', before)).map((c) => c.dueAt)).toEqual([
      '2026-11-27T10:30:00.000Z',
    ]);
    mine = await list.mine('op1', 120);
    expect(mine.overdue.map((c) => c.clientName)).toEqual(['Коваленко Ірина']);

    const [overdue] = mine.overdue;
    expect(list.reschedule(overdue!.id, '2026-11-27T09:00:00Z', 'op1')).toBe('past');
    expect(list.reschedule(overdue!.id, '2026-11-27T16:00:00Z', 'op1')).toBe(true);
    expect(list.cancel(mine.later[0]!.id, 'op1')).toBe(true);
    expect(list.cancel(mine.later[0]!.id, 'op1')).toBe(false);
    mine = await list.mine('op1', 120);
    expect([mine.overdue.length, mine.today.length, mine.later.length]).toEqual([0, 2, 0]);
    const actions = db.sqlite
      .prepare("SELECT action FROM audit_events WHERE entity = 'callback' ORDER BY id")
      .all();
    expect(actions).toEqual([{ action: 'callback.reschedule' }, { action: 'callback.cancel' }]);
  });
});

describe("IT's refusal reasons", () => {
  it('listed reasons are offered (added or renamed), the rest retired, old offers keep theirs', () => {
    const wrapUp = new WrapUp(db, clock);
    expect(
      wrapUp.finish(
        { interactionId: callId, disposition: 'refused', refusalReason: 'hasProvider' },
        'op1',
      ),
    ).toEqual({ ok: true });
    syncRefusalReasons(db, [
      { code: 'tooExpensive', uk: 'Дорого', en: 'Expensive' },
      { code: 'competitor', uk: 'Обрав конкурента', en: 'Chose a competitor' },
    ]);
    expect(wrapUp.refusalReasons('uk')).toEqual([
      { code: 'tooExpensive', label: 'Дорого' },
      { code: 'competitor', label: 'Обрав конкурента' },
    ]);
    // A retired reason cannot be chosen any more, but the recorded refusal keeps it.
    expect(
      wrapUp.finish(
        { interactionId: callId, disposition: 'refused', refusalReason: 'hasProvider' },
        'op1',
      ),
    ).toEqual({ ok: false, fieldErrors: { refusalReason: 'unknown' } });
    expect(
      row(
        `SELECT r.code FROM offers o JOIN refusal_reasons r ON r.id = o.refusal_reason_id WHERE o.interaction_id = ?`,
        callId,
      ),
    ).toEqual({ code: 'hasProvider' });
  });
});
