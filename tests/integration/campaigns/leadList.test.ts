import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDatabase } from '../../../src-main/core/clients/fileJobs/fileJobTypes';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { defaultCallingRules } from '../../../src-shared/campaigns/callingRules';
import { encryptedTempBase, testFileJobs } from '../../support/fileJobBase';

// A list built as the app builds it: on a worker thread, over an encrypted base.
const runner = testFileJobs('lead-list');
let db: PultDatabase;
let database: JobDatabase;
// Monday 7 December 2026, noon in Kyiv.
const at = '2026-12-07T10:00:00.000Z';

function client(id: number, phone: string | null, options: { consent?: boolean } = {}) {
  const { sqlite } = db;
  sqlite
    .prepare(
      `INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
       VALUES (?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    )
    .run(id, `Клієнт ${id}`, `клієнт ${id}`);
  if (phone !== null)
    sqlite
      .prepare("INSERT INTO client_phones (client_id, e164, raw) VALUES (?, ?, '')")
      .run(id, phone);
  if (options.consent !== false)
    sqlite
      .prepare(
        `INSERT INTO consents (uid, client_id, scope, source, given_at, recorded_by)
         VALUES (?, ?, 'advertising', 'web form', '2026-06-01T00:00:00Z', 'import')`,
      )
      .run(`c${id}`, id);
}

function refused(clientId: number, reasonCode: string, when: string) {
  db.sqlite
    .prepare(
      `INSERT INTO offers (client_id, offered_at, result, refusal_reason_id)
       VALUES (?, ?, 'refused', (SELECT id FROM refusal_reasons WHERE code = ?))`,
    )
    .run(clientId, when, reasonCode);
}

beforeAll(async () => {
  ({ db, database } = await encryptedTempBase('lead-list'));
  const { sqlite } = db;
  for (const [id, purpose] of [
    [1, 'sales'],
    [2, 'sales'],
  ] as const)
    sqlite
      .prepare(
        `INSERT INTO campaigns (id, uid, name, purpose, offer_code, status, created_by, created_at)
         VALUES (?, ?, ?, ?, 'home', 'active', 'op', '2026-12-01T00:00:00Z')`,
      )
      .run(id, `k${id}`, `Кампанія ${id}`, purpose);
  client(1, '+380671111111'); // callable
  client(2, '+380672222222', { consent: false }); // no consent for a sales call
  client(3, '+33612345678'); // France, refused 10 days ago: 60 days' wait
  refused(3, 'tooExpensive', '2026-11-27T10:00:00.000Z');
  client(4, '+380674444444'); // asked never to be called
  sqlite
    .prepare(
      `INSERT INTO dnc_entries (uid, level, client_id, reason, created_by, created_at)
       VALUES ('d4', 'global', 4, 'просить не телефонувати', 'op', '2026-11-01T00:00:00Z')`,
    )
    .run();
  client(5, null); // no phone: nothing to call
  client(6, '+12025550123'); // a country whose rules the center has not set
  client(7, '+380677777777'); // refused as too expensive long ago: re-offered
  refused(7, 'tooExpensive', '2026-08-01T10:00:00.000Z');
  client(8, '+380678888888'); // refused for another reason
  refused(8, 'hasProvider', '2026-08-01T10:00:00.000Z');
});
afterAll(() => db.close());

const leads = (campaignId: number) =>
  db.sqlite
    .prepare(
      `SELECT client_id AS clientId, country, state, due_at AS dueAt, held_reason AS heldReason
       FROM leads WHERE campaign_id = ? ORDER BY client_id`,
    )
    .all(campaignId);

describe('building a list', () => {
  it('from the whole base: every rule checked as it is built, each lead due, due later or held with its reason', async () => {
    const progress: number[] = [];
    const summary = await runner.run(
      {
        task: 'campaignBuild',
        database,
        campaignId: 1,
        source: {},
        countries: defaultCallingRules,
        at,
      },
      { onProgress: (rows) => progress.push(rows) },
    );
    expect(summary).toEqual({
      added: 7,
      due: 3,
      notNow: { noConsent: 1, refusedRecently: 1, doNotCallGlobal: 1, zoneUnknown: 1 },
    });
    expect(progress.at(-1)).toBe(8);
    expect(leads(1)).toEqual([
      { clientId: 1, country: 'UA', state: 'due', dueAt: at, heldReason: null },
      { clientId: 2, country: 'UA', state: 'held', dueAt: at, heldReason: 'noConsent' },
      {
        clientId: 3,
        country: 'FR',
        state: 'due',
        dueAt: '2027-01-26T10:00:00.000Z',
        heldReason: null,
      },
      { clientId: 4, country: 'UA', state: 'held', dueAt: at, heldReason: 'doNotCallGlobal' },
      { clientId: 6, country: 'US', state: 'held', dueAt: at, heldReason: 'zoneUnknown' },
      { clientId: 7, country: 'UA', state: 'due', dueAt: at, heldReason: null },
      { clientId: 8, country: 'UA', state: 'due', dueAt: at, heldReason: null },
    ]);
    // Built again: no number twice.
    const again = await runner.run({
      task: 'campaignBuild',
      database,
      campaignId: 1,
      source: {},
      countries: defaultCallingRules,
      at,
    });
    expect(again.added).toBe(0);
    expect(leads(1)).toHaveLength(7);
  });

  it('a re-offer: only the clients who refused with the reason ("дорого"), the recent refuser due when the wait is over', async () => {
    const summary = await runner.run({
      task: 'campaignBuild',
      database,
      campaignId: 2,
      source: { refusedWith: 'tooExpensive' },
      countries: defaultCallingRules,
      at,
    });
    expect(summary).toEqual({ added: 2, due: 1, notNow: { refusedRecently: 1 } });
    expect(leads(2).map((l) => (l as { clientId: number }).clientId)).toEqual([3, 7]);
  });

  it("from an imported file's tag: only its clients; the card's do-not-call holds one", async () => {
    const { sqlite } = db;
    client(9, '+380679999999'); // on an imported file's list (its tag); marked do-not-call on the card
    client(10, '+380670000010'); // on the same list
    sqlite.prepare("INSERT INTO tags (id, name) VALUES (1, 'акція-грудень')").run();
    sqlite.prepare('INSERT INTO client_tags (client_id, tag_id) VALUES (9, 1), (10, 1)').run();
    sqlite.prepare('UPDATE clients SET do_not_call = 1 WHERE id = 9').run();
    db.sqlite
      .prepare(
        `INSERT INTO campaigns (id, uid, name, purpose, status, created_by, created_at)
         VALUES (3, 'k3', 'Акція', 'sales', 'active', 'op', '2026-12-01T00:00:00Z')`,
      )
      .run();
    const summary = await runner.run({
      task: 'campaignBuild',
      database,
      campaignId: 3,
      source: { tag: 'акція-грудень' },
      countries: defaultCallingRules,
      at,
    });
    expect(summary).toEqual({ added: 2, due: 1, notNow: { doNotCallGlobal: 1 } });
    expect(leads(3)).toMatchObject([
      { clientId: 9, state: 'held', heldReason: 'doNotCallGlobal' },
      { clientId: 10, state: 'due' },
    ]);
  });
});
