import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { launchPult, type PultApp } from './support/pultApp';
import { SipPhone } from './support/sipPhone';
import { registerPult } from './support/sipSetup';

// IT's policy: Not Ready declines calls, and the department lines to transfer to.
let kamailio: Kamailio | undefined;
let caller: SipPhone | undefined;
let support: SipPhone | undefined;
let app: PultApp | undefined;
let page: Page;

test.beforeAll(async () => {
  kamailio = await startKamailio([]);
  caller = await SipPhone.start('+380671234567');
  support = await SipPhone.start('+380441234567', { autoAnswer: true });
  const policyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-policy-')), 'policy.json');
  writeFileSync(
    policyFile,
    JSON.stringify({
      lists: {
        notReadyReasons: ['break', 'lunch'],
        dispositions: ['sale', 'refused', 'info', 'noAnswer'],
        refusalReasons: [
          { code: 'tooExpensive', uk: 'Занадто дорого', en: 'Too expensive' },
          { code: 'competitor', uk: 'Обрав конкурента', en: 'Chose a competitor' },
        ],
      },
      calls: {
        whenNotReady: 'decline',
        departments: [
          { name: 'Технічна підтримка', number: '044 123 45 67' },
          { name: 'Бухгалтерія', number: '2002' },
        ],
      },
    }),
  );
  app = await launchPult({ env: { PULT_POLICY_FILE: policyFile } });
  page = await app.firstWindow();
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('demo-dismiss').click();
  await page.evaluate(async () => {
    const created = await window.pult.invoke('clients.create', {
      fullName: 'Мельник Андрій',
      phones: [{ raw: '+380671234567' }],
    });
    if (!created.ok || !created.value.ok) throw new Error('not created');
  });
  await registerPult(page, 'agent2', 'agentpw2');
  await page.getByTestId('nav-calls').click();
});

/** In an open-able list with the focus on it: arrows down to the option, Enter. */
async function pickWithArrows(page: Page, option: string): Promise<void> {
  const highlighted = page.locator('[data-combobox-selected]');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowDown');
    if ((await highlighted.count()) > 0 && (await highlighted.textContent()) === option) break;
  }
  await expect(highlighted).toHaveText(option);
  await page.keyboard.press('Enter');
}

test.afterAll(async () => {
  await app?.close();
  await caller?.stop();
  await support?.stop();
  await kamailio?.stop();
});

test('while Not Ready, an inbound call is declined: the caller sees it rejected', async () => {
  await expect(page.getByTestId('status-agent')).toContainText('Не готовий');
  // The status menu offers the reasons this center uses, and no others.
  await page.getByTestId('status-agent').click();
  await expect(page.getByTestId('agent-notReady-lunch')).toBeVisible();
  await expect(page.getByTestId('agent-notReady-training')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await caller!.call('sip:agent2@127.0.0.1');
  await expect
    .poll(async () => (await caller!.events()).find((e) => e.type === 'failed')?.status)
    .toBe(480);
  // It is not lost: the log shows it as missed, with Call back.
  await expect(page.locator('[data-testid="call-log-entry"][data-missed="true"]')).toHaveCount(1);
});

test('the whole inbound call by keyboard alone: Ready, answer, hang up, wrap-up, Ready again', async () => {
  const agent = page.getByTestId('status-agent');
  await page.keyboard.press('F9');
  await expect(agent).toContainText('Готовий');
  await caller!.call('sip:agent2@127.0.0.1');
  const call = page.getByTestId('call').first();
  await expect(call).toHaveAttribute('data-state', 'ringing');
  await expect(page.getByTestId('client-card-name')).toHaveText('Мельник Андрій');
  await page.keyboard.press('F2');
  await expect(call).toHaveAttribute('data-state', 'active');
  await page.keyboard.press('F4');
  await expect(call).toHaveAttribute('data-state', 'ended');

  // Wrap-up takes the focus; the outcome is picked with the arrows, saved with Ctrl+Enter.
  await expect(agent).toContainText('Обробка після дзвінка');
  const disposition = page.getByTestId('wrap-up-disposition');
  await expect(disposition).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('wrap-up')).toContainText('Обов’язково');
  await disposition.focus();
  await pickWithArrows(page, 'Відмова');
  await expect(disposition).toHaveValue('Відмова');
  await page.keyboard.press('Tab');
  const reason = page.getByTestId('wrap-up-reason');
  await expect(reason).toBeFocused();
  // The list opens on the arrow: IT's refusal reasons, in IT's wording.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option')).toHaveText(['Занадто дорого', 'Обрав конкурента']);
  await pickWithArrows(page, 'Занадто дорого');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('wrap-up')).toHaveCount(0);
  await expect(agent).toContainText('Готовий');
  const history = page.getByTestId('history-call').first();
  await expect(history).toContainText('Відмова');
  await expect(history).toContainText('Занадто дорого');
});

test('a call is transferred to a department line picked from the list', async () => {
  await expect(page.getByTestId('status-agent')).toContainText('Готовий');
  await page.getByTestId('calls-clear-ended').click();
  await caller!.call('sip:agent2@127.0.0.1');
  const call = page.getByTestId('call').first();
  await call.getByTestId('call-answer').click();
  await expect(call).toHaveAttribute('data-state', 'active');
  await call.getByTestId('call-department').click();
  await page.getByRole('option', { name: 'Технічна підтримка' }).click();
  await expect(call.getByTestId('call-transfer-to')).toHaveValue('044 123 45 67');
  await call.getByTestId('call-transfer').click();
  await expect(call).toHaveAttribute('data-state', 'ended');
  await expect
    .poll(async () => (await support!.events()).some((e) => e.type === 'confirmed'))
    .toBe(true);
  await caller!.hangup();
});

test('answer and hang up from another program, with the global keys turned on', async () => {
  // The transferred call's wrap-up first: in wrap-up, this policy declines calls.
  await page.getByTestId('wrap-up-disposition').click();
  await page.getByRole('option', { name: 'Надано інформацію' }).click();
  await page.getByTestId('wrap-up-save').click();
  await expect(page.getByTestId('status-agent')).toContainText('Готовий');
  await page.getByTestId('calls-clear-ended').click();
  await page.getByTestId('nav-settings').click();
  const global = page.getByLabel('Відповідати й завершувати з будь-якої програми');
  await global.click();
  await expect(global).toBeChecked();
  await caller!.call('sip:agent2@127.0.0.1');
  const call = page.getByTestId('call').first();
  await expect(call).toHaveAttribute('data-state', 'ringing');
  // The keys arrive from the OS, not from Pult's window.
  await app!.pressGlobalShortcut('F2');
  await expect(call).toHaveAttribute('data-state', 'active');
  await app!.pressGlobalShortcut('F4');
  await expect(call).toHaveAttribute('data-state', 'ended');
  await expect.poll(async () => (await caller!.events()).at(-1)?.type).toBe('ended');
});
