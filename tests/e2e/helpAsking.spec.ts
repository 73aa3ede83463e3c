import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { HelpCalls } from '../../src-main/core/sync/helpCalls';
import { connectSyncServer } from '../../src-main/core/sync/pgConnection';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { startTeamServer, syncPolicyOf, type TeamServer } from '../support/teamServer';
import { launchPult, type PultApp } from './support/pultApp';
import { SipPhone } from './support/sipPhone';
import { registerPult } from './support/sipSetup';

// The asking operator's side of "звернутися до старшого", in the app: a live call, the request,
// a supervisor answering from their own desk with their line, and the consult to that line one
// press away; the operator then hands the caller over as in any attended transfer.
const me = os.userInfo().username;
const callerNumber = '+380671234567';
const supervisorLine = '1002';
let kamailio: Kamailio;
let server: TeamServer;
let caller: SipPhone;
let supervisorPhone: SipPhone;
let app: PultApp;
let page: Page;

test.beforeAll(async () => {
  kamailio = await startKamailio([]);
  server = await startTeamServer([
    { role: me, team: 'north' },
    { role: 'sup', team: 'north', supervisor: true },
  ]);
  caller = await SipPhone.start(callerNumber);
  supervisorPhone = await SipPhone.start(supervisorLine, { autoAnswer: true });
  const policyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-policy-')), 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ sync: syncPolicyOf(server) }));
  app = await launchPult({ env: { PULT_POLICY_FILE: policyFile } });
  page = await app.firstWindow();
  await registerPult(page, 'agent1', 'agentpw1');
  await page.getByTestId('team-sync-password').fill(`pw-${me}`);
  await page.getByTestId('team-sync-save').click();
  await page.getByTestId('nav-calls').click();
});
test.afterAll(async () => {
  await app?.close();
  await caller?.stop();
  await supervisorPhone?.stop();
  await kamailio?.stop();
  server?.stop();
});

test('on a live call the operator asks for help; the supervisor who answers gets the caller by a consulted transfer', async () => {
  await caller.call('sip:agent1@127.0.0.1');
  const call = page.getByTestId('call').first();
  await call.getByTestId('call-answer').click();
  await expect(call).toHaveAttribute('data-state', 'active');

  await call.getByTestId('call-ask-help').click();
  await expect(call.getByTestId('call-ask-help')).toBeDisabled();
  // The center has the request, with the caller's number masked.
  await expect
    .poll(() => server.rows(`SELECT operator FROM pult.help_requests WHERE answered_by IS NULL`))
    .toEqual([me]);
  const [uid] = server.rows('SELECT uid FROM pult.help_requests');
  expect(server.rows('SELECT request::text FROM pult.help_requests')[0]).not.toContain(
    callerNumber.slice(4),
  );

  // The supervisor answers from their desk, giving their own line.
  const supervisor = await connectSyncServer(server.login('sup'));
  try {
    await new HelpCalls({
      connection: () => Promise.resolve(supervisor),
      showNumber: (number) => number,
    }).answer(uid!, supervisorLine);
  } finally {
    await supervisor.close();
  }

  const consult = page.getByTestId('help-consult');
  await expect(consult).toContainText(supervisorLine);
  const confirmed = async () =>
    (await supervisorPhone.events()).filter((e) => e.type === 'confirmed').length;
  await consult.click();
  // The caller waits on hold while the operator tells the supervisor what it is about.
  await expect(page.locator('[data-testid="call"][data-state="held"]')).toHaveCount(1);
  await expect(
    page.locator('[data-testid="call"][data-state="active"]').getByTestId('call-number'),
  ).toHaveText(supervisorLine);
  await expect.poll(confirmed).toBe(1);

  await page.getByTestId('call-complete-transfer').click();
  await expect(page.getByTestId('call-end-cause').first()).toHaveText('переадресовано');
  await expect
    .poll(async () => (await supervisorPhone.events()).some((e) => e.type === 'replaces'))
    .toBe(true);
  await caller.hangup();
});
