import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startTeamServer, syncPolicyOf, type TeamServer } from '../support/teamServer';
import { launchPult, type PultApp } from './support/pultApp';

// A new PC joins a team that already has its clients: the operator gives their password, the
// team's base arrives (landed on the app's own thread), and the operator finds a client by phone.
const me = os.userInfo().username;
let server: TeamServer;
let app: PultApp;

test.beforeAll(async () => {
  server = await startTeamServer([{ role: me, team: 'north' }]);
  server.rows(`INSERT INTO pult.clients (uid, team, fields, phones)
    SELECT gen_random_uuid(), 'north',
      jsonb_build_object('fullName', 'Клієнт команди ' || i, 'city', 'Львів'),
      jsonb_build_object('+380' || (500000000 + i), jsonb_build_object('raw', '0' || (500000000 + i), 'label', '', 'feed', 0))
    FROM generate_series(1, 12000) i`);
  const policyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-policy-')), 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ sync: syncPolicyOf(server) }));
  app = await launchPult({ env: { PULT_POLICY_FILE: policyFile } });
});
test.afterAll(async () => {
  await app.close();
  server.stop();
});

test("a new desk gets the team's clients: the list counts them and a phone finds one", async () => {
  const page = await app.firstWindow();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('team-sync-password').fill(`pw-${me}`);
  await page.getByTestId('team-sync-save').click();

  await page.getByTestId('nav-clients').click();
  await expect(page.getByTestId('client-count')).toHaveText('Усього клієнтів: 12000', {
    timeout: 30_000,
  });
  // Searchable once the import worker has indexed what the snapshot left it.
  await expect(async () => {
    await page.getByTestId('client-search').fill('');
    await page.getByTestId('client-search').fill('050 000 77 77');
    await expect(page.getByTestId('client-count')).toHaveText('Знайдено: 1', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('client-row').first()).toContainText('Клієнт команди 7777');
});
