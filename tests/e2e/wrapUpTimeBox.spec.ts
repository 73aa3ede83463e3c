import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startKamailio } from '../support/kamailio';
import { launchPult } from './support/pultApp';
import { SipPhone } from './support/sipPhone';
import { registerPult } from './support/sipSetup';

test('time-boxed wrap-up: the form counts down, and when time is up the operator is Ready again', async () => {
  const kamailio = await startKamailio([]);
  const caller = await SipPhone.start('+380671234567');
  const policyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-policy-')), 'policy.json');
  writeFileSync(
    policyFile,
    JSON.stringify({ calls: { wrapUp: { limitSeconds: 4, whenTimeUp: 'ready' } } }),
  );
  const app = await launchPult({ env: { PULT_POLICY_FILE: policyFile } });
  try {
    const page = await app.firstWindow();
    await registerPult(page, 'agent1', 'agentpw1');
    await page.keyboard.press('F9');
    const agent = page.getByTestId('status-agent');
    await expect(agent).toContainText('Готовий');

    await caller.call('sip:agent1@127.0.0.1');
    const call = page.getByTestId('call').first();
    await call.getByTestId('call-answer').click();
    await expect(call).toHaveAttribute('data-state', 'active');
    await call.getByTestId('call-hangup').click();
    await expect(agent).toContainText('Обробка після дзвінка');
    await expect(page.getByTestId('wrap-up-clock')).toContainText('Залишилось 0:0');
    // Nothing filled in: when the time is up, back to Ready as IT configured.
    await expect(page.getByTestId('wrap-up')).toHaveCount(0, { timeout: 8000 });
    await expect(agent).toContainText('Готовий');
  } finally {
    await app.close();
    await caller.stop();
    await kamailio.stop();
  }
});
