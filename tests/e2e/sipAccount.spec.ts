import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { launchPult, newUserDataDir } from './support/pultApp';
import { registered } from './support/sipSetup';

let kamailio: Kamailio;
test.beforeAll(async () => {
  kamailio = await startKamailio(['WITH_AUTH']);
});
test.afterAll(async () => {
  await kamailio.stop();
});

async function fillAccount(page: Page, password: string) {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('sip-wsUrl').fill('ws://127.0.0.1:8080');
  await page.getByTestId('sip-sipUri').fill('sip:agent2@127.0.0.1');
  await page.getByTestId('sip-password').fill(password);
}

test('the SIP account: a plain-words test, registration in the status bar, the password kept encrypted', async () => {
  const userDataDir = newUserDataDir();
  const app = await launchPult({ userDataDir });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('status-sip')).toContainText('не налаштовано');
    await fillAccount(page, 'wrong');
    await page.getByTestId('sip-test').click();
    await expect(page.getByTestId('sip-message')).toContainText(
      'Неправильний логін або пароль (401',
    );
    await page.getByTestId('sip-password').fill('agentpw2');
    await page.getByTestId('sip-test').click();
    await expect(page.getByTestId('sip-message')).toContainText('З’єднання працює');
    await page.getByTestId('sip-save').click();
    await expect(page.getByTestId('status-sip')).toHaveText(registered);
    expect(JSON.stringify(await kamailio.rpc('ul.dump'))).toContain('agent2');
  } finally {
    await app.close();
  }
  // Unregistered on quit; the password never reached a file in plain text.
  expect(JSON.stringify(await kamailio.rpc('ul.dump'))).not.toContain('agent2');
  const secrets = readFileSync(path.join(userDataDir, 'secrets.json'), 'utf8');
  expect(secrets).not.toContain('agentpw2');
  expect(readFileSync(path.join(userDataDir, 'sip-account.json'), 'utf8')).not.toContain(
    'agentpw2',
  );

  const again = await launchPult({ userDataDir });
  try {
    const page = await again.firstWindow();
    await expect(page.getByTestId('status-sip')).toHaveText(registered);
    await kamailio.stop();
    await expect(page.getByTestId('status-sip')).toContainText('не зареєстровано');
    kamailio = await startKamailio(['WITH_AUTH']);
    await expect(page.getByTestId('status-sip')).toContainText('зареєстровано', {
      timeout: 10_000,
    });
    await expect(page.getByTestId('status-sip')).not.toContainText('не зареєстровано');
  } finally {
    await again.close();
  }
});

test('the password stays with its PBX: no plain ws:// elsewhere, no stored password for another server, a PC without a keyring said so', async () => {
  const app = await launchPult({ userDataDir: newUserDataDir() });
  try {
    const page = await app.firstWindow();
    await fillAccount(page, 'agentpw2');
    // The test host stands in for Linux without a keyring: the password is only obscured.
    await expect(page.getByTestId('sip-password-store-weak')).toContainText('немає сховища');
    await page.getByTestId('sip-save').click();
    await expect(page.getByTestId('status-sip')).toHaveText(registered);

    await page.getByTestId('sip-wsUrl').fill('wss://127.0.0.2:8443');
    await page.getByTestId('sip-test').click();
    await expect(page.getByTestId('sip-message')).toContainText('введіть пароль');

    await page.getByTestId('sip-wsUrl').fill('ws://10.0.0.5:8080');
    await page.getByTestId('sip-password').fill('agentpw2');
    await page.getByTestId('sip-save').click();
    await expect(page.getByTestId('sip-message')).toContainText('без шифрування (ws://)');
    // What was saved still stands: still registered at the first PBX.
    await expect(page.getByTestId('status-sip')).toHaveText(registered);
  } finally {
    await app.close();
  }
});
