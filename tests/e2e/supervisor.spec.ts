import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DayOffRequests } from '../../src-main/core/schedule/dayOffRequests';
import { HelpCalls } from '../../src-main/core/sync/helpCalls';
import { connectSyncServer } from '../../src-main/core/sync/pgConnection';
import { addDays } from '../../src-shared/localDays';
import { callView } from '../support/callViews';
import {
  startTeamServer,
  syncPolicyOf,
  teamWorkstation,
  type TeamServer,
} from '../support/teamServer';
import { createClient } from './support/clients';
import { launchPult, type PultApp } from './support/pultApp';

// The supervisor's section, in the app: the center says this operator supervises the team, so
// the section shows; a colleague's day-off request is there with a count in the navigation; the
// supervisor rejects it with a note, and the colleague's desk receives the decision.
const me = os.userInfo().username;
let server: TeamServer;
let app: PultApp;
let page: Page;

test.beforeAll(async () => {
  server = await startTeamServer([
    { role: me, team: 'north', supervisor: true },
    { role: 'op1', team: 'north' },
  ]);
  const policyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-policy-')), 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ sync: syncPolicyOf(server) }));
  app = await launchPult({ env: { PULT_POLICY_FILE: policyFile } });
  page = await app.firstWindow();
});
test.afterAll(async () => {
  await app.close();
  server.stop();
});

test('a colleague’s day-off request reaches the supervisor’s section; rejected with a note, the colleague reads it', async () => {
  // Before the center knows who this is, there is no supervisor's section.
  await expect(page.getByTestId('nav-settings')).toBeVisible();
  await expect(page.getByTestId('nav-team')).toHaveCount(0);

  const colleague = await teamWorkstation(server, 'op1');
  const requests = new DayOffRequests(colleague.db.sqlite, { now: () => new Date() });
  const day = addDays(requests.requestWeek(), 3);
  requests.request({ day, reason: 'Весілля сестри' }, 'op1');
  await colleague.sync();

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('team-sync-password').fill(`pw-${me}`);
  await page.getByTestId('team-sync-save').click();
  await expect(page.getByTestId('nav-team')).toBeVisible();
  await expect(page.getByTestId('team-waiting')).toHaveText('1');
  await page.getByTestId('nav-team').click();
  await expect(page.getByTestId('section-title')).toHaveText('Старший зміни');

  const row = page.getByTestId('team-day-off');
  await expect(row).toContainText('op1');
  await expect(row).toContainText('Весілля сестри');
  await row.getByTestId('team-day-off-note').fill('На цей день уже троє вихідних');
  await row.getByTestId('team-day-off-reject').click();
  await expect(row).toHaveAttribute('data-status', 'rejected');
  await expect(row).toContainText('відхилено');
  await expect(row).toContainText('На цей день уже троє вихідних');
  await expect(page.getByTestId('team-waiting')).toHaveCount(0);

  await colleague.pull();
  expect(requests.between(day, day, 'op1')).toMatchObject([
    { status: 'rejected', decidedBy: me, decisionNote: 'На цей день уже троє вихідних' },
  ]);
  await colleague.close();
});

test('the supervisor gives a built list to the team: the center holds its leads, the list says it is the team’s', async () => {
  for (const [name, phone] of [
    ['Петренко Олег', '067 100 20 30'],
    ['Іваненко Ніна', '067 100 20 31'],
  ] as const)
    await createClient(page, { fullName: name, phones: [{ raw: phone }] });
  // The clients reach the center first: a list's lead is about a client of the team.
  await expect
    .poll(() => server.rows('SELECT count(*) FROM pult.clients')[0], { timeout: 15_000 })
    .toBe('2');
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-name').fill('Опитування команди');
  await page.getByTestId('campaign-purpose').selectOption({ label: 'Опитування' });
  await page.getByTestId('campaign-create').click();
  const row = page.locator('[data-testid="campaign-row"][data-name="Опитування команди"]');
  await row.getByTestId('campaign-build').click();
  await expect(row.getByTestId('campaign-total')).toHaveText('2');
  await row.getByTestId('campaign-share').click();
  await expect(row.getByTestId('campaign-shared')).toHaveText('Список команди');
  await expect(row.getByTestId('campaign-share')).toHaveCount(0);
  expect(server.rows("SELECT e164 FROM pult.leads WHERE state = 'due' ORDER BY e164")).toEqual([
    '+380671002030',
    '+380671002031',
  ]);
});

