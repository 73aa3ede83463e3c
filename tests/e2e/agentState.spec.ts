import { expect, test } from '@playwright/test';
import { openAppDatabase } from './support/appDatabase';
import { launchPult, newUserDataDir } from './support/pultApp';

test('Ready and Not Ready with a reason from the status bar, each change journaled', async () => {
  const userDataDir = newUserDataDir();
  const app = await launchPult({ userDataDir });
  try {
    const page = await app.firstWindow();
    const agent = page.getByTestId('status-agent');
    await expect(agent).toContainText('Не готовий: початок роботи');
    await expect(page.getByTestId('status-database')).toContainText('готова');

    await agent.click();
    await page.getByTestId('agent-ready').click();
    await expect(agent).toContainText('Готовий 00:0');
    await expect.poll(() => app.trayTooltip()).toBe('Pult — Готовий');

    // By keyboard: focus the state, open the menu, pick "lunch".
    await agent.focus();
    await page.keyboard.press('Enter');
    const lunch = page.getByTestId('agent-notReady-lunch');
    await expect(page.getByTestId('agent-ready')).toBeVisible();
    for (let i = 0; i < 10 && !(await lunch.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect(agent).toContainText('Не готовий: обід');
    // The tray says the same, for a minimised window.
    await expect.poll(() => app.trayTooltip()).toBe('Pult — Не готовий: обід');

    // Not a reason the operator may choose, and not a valid payload at all.
    const refused = await page.evaluate(async () => [
      await window.pult.invoke('agent.set', { state: 'notReady', reason: 'away' } as never),
      await window.pult.invoke('agent.set', { state: 'onCall' } as never),
    ]);
    expect(refused.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'invalidRequest',
      'invalidRequest',
    ]);
    await expect(agent).toContainText('Не готовий: обід');
  } finally {
    await app.close();
  }
  const db = openAppDatabase(userDataDir, { readonly: true });
  try {
    const journal = db
      .prepare('SELECT state, reason, seconds FROM agent_state_events ORDER BY id')
      .all() as { state: string; reason: string | null; seconds: number | null }[];
    // The start and the quit frame the session; each change closed the one before with its length.
    expect(journal.map(({ state, reason }) => ({ state, reason }))).toEqual([
      { state: 'notReady', reason: 'starting' },
      { state: 'ready', reason: null },
      { state: 'notReady', reason: 'lunch' },
      { state: 'notReady', reason: 'offline' },
    ]);
    expect(journal.slice(0, 3).every((row) => row.seconds !== null && row.seconds >= 0)).toBe(true);
    expect(journal[3]?.seconds).toBeNull();
  } finally {
    db.close();
  }
});

test('idle in Ready: asked whether there, stays Ready on "yes", goes Not Ready (away) without an answer', async () => {
  const app = await launchPult({ env: { PULT_IDLE_SECONDS: '60', PULT_IDLE_GRACE_SECONDS: '3' } });
  try {
    const page = await app.firstWindow();
    const agent = page.getByTestId('status-agent');
    await agent.click();
    await page.getByTestId('agent-ready').click();
    await expect(agent).toContainText('Готовий');

    await app.setIdleSeconds(120);
    await expect(page.getByText('Ви на місці?')).toBeVisible({ timeout: 10_000 });
    await app.setIdleSeconds(0);
    await page.getByTestId('idle-here').click();
    await expect(page.getByText('Ви на місці?')).toBeHidden();
    await expect(agent).toContainText('Готовий');

    await app.setIdleSeconds(120);
    await expect(page.getByText('Ви на місці?')).toBeVisible({ timeout: 10_000 });
    await app.setIdleSeconds(200);
    await expect(agent).toContainText('Не готовий: відійшов', { timeout: 15_000 });
    await expect(page.getByText('Ви на місці?')).toBeHidden();
  } finally {
    await app.close();
  }
});

test('hotkeys: Ready and Not Ready from the keyboard, a cheat sheet on "?", keys changed in Settings', async () => {
  const userDataDir = newUserDataDir();
  const app = await launchPult({ userDataDir });
  try {
    const page = await app.firstWindow();
    const agent = page.getByTestId('status-agent');
    await expect(agent).toContainText('Не готовий: початок роботи');
    await page.getByTestId('section-title').focus();
    await page.keyboard.press('F9');
    await expect(agent).toContainText('Готовий');
    await page.keyboard.press('F10');
    await expect(agent).toContainText('Не готовий: перерва');

    await page.keyboard.press('?');
    await expect(page.getByTestId('hotkey-table')).toContainText('Готовий');
    await expect(page.getByTestId('hotkey-table')).toContainText('F9');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('hotkey-table')).toBeHidden();

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('hotkey-ready').fill('F13');
    await page.getByTestId('hotkeys-save').click();
    await expect(page.getByTestId('hotkeys-message')).toHaveText('Невідома клавіша: F13');
    await page.getByTestId('hotkey-ready').fill('F8');
    await page.getByTestId('hotkeys-save').click();
    await expect(page.getByTestId('hotkeys-message')).toHaveText('Клавіші збережено');
    await page.getByTestId('section-title').focus();
    await page.keyboard.press('F8');
    await expect(agent).toContainText('Готовий');
  } finally {
    await app.close();
  }
});
