import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientBase } from '../../../src-main/core/clients/clientBase';
import { maskAccount, maskEmail } from '../../../src-main/core/clients/personalData';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { maskCallerNumber } from '../../../src-main/core/phones/phoneMasking';
import { revealRequestSchema } from '../../../src-shared/clients/personalData';
import { openTempDatabase } from '../../support/tempDatabase';

let db: PultDatabase;
let base: ClientBase;
let id: number;
const clock = { now: () => new Date('2026-12-06T10:00:00Z') };
const store = { read: () => undefined, write: () => undefined };

beforeAll(async () => {
  db = await openTempDatabase();
  base = new ClientBase(db, clock, 'UA', () => 'uk', store);
  const created = base.create(
    {
      fullName: 'Шевчук Оксана',
      phones: [{ raw: '067 123 45 67' }, { raw: '044 555 66 77' }],
      email: 'oksana@ukr.net',
      personalAccount: '1002003004',
    },
    'op1',
  );
  if (!created.ok) throw new Error('not created');
  id = created.id;
});
afterAll(async () => {
  await db.close();
});

const audit = () =>
  db.sqlite
    .prepare<[], { action: string; actor: string; entityId: number; details: string }>(
      `SELECT action, actor, entity_id AS entityId, details FROM audit_events
       WHERE action IN ('client.view', 'client.reveal') ORDER BY id`,
    )
    .all()
    .map((row) => ({ ...row, details: JSON.parse(row.details) as unknown }));

describe("a client's personal details", () => {
  it('are masked on the card the window gets, and each view is audited with who and how', () => {
    const card = base.viewCard(id, { actor: 'op1', via: 'screenPop', masked: true });
    expect(card?.masked).toBe(true);
    expect(card?.phones.map((p) => [p.e164, p.raw])).toEqual([
      ['+38067•••••67', ''],
      ['+38044•••••77', ''],
    ]);
    expect(card?.email).toBe('o•••@ukr.net');
    expect(card?.personalAccount).toBe('•••••004');
    expect(card?.fullName).toBe('Шевчук Оксана');
    expect(JSON.stringify(card)).not.toContain('1234567');
    expect(audit().at(-1)).toEqual({
      action: 'client.view',
      actor: 'op1',
      entityId: id,
      details: { via: 'screenPop' },
    });
  });

  it('are shown in full where IT turned masking off, and the view is audited all the same', () => {
    const before = audit().length;
    const card = base.viewCard(id, { actor: 'op2', via: 'card', masked: false });
    expect(card?.phones[0]?.e164).toBe('+380671234567');
    expect(audit()).toHaveLength(before + 1);
  });

  it('come in full only with a reason, which the audit keeps', () => {
    const details = base.reveal(id, 'op1', { reason: 'orderOrDelivery', note: '' });
    expect(details).toEqual({
      phones: [
        { e164: '+380671234567', raw: '067 123 45 67', label: '' },
        { e164: '+380445556677', raw: '044 555 66 77', label: '' },
      ],
      email: 'oksana@ukr.net',
      personalAccount: '1002003004',
    });
    expect(audit().at(-1)).toEqual({
      action: 'client.reveal',
      actor: 'op1',
      entityId: id,
      details: { reason: 'orderOrDelivery' },
    });
    expect(base.reveal(999_999, 'op1', { reason: 'other', note: 'x' })).toBeUndefined();
  });

  it('"other" as the reason needs words, and main refuses it without them', () => {
    expect(revealRequestSchema.safeParse({ id, reason: 'other' }).success).toBe(false);
    expect(revealRequestSchema.safeParse({ id, reason: 'other', note: '   ' }).success).toBe(false);
    expect(revealRequestSchema.safeParse({ id, reason: 'other', note: 'звірка' }).success).toBe(
      true,
    );
    expect(revealRequestSchema.safeParse({ id, reason: 'curious' }).success).toBe(false);
  });

  it('a masked phone is dialled by its place on the card', () => {
    expect(base.phoneOf(id, 1)).toBe('+380445556677');
    expect(base.phoneOf(id, 5)).toBeUndefined();
  });

  it.each([
    ['+380671234567', '+38067•••••67'],
    ['0671234567', '067123••67'],
    ['2001', '2001'],
    ['', ''],
  ])("masks the caller's number %j as %j in the call log", (number, masked) =>
    expect(maskCallerNumber(number)).toBe(masked),
  );
  it.each([
    ['', ''],
    ['a@b.ua', 'a•••@b.ua'],
    ['not-an-email', '•••'],
  ])('masks the e-mail %j as %j', (email, masked) => expect(maskEmail(email)).toBe(masked));
  it.each([
    ['', ''],
    ['12', '•••'],
    ['123456', '•••456'],
  ])('masks the account %j as %j', (account, masked) => expect(maskAccount(account)).toBe(masked));
});