test('a colleague asks for help during a call: the supervisor answers from the notice, and the colleague gets this desk’s line', async () => {
  // This desk's own SIP line, where the colleague will transfer the call (the PBX need not answer).
  await page.evaluate(async () => {
    const saved = await window.pult.invoke('sip.account.save', {
      account: { wsUrl: 'wss://127.0.0.1:9/ws', sipUri: 'sip:1001@127.0.0.1' },
      password: 'x',
    });
    if (!saved.ok) throw new Error(saved.error.code);
  });
  const colleague = await connectSyncServer(server.login('op1'));
  try {
    const { uid } = await new HelpCalls({
      connection: () => Promise.resolve(colleague),
      showNumber: (number) => number,
    }).ask(
      callView(3, {
        state: 'active',
        remoteNumber: '+380671112233',
        client: { id: 1, fullName: 'Дорошенко Ліна' },
        matches: 1,
        answeredAt: new Date().toISOString(),
      }),
    );
    const notice = page.getByTestId('help-request');
    await expect(notice).toContainText('Дорошенко Ліна');
    await expect(page.getByText('op1 просить допомоги')).toBeVisible();
    await notice.getByTestId('help-answer').click();
    await expect(notice).toHaveCount(0);
    expect(
      server.rows(
        `SELECT answered_by || ' ' || extension FROM pult.help_requests WHERE uid = '${uid}'`,
      ),
    ).toEqual([`${me} 1001`]);
  } finally {
    await colleague.close();
  }
});

test('the supervisor gives the catalogue in force to the team: the center holds it, and the team already has it the second time', async () => {
  await page.getByTestId('nav-team').click();
  await page.getByTestId('team-publish-catalogue').click();
  await expect(page.getByText('Каталог demo-2026.12 передано команді.')).toBeVisible();
  expect(server.rows('SELECT version FROM pult.catalogues')).toEqual(['demo-2026.12']);
  await page.getByTestId('team-publish-catalogue').click();
  await expect(page.getByText('Команда вже має каталог demo-2026.12.')).toBeVisible();
});

test('the supervisor starts with the center out of reach: the section is still there, says so, and keeps the requests it had', async () => {
  const colleague = await teamWorkstation(server, 'op1');
  const requests = new DayOffRequests(colleague.db.sqlite, { now: () => new Date() });
  const day = addDays(requests.requestWeek(), 4);
  requests.request({ day, reason: 'Іспит в університеті' }, 'op1');
  await colleague.sync();
  await colleague.close();
  await expect(page.getByTestId('team-waiting')).toHaveText('1');
  const { userDataDir } = app;
  await app.close();

  // The same PC the next morning, the center's address answering nothing.
  const unreachable = path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-policy-')), 'policy.json');
  writeFileSync(
    unreachable,
    JSON.stringify({
      sync: { ...syncPolicyOf(server), server: { ...syncPolicyOf(server).server, port: 9 } },
    }),
  );
  app = await launchPult({ userDataDir, env: { PULT_POLICY_FILE: unreachable } });
  page = await app.firstWindow();
  await expect(page.getByTestId('nav-team')).toBeVisible();
  await page.getByTestId('nav-team').click();
  await expect(page.getByTestId('supervisor-offline')).toBeVisible();
  await expect(
    page.getByTestId('team-day-off').filter({ hasText: 'Іспит в університеті' }),
  ).toHaveAttribute('data-status', 'submitted');
});
