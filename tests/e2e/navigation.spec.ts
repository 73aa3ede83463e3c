import { expect, test, type Page } from '@playwright/test';
import { launchPult, newUserDataDir } from './support/pultApp';
import { sectionIds, sectionTitle } from './support/sections';

const title = (page: Page) => page.getByTestId('section-title');

test('every section opens by mouse, with a screenshot of each', async ({}, testInfo) => {
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await expect(title(page)).toHaveText(sectionTitle('uk', 'calls'));
    for (const id of sectionIds) {
      await page.getByTestId(`nav-${id}`).click();
      await expect(title(page)).toHaveText(sectionTitle('uk', id));
      await expect(page.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'page');
      await page.screenshot({ path: testInfo.outputPath(`section-${id}.png`) });
    }
    // The status bar is fed by main through the contract.
    await expect(page.getByTestId('status-agent')).toContainText('Не готовий');
    await expect(page.getByTestId('status-sip')).toContainText('не налаштовано');
    // Nothing failed on the way: no problem notice, and none without words.
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  } finally {
    await app.close();
  }
});

test('every section opens by keyboard, with the focus visible', async () => {
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await expect(title(page)).toHaveText(sectionTitle('uk', 'calls'));
    // Tab reaches the navigation and walks it in order; Enter opens the focused section.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.getByTestId('nav-calls').evaluate((el) => el === document.activeElement))
        break;
    }
    for (const [index, id] of sectionIds.entries()) {
      if (index > 0) {
        await page.getByTestId(`nav-${sectionIds[index - 1]!}`).focus();
        await page.keyboard.press('Tab');
      }
      const link = page.getByTestId(`nav-${id}`);
      await expect(link).toBeFocused();
      const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline, `focus ring on ${id}`).not.toBe('none');
      await page.keyboard.press('Enter');
      await expect(title(page)).toHaveText(sectionTitle('uk', id));
      await expect(title(page)).toBeFocused();
    }
    // Ctrl+digit jumps straight to a section from anywhere.
    for (const [index, id] of [...sectionIds.entries()].reverse()) {
      await page.keyboard.press(`Control+${index + 1}`);
      await expect(title(page)).toHaveText(sectionTitle('uk', id));
    }
  } finally {
    await app.close();
  }
});

test('the language switches in Settings and stays switched after a restart', async ({}, testInfo) => {
  const userDataDir = newUserDataDir();
  const first = await launchPult({ userDataDir });
  try {
    const page = await first.firstWindow();
    await page.getByTestId('nav-settings').click();
    await expect(title(page)).toHaveText('Налаштування');
    await page.getByTestId('setting-language').getByText('English').click();
    await expect(title(page)).toHaveText('Settings');
    await expect(page.getByTestId('nav-calls')).toContainText('Calls');
    await expect(page.getByTestId('status-agent')).toContainText('Not ready');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.screenshot({ path: testInfo.outputPath('settings-en.png') });
  } finally {
    await first.close();
  }
  const second = await launchPult({ userDataDir });
  try {
    const page = await second.firstWindow();
    await expect(title(page)).toHaveText(sectionTitle('en', 'calls'));
    await expect(page.getByTestId('nav-settings')).toContainText('Settings');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('setting-language').getByText('Українська').click();
    await expect(title(page)).toHaveText('Налаштування');
  } finally {
    await second.close();
  }
});

test('a language locked by IT policy cannot be changed', async ({}, testInfo) => {
  const policyFile = testInfo.outputPath('policy.json');
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(testInfo.outputDir, { recursive: true });
  writeFileSync(policyFile, JSON.stringify({ settings: { language: 'en' } }));
  const app = await launchPult({ env: { PULT_POLICY_FILE: policyFile } });
  try {
    const page = await app.firstWindow();
    await expect(title(page)).toHaveText('Calls');
    await page.getByTestId('nav-settings').click();
    await expect(page.getByText('Set by your administrator')).toBeVisible();
    const result = await page.evaluate(() =>
      window.pult.invoke('settings.update', { language: 'uk' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'settingLocked' } });
    await expect(title(page)).toHaveText('Settings');
  } finally {
    await app.close();
  }
});
