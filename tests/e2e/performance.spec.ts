import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readSheet } from 'read-excel-file/node';
import { startKamailio } from '../support/kamailio';
import { openAppDatabase } from './support/appDatabase';
import { createClient } from './support/clients';
import { launchPult, newUserDataDir } from './support/pultApp';
import { SipPhone } from './support/sipPhone';
import { registerPult } from './support/sipSetup';
import { pdfText } from '../support/pdfText';

const figure = (page: Page, metric: string) =>
  page.getByTestId(`figure-${metric}`).getByTestId('figure-value');

test('a call ends with an accepted offer: within a second the sheet counts one more call, the new conversion, and lists the call', async () => {
  test.setTimeout(180_000);
  const kamailio = await startKamailio([]);
  const caller = await SipPhone.start('+380671112266');
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await createClient(page, { fullName: 'Гончаренко Марія', phones: [{ raw: '067 111 22 66' }] });
    await registerPult(page, 'agent1', 'agentpw1');

    // The sheet of this month, before: nothing handled, no conversion.
    await page.getByTestId('nav-performance').click();
    await expect(figure(page, 'callsHandled')).toHaveText('0');
    await expect(figure(page, 'conversion')).toHaveText('—');

    await caller.call('sip:agent1@127.0.0.1');
    await expect(page.getByTestId('call')).toHaveAttribute('data-state', 'ringing');
    await expect(page.getByTestId('client-card-name')).toHaveText('Гончаренко Марія');
    await page.keyboard.press('F2');
    await expect(page.getByTestId('call')).toHaveAttribute('data-state', 'active');

    // A tariff offered from the knowledge base, and accepted.
    await page.keyboard.press('Control+k');
    const drawer = page.getByTestId('knowledge-drawer');
    await drawer.getByTestId('knowledge-search').fill('інтернет 500');
    const hit = drawer.getByTestId('knowledge-hit').filter({ hasText: 'Інтернет 500' }).first();
    await hit.getByTestId('knowledge-offer').click();
    await hit.getByTestId('knowledge-accepted').click();
    await expect(hit.getByTestId('knowledge-recorded')).toBeVisible();
    await page.keyboard.press('Escape');

    // The operator looks at their sheet while the call ends and is wrapped up.
    await page.getByTestId('nav-performance').click();
    await page.getByTestId('call').getByTestId('call-hangup').click();
    const wrapUp = page.getByTestId('wrap-up');
    await wrapUp.getByTestId('wrap-up-disposition').click();
    await page.getByRole('option', { name: 'Згода', exact: true }).click();
    // Still in wrap-up: not handled yet, but shown as waiting for its wrap-up.
    await expect(figure(page, 'inWrapUp')).toHaveText('1');
    await expect(figure(page, 'callsHandled')).toHaveText('0');
    await wrapUp.getByTestId('wrap-up-save').click();
    const saved = Date.now();
    await expect(figure(page, 'callsHandled')).toHaveText('1', { timeout: 1000 });
    await expect(figure(page, 'conversion')).toHaveText(/^100\s?%$/, { timeout: 1000 });
    expect(Date.now() - saved).toBeLessThan(1000);
    await expect(figure(page, 'offersAccepted')).toHaveText('1');
    await expect(figure(page, 'inWrapUp')).toHaveText('0');
    await expect(page.getByTestId('chart-days')).toHaveAttribute('data-drawn', /\d+/);

    // The figure opens how it is counted and the call behind it, which opens the card.
    await page.getByTestId('figure-callsHandled').getByTestId('figure-open').click();
    const figureDrawer = page.getByTestId('figure-drawer');
    await expect(figureDrawer.getByTestId('figure-formula')).toContainText('обробку після дзвінка');
    const call = figureDrawer.getByTestId('drill-call');
    await expect(call).toHaveCount(1);
    await expect(call).toContainText('Гончаренко Марія');
    await expect(call).toContainText('Згода');
    await call.getByTestId('drill-open-card').click();
    await expect(page.getByTestId('section-title')).toHaveText('Клієнти');
    await expect(page.getByTestId('client-card-name')).toHaveText('Гончаренко Марія');
  } finally {
    await app.close();
    await caller.stop();
    await kamailio.stop();
  }
});

