import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

describe('migration 15, from version 14', () => {
  it('marks lists built before it as built (at their first lead), so no rule builds them again', async () => {
    const db = await upgradeTo(15, ({ sqlite }) => {
      sqlite
        .prepare(
          `INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
           VALUES (1, 'Коваленко Андрій', 'коваленко андрій', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')`,
        )
        .run();
      const campaign = sqlite.prepare(
        `INSERT INTO campaigns (id, uid, name, purpose, status, created_by, created_at)
         VALUES (?, ?, ?, 'sales', 'active', 'op', '2026-12-01T09:00:00Z')`,
      );
      campaign.run(1, 'c1', 'Побудований');
      campaign.run(2, 'c2', 'Порожній');
      sqlite
        .prepare(
          `INSERT INTO leads (uid, campaign_id, client_id, e164, state, created_at)
           VALUES ('l1', 1, 1, '+380671234567', 'due', '2026-12-02T09:00:00Z')`,
        )
        .run();
    });
    try {
      expect(
        db.sqlite
          .prepare(
            'SELECT id, reoffer_reason AS reason, built_at AS builtAt FROM campaigns ORDER BY id',
          )
          .all(),
      ).toEqual([
        { id: 1, reason: null, builtAt: '2026-12-02T09:00:00Z' },
        { id: 2, reason: null, builtAt: null },
      ]);
    } finally {
      await db.close();
    }
  });
});
