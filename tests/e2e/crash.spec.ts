import { expect, test } from '@playwright/test';
import { startKamailio } from '../support/kamailio';
import { openAppDatabase } from './support/appDatabase';
import { launchPult, newUserDataDir } from './support/pultApp';
import { createClient } from './support/clients';
import { SipPhone } from './support/sipPhone';
import { registerPult } from './support/sipSetup';

/**
 * The app killed as a crash or Task Manager would (SIGKILL: no quit handler
 * runs), then started again on the same profile: what must hold is what an
 * operator would check.
 */

test('killed in the middle of a stream of client edits: the base opens, and every edit is whole or absent', async () => {
  const userDataDir = newUserDataDir();
  const first = await launchPult({ userDataDir });
  const clients = 20;
  let saved: number | undefined;
  try {
    const page = await first.firstWindow();
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('demo-dismiss').click();
    // Each edit changes the city, the notes and the phones together: a half-applied
    // edit would show a city from one edit with the notes or phones of another.
    saved = await page.evaluate(async (count) => {
      const draft = (n: number) => ({
        fullName: `Клієнт ${n % count}`,
        city: `Місто ${n}`,
        notes: String(n),
        phones: Array.from({ length: (n % 3) + 1 }, (_, i) => ({
          raw: `067${String(1_000_000 + (n % count) * 10 + i)}`,
        })),
      });
      for (let n = 0; n < count; n++) {
        const created = await window.pult.invoke('clients.create', draft(n));
        if (!created.ok || !created.value.ok) throw new Error('not created');
      }
      const w = window as unknown as { edits: number };
      w.edits = 0;
      // Not awaited: the edits go on while the test kills the app.
      void (async () => {
        for (let n = count; ; n++) {
          const id = (n % count) + 1;
          const result = await window.pult.invoke('clients.update', { id, draft: draft(n) });
          if (!result.ok) return;
          w.edits = n - count + 1;
        }
      })();
      return count;
    }, clients);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { edits: number }).edits))
      .toBeGreaterThan(150);
  } finally {
    await first.kill();
  }
  expect(saved).toBe(clients);

  // The next start opens the base and lists every client.
  const second = await launchPult({ userDataDir });
  try {
    const page = await second.firstWindow();
    await page.getByTestId('nav-clients').click();
    await expect(page.getByTestId('client-count')).toHaveText(`Усього клієнтів: ${clients}`);
  } finally {
    await second.close();
  }
  const db = openAppDatabase(userDataDir, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const rows = db
      .prepare<[], { id: number; city: string; notes: string; phones: number }>(
        `SELECT c.id, c.city, c.notes, (SELECT count(*) FROM client_phones p WHERE p.client_id = c.id) AS phones
         FROM clients c ORDER BY c.id`,
      )
      .all();
    expect(rows).toHaveLength(clients);
    for (const row of rows) {
      const n = Number(row.notes);
      expect(row.city).toBe(`Місто ${n}`);
      expect(row.phones).toBe((n % 3) + 1);
    }
    // Each edit in the base has its audit entry, written in the same transaction, and no
    // audit entry speaks of an edit the base does not have: client k was created as edit
    // k - 1 and then edited every ${clients} edits.
    const audits = db.prepare<[number], { n: number }>(
      `SELECT count(*) AS n FROM audit_events WHERE action = 'client.update' AND entity_id = ?`,
    );
    for (const row of rows) {
      const edits = (Number(row.notes) - (row.id - 1)) / clients;
      expect(audits.get(row.id)?.n).toBe(edits);
    }
  } finally {
    db.close();
  }
});

test('killed during a call: the next start closes the call in the log as cut off, keeps everything else, and takes calls again', async () => {
  const kamailio = await startKamailio([]);
  const phone = await SipPhone.start('+380671234567');
  const userDataDir = newUserDataDir();
  const first = await launchPult({ userDataDir });
  try {
    const page = await first.firstWindow();
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('demo-dismiss').click();
    await createClient(page, { fullName: 'Коваленко Ірина', phones: [{ raw: '067 123 45 67' }] });
    await registerPult(page, 'agent1', 'agentpw1');
    await page.getByTestId('nav-calls').click();
    await phone.call('sip:agent1@127.0.0.1');
    const call = page.getByTestId('call');
    await expect(call).toHaveAttribute('data-state', 'ringing');
    await page.waitForTimeout(500);
    await call.getByTestId('call-answer').click();
    await expect(call).toHaveAttribute('data-state', 'active');
    await page.waitForTimeout(2000);
    await first.kill();

    const second = await launchPult({ userDataDir });
    try {
      const again = await second.firstWindow();
      await again.getByTestId('nav-calls').click();
      const entry = again.getByTestId('call-log-entry').first();
      await expect(entry).toContainText('Коваленко Ірина');
      await expect(entry).toContainText('програму було закрито');
      await expect(again.getByTestId('call')).toHaveCount(0);
      // Registered again with the saved account: the call the kill cut off is ended at the
      // PBX and for the caller (a BYE in its dialog), who is not left on a dead line.
      await expect(again.getByTestId('status-sip')).toHaveText(/(?<!не )зареєстровано/);
      await expect
        .poll(async () => (await phone.events()).filter((e) => e.type === 'ended').at(-1))
        .toMatchObject({ originator: 'remote' });
      await phone.call('sip:agent1@127.0.0.1');
      const next = again.getByTestId('call');
      await expect(next).toHaveAttribute('data-state', 'ringing');
      await expect(next.getByTestId('call-who')).toHaveText('Коваленко Ірина');
      await next.getByTestId('call-answer').click();
      await expect(next).toHaveAttribute('data-state', 'active');
      await next.getByTestId('call-hangup').click();
      await expect(next).toHaveAttribute('data-state', 'ended');
    } finally {
      await second.close();
    }
    const db = openAppDatabase(userDataDir, { readonly: true });
    try {
      const calls = db
        .prepare<[], { endCause: string; answeredAt: string | null; talkSeconds: number }>(
          `SELECT end_cause AS endCause, answered_at AS answeredAt, talk_seconds AS talkSeconds
           FROM interactions WHERE kind = 'call' ORDER BY id`,
        )
        .all();
      expect(calls).toHaveLength(2);
      expect(calls[0]?.endCause).toBe('appClosed');
      expect(calls[0]?.answeredAt).not.toBeNull();
      expect(db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  } finally {
    await first.kill().catch(() => undefined);
    await phone.stop();
    await kamailio.stop();
  }
});