test('achievements: one an order backs is confirmed, one with nothing behind it is not, and the export holds both', async () => {
  const exportFile = path.join(
    mkdtempSync(path.join(os.tmpdir(), 'pult-achievements-')),
    'досягнення.xlsx',
  );
  const userDataDir = newUserDataDir();
  const app = await launchPult({ userDataDir, env: { PULT_HOST_SAVE_FILE: exportFile } });
  try {
    const page = await app.firstWindow();
    const clientId = await createClient(page, {
      fullName: 'Савченко Андрій Петрович',
      phones: [{ raw: '050 765 43 21' }],
    });
    // A credit application submitted today, as the order form does it.
    await page.evaluate(async (id) => {
      const call = async (channel: string, request: unknown) => {
        const result = await (
          window.pult.invoke as (c: string, r: unknown) => Promise<{ ok: boolean; value: unknown }>
        )(channel, request);
        if (!result.ok) throw new Error(`${channel} failed`);
        return result.value as Record<string, unknown>;
      };
      const draft = await call('orders.draft.open', { typeCode: 'credit', clientId: id });
      const uid = draft['uid'] as string;
      await call('orders.draft.save', {
        uid,
        values: {
          ...(draft['values'] as Record<string, unknown>),
          amount: '20000',
          term: '12',
          income: '15000',
          passport: 'АБ123456',
        },
      });
      await call('orders.draft.confirm', { uid });
      await call('orders.submit', { uid, notADouble: false });
    }, clientId);

    await page.getByTestId('nav-performance').click();
    const panel = page.getByTestId('achievements');
    const add = async (kind: RegExp, note: string) => {
      const kinds = panel.getByTestId('achievement-kind');
      const label = (await kinds.locator('option').allTextContents()).find((o) => kind.test(o));
      await kinds.selectOption({ label: label ?? '' });
      await panel.getByTestId('achievement-note').fill(note);
      await panel.getByTestId('achievement-add').click();
      await expect(panel.getByTestId('achievement').filter({ hasText: note })).toHaveCount(1);
    };
    await add(/Успішна заявка/, 'кредит Савченку');
    await add(/Завершене опитування/, 'опитування без запису');
    const backed = panel.getByTestId('achievement').filter({ hasText: 'кредит Савченку' });
    await expect(backed.getByTestId('achievement-verdict')).toHaveText('підтверджено');
    await expect(backed).toContainText('замовлення: Заявка на кредит');
    const unbacked = panel.getByTestId('achievement').filter({ hasText: 'опитування без запису' });
    await expect(unbacked.getByTestId('achievement-verdict')).toHaveText('не підтверджено');
    // One day, 5 + 1 points: the day's score is 6; only the confirmed, 5.
    await expect(panel.getByTestId('achievements-average')).toContainText('Середній бал: 6');
    await expect(panel.getByTestId('achievements-average')).toContainText('лише підтверджені: 5');

    await panel.getByTestId('achievements-export-xlsx').click();
    await expect(page.getByText('Збережено рядків: 3')).toBeVisible();
    const rows = await readSheet(exportFile);
    const verdictOf = (note: string) => rows.find((row) => row[5] === note)?.[3];
    expect(verdictOf('кредит Савченку')).toBe('підтверджено');
    expect(verdictOf('опитування без запису')).toBe('не підтверджено');
    expect(rows.at(-1)?.slice(1, 3)).toEqual(['Середній бал', '6.00']);
  } finally {
    await app.close();
  }
  // The same for printing: a PDF (the save dialog answered with a .pdf name this time).
  const pdfFile = exportFile.replace(/\.xlsx$/, '.pdf');
  const again = await launchPult({ userDataDir, env: { PULT_HOST_SAVE_FILE: pdfFile } });
  try {
    const page = await again.firstWindow();
    await page.getByTestId('nav-performance').click();
    await page.getByTestId('achievements').getByTestId('achievements-export-pdf').click();
    await expect(page.getByText('Збережено рядків: 2')).toBeVisible();
    const text = await pdfText(pdfFile);
    expect(text).toContain('кредит Савченку');
    expect(text).toContain('не підтверджено');
    expect(text).toContain('Середній бал: 6.00');
  } finally {
    await again.close();
  }
  const db = openAppDatabase(userDataDir, { readonly: true });
  try {
    expect(
      db
        .prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'achievements.export'")
        .get(),
    ).toEqual({ n: 2 });
  } finally {
    db.close();
  }
});

test('a day-off request filed offline: the schedule shows it "подано", waiting to be sent, after a restart too', async () => {
  const userDataDir = newUserDataDir();
  let app = await launchPult({ userDataDir });
  try {
    let page = await app.firstWindow();
    await page.getByTestId('nav-schedule').click();
    const form = page.getByTestId('day-off-form');
    // The second day of next week offered.
    const days = form.getByTestId('day-off-day');
    const label = (await days.locator('option').nth(2).textContent()) ?? '';
    const day = /\d{4}-\d{2}-\d{2}/.exec(label)?.[0] ?? '';
    expect(day).not.toBe('');
    await days.selectOption(day);
    await form.getByTestId('day-off-reason').fill('Сімейні обставини');
    await form.getByTestId('day-off-submit').click();
    await expect(page.getByText('Запит подано')).toBeVisible();
    // The same day again is refused in words.
    await days.selectOption(day);
    await form.getByTestId('day-off-reason').fill('ще раз');
    await form.getByTestId('day-off-submit').click();
    await expect(form.getByRole('alert')).toHaveText('На цей день запит уже подано.');

    const showNextWeek = async () => {
      await page.getByTestId('nav-schedule').click();
      await page.getByTestId('schedule-next').click();
      const requestDay = page.locator(`[data-testid="schedule-day"][data-day="${day}"]`);
      await expect(requestDay.getByTestId('day-off-status')).toHaveText('подано');
      await expect(requestDay.getByTestId('day-off-waiting')).toHaveText('чекає надсилання');
      await expect(requestDay).toContainText('Сімейні обставини');
    };
    await showNextWeek();

    await app.close();
    app = await launchPult({ userDataDir });
    page = await app.firstWindow();
    await showNextWeek();
  } finally {
    await app.close();
  }
});
