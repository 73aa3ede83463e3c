import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDueReoffers, dueReoffers } from '../../../src-main/core/campaigns/reofferRules';
import type { JobDatabase } from '../../../src-main/core/clients/fileJobs/fileJobTypes';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { defaultCallingRules } from '../../../src-shared/campaigns/callingRules';
import { encryptedTempBase, testFileJobs } from '../../support/fileJobBase';

// A re-offer rule: those who refused "дорого" get the cheaper tariff the day it comes into force.
const runner = testFileJobs('reoffer');
let db: PultDatabase;
let database: JobDatabase;

beforeAll(async () => {
  ({ db, database } = await encryptedTempBase('reoffer'));
  const { sqlite } = db;
  const client = sqlite.prepare(
    `INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
     VALUES (?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  const phone = sqlite.prepare(
    "INSERT INTO client_phones (client_id, e164, raw) VALUES (?, ?, '')",
  );
  const refused = sqlite.prepare(
    `INSERT INTO offers (client_id, offered_at, result, refusal_reason_id)
     VALUES (?, '2026-06-01T10:00:00Z', 'refused', (SELECT id FROM refusal_reasons WHERE code = ?))`,
  );
  for (const [id, name, number, reason] of [
    [1, 'Мельник Андрій', '+380671111111', 'tooExpensive'],
    [2, 'Шевченко Олена', '+380672222222', 'tooExpensive'],
    [3, 'Бондар Ігор', '+380673333333', 'hasProvider'],
  ] as const) {
    client.run(id, name, name.toLowerCase());
    phone.run(id, number);
    refused.run(id, reason);
  }
  sqlite
    .prepare(
      `INSERT INTO tariffs (code, name, monthly_fee_kop, valid_from, active)
       VALUES ('econom', 'Економ', 15000, '2026-12-10', 1)`,
    )
    .run();
  sqlite
    .prepare(
      `INSERT INTO campaigns (id, uid, name, purpose, offer_code, reoffer_reason, status, created_by, created_at)
       VALUES (1, 'k1', 'Економ тим, кому було дорого', 'survey', 'econom', 'tooExpensive', 'active', 'op', '2026-12-01T00:00:00Z')`,
    )
    .run();
});
afterAll(() => db.close());

describe('a re-offer rule', () => {
  it('waits for its tariff, builds its list of the refusers the day the tariff comes into force, and only once', async () => {
    const build = (campaignId: number, refusedWith: string) =>
      runner.run({
        task: 'campaignBuild',
        database,
        campaignId,
        source: { refusedWith },
        countries: defaultCallingRules,
        at: '2026-12-10T08:00:00.000Z',
      });
    const before = new Date('2026-12-09T12:00:00Z');
    expect(dueReoffers(db.sqlite, before)).toEqual([]);
    expect(
      await buildDueReoffers({ sqlite: db.sqlite, now: before, build, logger: silentLogger }),
    ).toEqual([]);
    const onTheDay = new Date('2026-12-10T08:00:00Z');
    expect(dueReoffers(db.sqlite, onTheDay)).toEqual([{ campaignId: 1, reason: 'tooExpensive' }]);
    expect(
      await buildDueReoffers({ sqlite: db.sqlite, now: onTheDay, build, logger: silentLogger }),
    ).toEqual([{ campaignId: 1, added: 2 }]);
    expect(
      db.sqlite
        .prepare('SELECT client_id AS id FROM leads WHERE campaign_id = 1 ORDER BY client_id')
        .all(),
    ).toEqual([{ id: 1 }, { id: 2 }]);
    expect(dueReoffers(db.sqlite, new Date('2026-12-11T08:00:00Z'))).toEqual([]);
  });

  it('a build that fails is tried again at the next look, and the others go on', async () => {
    db.sqlite
      .prepare(
        `INSERT INTO campaigns (id, uid, name, purpose, offer_code, reoffer_reason, status, created_by, created_at)
         VALUES (2, 'k2', 'Ще одна', 'survey', 'econom', 'hasProvider', 'active', 'op', '2026-12-01T00:00:00Z')`,
      )
      .run();
    const now = new Date('2026-12-12T08:00:00Z');
    const failing = () => Promise.reject(new Error('the worker died'));
    expect(
      await buildDueReoffers({ sqlite: db.sqlite, now, build: failing, logger: silentLogger }),
    ).toEqual([]);
    expect(dueReoffers(db.sqlite, now)).toEqual([{ campaignId: 2, reason: 'hasProvider' }]);
  });
});
