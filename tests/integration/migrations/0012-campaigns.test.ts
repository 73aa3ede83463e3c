import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

describe('migration 12, from version 11', () => {
  it('keeps a client already marked do-not-call as a global do-not-call entry, and no other', async () => {
    const db = await upgradeTo(12, ({ sqlite }) => {
      const client = sqlite.prepare(
        `INSERT INTO clients (id, full_name, sort_key, do_not_call, created_at, updated_at)
         VALUES (?, ?, ?, ?, '2026-11-01T09:00:00.000Z', '2026-11-02T09:00:00.000Z')`,
      );
      client.run(1, 'Коваленко Андрій', 'коваленко андрій', 1);
      client.run(2, 'Мельник Ірина', 'мельник ірина', 0);
    });
    try {
      const entries = db.sqlite
        .prepare(
          'SELECT uid, level, client_id AS clientId, created_at AS createdAt FROM dnc_entries',
        )
        .all() as { uid: string; level: string; clientId: number; createdAt: string }[];
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        level: 'global',
        clientId: 1,
        createdAt: '2026-11-02T09:00:00.000Z',
      });
      // A UUIDv7 made from the time the client was marked (its first 48 bits).
      expect(entries[0]?.uid).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(parseInt(entries[0]!.uid.replace(/-/g, '').slice(0, 12), 16)).toBe(
        Date.parse('2026-11-02T09:00:00.000Z'),
      );
    } finally {
      await db.close();
    }
  });

  it('refuses what the lists must never hold: an unknown state or result, a number twice in a campaign, a campaign-level entry without its campaign', async () => {
    const db = await upgradeTo(12, ({ sqlite }) => {
      sqlite
        .prepare(
          `INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
           VALUES (1, 'Коваленко Андрій', 'коваленко андрій', '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z')`,
        )
        .run();
    });
    try {
      const { sqlite } = db;
      sqlite
        .prepare(
          `INSERT INTO campaigns (id, uid, name, purpose, status, created_by, created_at)
           VALUES (1, 'c1', 'Тариф «Домашній»', 'sales', 'active', 'op', '2026-12-01T09:00:00Z')`,
        )
        .run();
      const lead = sqlite.prepare(
        `INSERT INTO leads (uid, campaign_id, client_id, e164, state, created_at)
         VALUES (?, 1, 1, ?, ?, '2026-12-01T09:00:00Z')`,
      );
      lead.run('l1', '+380671234567', 'due');
      expect(() => lead.run('l2', '+380671234567', 'due')).toThrow(/UNIQUE/);
      expect(() => lead.run('l3', '+380501112233', 'ringing')).toThrow(/CHECK/);
      const attempt = sqlite.prepare(
        `INSERT INTO lead_attempts (uid, lead_id, e164, started_at, result, created_by)
         VALUES (?, 1, '+380671234567', '2026-12-01T10:00:00Z', ?, 'op')`,
      );
      attempt.run('a1', 'dialling');
      expect(() => attempt.run('a2', 'ringing')).toThrow(/CHECK/);
      const dnc = sqlite.prepare(
        `INSERT INTO dnc_entries (uid, level, client_id, e164, campaign_id, product_code, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'op', '2026-12-01T09:00:00Z')`,
      );
      dnc.run('d1', 'campaign', 1, null, 1, null);
      dnc.run('d2', 'product', null, '+380671234567', null, 'tariff-home');
      expect(() => dnc.run('d3', 'campaign', 1, null, null, null)).toThrow(/CHECK/);
      expect(() => dnc.run('d4', 'global', null, null, null, null)).toThrow(/CHECK/);
      // The next-lead pick reads the index alone.
      const plan = sqlite
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM leads WHERE campaign_id = 1 AND state = 'due'
           ORDER BY due_at LIMIT 1`,
        )
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX leads_next/);
    } finally {
      await db.close();
    }
  });
});
