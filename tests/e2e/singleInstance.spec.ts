import { expect, test } from '@playwright/test';
import { launchPult, newUserDataDir } from './support/pultApp';

test('a second launch hands over to the running app and exits', async () => {
  const userDataDir = newUserDataDir();
  const first = await launchPult({ userDataDir });
  try {
    const page = await first.firstWindow();
    await expect(page.getByTestId('section-title')).toBeVisible();
    const second = launchPult({ userDataDir });
    await expect(second).rejects.toThrow(/exited \(0\)|opened no window/);
    // The first one is untouched and still answers.
    const status = await page.evaluate(() => window.pult.invoke('status.get'));
    expect(status.ok).toBe(true);
  } finally {
    await first.close();
  }
});
