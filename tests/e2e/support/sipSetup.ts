import { expect, type Page } from '@playwright/test';

/** "зареєстровано", and not "не зареєстровано" (which contains it). */
export const registered = /(?<!не )зареєстровано/;

/**
 * Configures Pult's SIP account in Settings, as an operator would, against the
 * test PBX on loopback (Kamailio unless `wsUrl` says otherwise), and waits
 * until the status bar says it is registered.
 */
export async function registerPult(
  page: Page,
  user: string,
  password: string,
  options: { dtmfMode?: 'SIP INFO'; wsUrl?: string } = {},
): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('sip-wsUrl').fill(options.wsUrl ?? 'ws://127.0.0.1:8080');
  await page.getByTestId('sip-sipUri').fill(`sip:${user}@127.0.0.1`);
  await page.getByTestId('sip-password').fill(password);
  if (options.dtmfMode !== undefined) {
    await page.getByTestId('sip-dtmfMode').click();
    await page.getByRole('option', { name: options.dtmfMode }).click();
  }
  await page.getByTestId('sip-save').click();
  await expect(page.getByTestId('status-sip')).toHaveText(registered);
}
