import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DialAttempts } from '../../../src-main/core/campaigns/dialAttempts';
import { LeadPicker } from '../../../src-main/core/campaigns/leadPicker';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { defaultCallingRules } from '../../../src-shared/campaigns/callingRules';
import { openTempDatabase, tempDatabaseFile } from '../../support/tempDatabase';

// Monday 7 December 2026, noon in Kyiv; the clock is moved, never waited for.
const now = new Date('2026-12-07T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let file: string;
let db: PultDatabase;

function seed() {
  const { sqlite } = db;
  sqlite
    .prepare(
      `INSERT INTO campaigns (id, uid, name, purpose, retry_rules, status, created_by, created_at)
       VALUES (1, 'k1', 'Нагадування про оплату', 'reminder', '{"busy":{"delayMinutes":10,"max":3}}',
         'active', 'op', '2026-12-01T00:00:00Z')`,
    )
    .run();
  for (const id of [1, 2, 3]) {
    sqlite
      .prepare(
        `INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
         VALUES (?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run(id, `Клієнт ${id}`, `клієнт ${id}`);
    sqlite
      .prepare(
        `INSERT INTO leads (id, uid, campaign_id, client_id, e164, country, state, due_at, created_at)
         VALUES (?, ?, 1, ?, ?, 'UA', 'due', ?, '2026-12-01T00:00:00Z')`,
      )
      .run(id, `l${id}`, id, `+38067000000${id}`, `2026-12-07T08:0${id}:00Z`);
  }
}

const attempts = () =>
  db.sqlite.prepare('SELECT lead_id AS leadId, result FROM lead_attempts ORDER BY id').all();

beforeEach(async () => {
  file = tempDatabaseFile();
  db = await openTempDatabase(file);
  seed();
});
afterEach(() => db.close());

describe('dialling a lead', () => {
  it('killed between writing the attempt and the INVITE: the attempt is kept, and the lead is not dialled again at once', async () => {
    await db.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/support/dialChild.ts', file, '1', now.toISOString()],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, s) => resolve(s)),
    );
    expect(signal, output).toBe('SIGKILL');

    // The next start.
    db = await openTempDatabase(file);
    expect(attempts()).toEqual([{ leadId: 1, result: 'dialling' }]);
    const dials = new DialAttempts(db.sqlite, 'op1');
    const picker = new LeadPicker(db.sqlite, () => defaultCallingRules);
    // Before recovery too, the lead is out of the pick: nothing dials it twice.
    expect(picker.next(1, later(1))?.leadId).toBe(2);
    expect(dials.start(1, later(1))).toEqual({ ok: false, why: 'alreadyDialling' });
    expect(dials.recover(later(1))).toBe(1);
    expect(attempts()).toEqual([{ leadId: 1, result: 'cutOff' }]);
    expect(dials.start(1, later(2))).toEqual({ ok: false, why: 'notDue' });
    // Due again after the cut-off delay (30 minutes), with its first attempt counted.
    const row = () =>
      db.sqlite.prepare('SELECT attempts, due_at AS dueAt FROM leads WHERE id = 1').get();
    expect(row()).toEqual({ attempts: 1, dueAt: later(31).toISOString() });
  });

  it('busy: due again after the campaign’s delay, and done after its maximum', () => {
    db.sqlite.prepare('DELETE FROM leads WHERE id IN (2, 3)').run();
    const dials = new DialAttempts(db.sqlite, 'op1');
    const picker = new LeadPicker(db.sqlite, () => defaultCallingRules);
    let at = now;
    for (let round = 1; round <= 3; round++) {
      expect(picker.next(1, at)?.leadId).toBe(1);
      const started = dials.start(1, at);
      if (!started.ok) throw new Error('not started');
      dials.finish(started.attemptId, 'busy', null, at);
      // Not before the campaign's delay (10 minutes for busy).
      const early = new Date(at.getTime() + 9 * 60_000);
      expect(picker.next(1, early)).toBeUndefined();
      expect(dials.start(1, early)).toEqual({ ok: false, why: 'notDue' });
      at = new Date(at.getTime() + 10 * 60_000);
    }
    // The third busy was the last: nothing more to dial.
    expect(picker.next(1, at)).toBeUndefined();
    expect(
      db.sqlite.prepare('SELECT state, last_result AS lastResult FROM leads WHERE id = 1').get(),
    ).toEqual({
      state: 'done',
      lastResult: 'busy',
    });
    expect(attempts()).toEqual([
      { leadId: 1, result: 'busy' },
      { leadId: 1, result: 'busy' },
      { leadId: 1, result: 'busy' },
    ]);
  });
});
