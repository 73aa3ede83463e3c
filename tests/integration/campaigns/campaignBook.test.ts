import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CampaignBook } from '../../../src-main/core/campaigns/campaignBook';
import { DialAttempts } from '../../../src-main/core/campaigns/dialAttempts';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { campaignCreateSchema } from '../../../src-shared/campaigns/campaignView';
import { openTempDatabase } from '../../support/tempDatabase';

const now = new Date('2026-12-07T10:00:00Z');
let db: PultDatabase;

beforeEach(async () => {
  db = await openTempDatabase();
});
afterEach(async () => {
  await db.close();
});

describe('a new list', () => {
  it('keeps what the supervisor set (script, caller ID, hours, retries, a re-offer rule) and its dials follow the retries', () => {
    const request = campaignCreateSchema.parse({
      name: 'Нагадування про оплату',
      purpose: 'reminder',
      offerCode: 'econom',
      scriptName: 'Нагадування',
      callerId: '+380443334455',
      hours: { from: '10:00', to: '18:00' },
      reofferReason: 'tooExpensive',
      retryRules: { busy: { delayMinutes: 7, max: 2 } },
    });
    const book = new CampaignBook(db.sqlite);
    const id = book.create(request, 'supervisor', now);
    expect(book.list(now)).toMatchObject([
      {
        id,
        name: 'Нагадування про оплату',
        scriptName: 'Нагадування',
        offerCode: 'econom',
        reofferReason: 'tooExpensive',
        builtAt: null,
        leads: { total: 0, callbacks: 0, byResult: {} },
      },
    ]);
    expect(
      db.sqlite
        .prepare(
          'SELECT caller_id AS callerId, hours_from AS f, hours_to AS t FROM campaigns WHERE id = ?',
        )
        .get(id),
    ).toEqual({ callerId: '+380443334455', f: '10:00', t: '18:00' });

    db.sqlite
      .prepare(
        `INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
         VALUES (1, 'Мельник Андрій', 'мельник андрій', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run();
    db.sqlite
      .prepare(
        `INSERT INTO leads (id, uid, campaign_id, client_id, e164, country, state, due_at, created_at)
         VALUES (1, 'l1', ?, 1, '+380670000001', 'UA', 'due', '2026-12-07T09:00:00Z', '2026-12-07T09:00:00Z')`,
      )
      .run(id);
    const dials = new DialAttempts(db.sqlite, 'op1');
    const first = dials.start(1, now);
    if (!first.ok) throw new Error('not started');
    dials.finish(first.attemptId, 'busy', null, now);
    expect(db.sqlite.prepare('SELECT due_at AS dueAt FROM leads WHERE id = 1').get()).toEqual({
      dueAt: '2026-12-07T10:07:00.000Z',
    });
  });

  it('refuses a re-offer without its offer, a caller ID that is not a number and a retry of no minutes', () => {
    const accepted = (request: unknown) => campaignCreateSchema.safeParse(request).success;
    expect(accepted({ name: 'x', purpose: 'sales', reofferReason: 'tooExpensive' })).toBe(false);
    expect(accepted({ name: 'x', purpose: 'sales', callerId: 'Pult Telecom' })).toBe(false);
    expect(
      accepted({ name: 'x', purpose: 'sales', retryRules: { busy: { delayMinutes: 0, max: 1 } } }),
    ).toBe(false);
    expect(accepted({ name: 'x', purpose: 'sales' })).toBe(true);
  });
});
