import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

describe('migration 18, from version 17', () => {
  it('keeps day-off requests, adds room for the supervisor’s note, and tables for colleagues’ calls and requests', async () => {
    const v18 = await upgradeTo(18, (v17) => {
      v17.sqlite.exec(`
        INSERT INTO day_off_requests (uid, day, reason, status, created_by, created_at)
          VALUES ('d1', '2026-12-14', 'Лікар', 'submitted', 'op1', '2026-12-07T09:00:00.000Z');`);
    });
    try {
      const { sqlite } = v18;
      expect(
        sqlite.prepare('SELECT reason, status, decision_note AS note FROM day_off_requests').all(),
      ).toEqual([{ reason: 'Лікар', status: 'submitted', note: null }]);
      const call = sqlite.prepare(
        `INSERT INTO team_calls (uid, client_uid, operator, direction, offered_at, talk_seconds, notes, received_at)
         VALUES (?, 'c1', 'op2', 'inbound', '2026-12-07T09:00:00.000Z', 30, '', 'x')`,
      );
      call.run('k1');
      expect(() => call.run('k1')).toThrow(/UNIQUE/);
      expect(
        sqlite.prepare("SELECT operator FROM team_calls WHERE client_uid = 'c1'").pluck().all(),
      ).toEqual(['op2']);
      expect(() =>
        sqlite
          .prepare(
            `INSERT INTO team_day_offs (uid, operator, day, reason, status, requested_at, received_at)
             VALUES ('t1', 'op2', '2026-12-15', '', 'maybe', 'x', 'x')`,
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      await v18.close();
    }
  });
});
