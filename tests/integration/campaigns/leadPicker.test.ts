import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallTimes } from '../../../src-main/core/campaigns/callTimes';
import { LeadPicker } from '../../../src-main/core/campaigns/leadPicker';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { defaultCallingRules } from '../../../src-shared/campaigns/callingRules';
import { openTempDatabase } from '../../support/tempDatabase';

// Monday 7 December 2026, noon in Kyiv.
const now = new Date('2026-12-07T10:00:00Z');
let db: PultDatabase;

/** A client with a lead in campaign 1, due at `due`; with consent to advertising unless said. */
function lead(id: number, due: string, options: { consent?: boolean; country?: string } = {}) {
  const { sqlite } = db;
  sqlite
    .prepare(
      `INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
       VALUES (?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    )
    .run(id, `Клієнт ${id}`, `клієнт ${id}`);
  sqlite
    .prepare(
      `INSERT INTO leads (id, uid, campaign_id, client_id, e164, country, state, due_at, created_at)
       VALUES (?, ?, 1, ?, ?, ?, 'due', ?, '2026-12-01T00:00:00Z')`,
    )
    .run(id, `l${id}`, id, `+38067000000${id}`, options.country ?? 'UA', due);
  if (options.consent !== false)
    sqlite
      .prepare(
        `INSERT INTO consents (uid, client_id, scope, source, given_at, recorded_by)
         VALUES (?, ?, 'advertising', 'web form', '2026-06-01T00:00:00Z', 'import')`,
      )
      .run(`c${id}`, id);
}

const leadRow = (id: number) =>
  db.sqlite
    .prepare('SELECT state, due_at AS dueAt, held_reason AS heldReason FROM leads WHERE id = ?')
    .get(id);

beforeEach(async () => {
  db = await openTempDatabase();
  db.sqlite
    .prepare(
      `INSERT INTO campaigns (id, uid, name, purpose, offer_code, status, created_by, created_at)
       VALUES (1, 'k1', 'Тариф «Домашній»', 'sales', 'home', 'active', 'op', '2026-12-01T00:00:00Z')`,
    )
    .run();
});
afterEach(() => db.close());

describe('the next lead of a list', () => {
  it('is the soonest due that may be called; the others are put aside as their answers say', () => {
    lead(1, '2026-12-07T08:00:00Z'); // do-not-call for this product
    lead(2, '2026-12-07T08:01:00Z', { consent: false }); // no consent for a sales call
    lead(3, '2026-12-07T08:02:00Z'); // five attempts this month
    lead(4, '2026-12-07T08:03:00Z', { country: 'US' }); // zone unknown
    lead(5, '2026-12-07T08:04:00Z'); // callable
    lead(6, '2026-12-07T08:05:00Z'); // callable, due later
    lead(7, '2026-12-08T08:00:00Z'); // not due yet
    db.sqlite
      .prepare(
        `INSERT INTO dnc_entries (uid, level, e164, product_code, reason, created_by, created_at)
         VALUES ('d1', 'product', '+380670000001', 'home', 'не пропонувати', 'op', '2026-11-01T00:00:00Z')`,
      )
      .run();
    const attempt = db.sqlite.prepare(
      `INSERT INTO lead_attempts (uid, lead_id, e164, started_at, result, created_by)
       VALUES (?, 3, '+380670000003', ?, 'noAnswer', 'op')`,
    );
    ['2026-11-10', '2026-11-15', '2026-11-20', '2026-11-25', '2026-12-01'].forEach((day, i) =>
      attempt.run(`a${i}`, `${day}T10:00:00.000Z`),
    );
    const picker = new LeadPicker(db.sqlite, () => defaultCallingRules);
    expect(picker.next(1, now)).toEqual({ leadId: 5, clientId: 5, e164: '+380670000005' });
    expect(leadRow(1)).toEqual({
      state: 'held',
      dueAt: '2026-12-07T08:00:00Z',
      heldReason: 'doNotCallProduct',
    });
    expect(leadRow(2)).toMatchObject({ state: 'held', heldReason: 'noConsent' });
    // Due again when the oldest attempt leaves the 30 days.
    expect(leadRow(3)).toEqual({
      state: 'due',
      dueAt: '2026-12-10T10:00:00.000Z',
      heldReason: null,
    });
    expect(leadRow(4)).toMatchObject({ state: 'held', heldReason: 'zoneUnknown' });
    // Dialled: the next pick moves on.
    db.sqlite.prepare("UPDATE leads SET state = 'done' WHERE id = 5").run();
    expect(picker.next(1, now)?.leadId).toBe(6);
    db.sqlite.prepare("UPDATE leads SET state = 'done' WHERE id = 6").run();
    expect(picker.next(1, now)).toBeUndefined();
  });

  it('at night nothing is callable: the leads are looked at again a quarter of an hour later, not held', () => {
    lead(1, '2026-12-07T08:00:00Z');
    const night = new Date('2026-12-07T21:00:00Z');
    const picker = new LeadPicker(db.sqlite, () => defaultCallingRules);
    expect(picker.next(1, night)).toBeUndefined();
    expect(leadRow(1)).toEqual({
      state: 'due',
      dueAt: '2026-12-07T21:15:00.000Z',
      heldReason: null,
    });
  });

  it('a client who refused recently waits; a withdrawn consent counts as none', () => {
    lead(1, '2026-12-07T08:00:00Z');
    lead(2, '2026-12-07T08:01:00Z');
    db.sqlite
      .prepare(
        `INSERT INTO interactions (client_id, kind, direction, remote_number, offered_at, outcome)
         VALUES (1, 'call', 'outbound', '+380670000001', '2026-11-20T10:00:00.000Z', 'refused')`,
      )
      .run();
    db.sqlite
      .prepare("UPDATE consents SET withdrawn_at = '2026-12-01T00:00:00Z' WHERE client_id = 2")
      .run();
    const picker = new LeadPicker(db.sqlite, () => defaultCallingRules);
    expect(picker.next(1, now)).toBeUndefined();
    expect(leadRow(1)).toMatchObject({ state: 'due', dueAt: '2026-12-20T10:00:00.000Z' });
    expect(leadRow(2)).toMatchObject({ state: 'held', heldReason: 'noConsent' });
  });

  it('keeps to the hours a client asked for on the card (set, then cleared) and to the list’s own hours', () => {
    lead(1, '2026-12-07T08:00:00Z');
    lead(2, '2026-12-07T08:01:00Z');
    const times = new CallTimes(db.sqlite);
    expect(times.set(1, { from: '18:00', to: '20:00' }, 'op', now)).toBe(true);
    expect(times.set(99, { from: '18:00', to: '20:00' }, 'op', now)).toBe(false);
    const picker = new LeadPicker(db.sqlite, () => defaultCallingRules);
    // Noon in Kyiv: client 1 asked for the evening, client 2 is called.
    expect(picker.next(1, now)?.leadId).toBe(2);
    expect(leadRow(1)).toMatchObject({ state: 'due', dueAt: '2026-12-07T10:15:00.000Z' });
    times.set(1, null, 'op', now);
    expect(picker.check(1, now)).toEqual({ ok: true });
    // The list calls only 14:00–18:00: at noon nobody.
    db.sqlite.prepare("UPDATE campaigns SET hours_from = '14:00', hours_to = '18:00'").run();
    expect(picker.check(1, now)).toMatchObject({ ok: false, reason: 'outsideHours' });
    expect(picker.check(1, new Date('2026-12-07T12:30:00Z'))).toEqual({ ok: true });
  });
});
