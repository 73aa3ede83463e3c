import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { UpdateServer } from '../support/updateServer';
import { launchPult, type PultApp } from './support/pultApp';
import { SipPhone } from './support/sipPhone';
import { registerPult } from './support/sipSetup';

// An update found while the operator is on a call (through the test PBX) is
// downloaded at once and verified, but offered only after the call and its
// wrap-up: from the center's own server on loopback, as IT's policy names it.
let kamailio: Kamailio | undefined;
let caller: SipPhone | undefined;
let server: UpdateServer | undefined;
let app: PultApp | undefined;
let page: Page;
let cacheDir: string;
let policyFile: string;
let diagnosticsZip: string;

const running = (
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
  }
).version;
const [major = 0, minor = 0] = running.split('.').map(Number);
const newer = `${major}.${minor + 1}.0`;

test.beforeAll(async () => {
  kamailio = await startKamailio([]);
  caller = await SipPhone.start('+380671234567');
  server = await UpdateServer.start();
  server.publish('broad', newer);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-update-e2e-'));
  policyFile = path.join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ updates: { url: `${server.url}/`, ring: 'broad' } }));
  // What electron-builder writes beside an installed app; from the sources the updater reads this one.
  const updateConfig = path.join(dir, 'app-update.yml');
  writeFileSync(
    updateConfig,
    'provider: generic\nurl: https://updates.pult.invalid/\nupdaterCacheDirName: pult-updater\n',
  );
  cacheDir = path.join(dir, 'cache');
  diagnosticsZip = path.join(dir, 'diagnostics.zip');
  app = await launchPult({
    env: {
      PULT_POLICY_FILE: policyFile,
      PULT_UPDATE_CONFIG: updateConfig,
      XDG_CACHE_HOME: cacheDir,
      PULT_HOST_SAVE_FILE: diagnosticsZip,
    },
  });
  page = await app.firstWindow();
  await registerPult(page, 'agent2', 'agentpw2');
});

test.afterAll(async () => {
  await app?.close();
  await caller?.stop();
  await server?.close();
  await kamailio?.stop();
});

test('an update found during a call is downloaded, held through the call and the wrap-up, then offered', async () => {
  const state = page.getByTestId('updates-state');
  await expect(state).toHaveText('Ще не перевіряли від запуску Pult.');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('status-agent')).toContainText('Готовий');
  await caller!.call('sip:agent2@127.0.0.1');
  await page.getByTestId('nav-calls').click();
  const call = page.getByTestId('call').first();
  await call.getByTestId('call-answer').click();
  await expect(call).toHaveAttribute('data-state', 'active');
  // The caller has the answer too (its hang-up is then a BYE, not a CANCEL that comes too late).
  await expect
    .poll(async () => (await caller!.events()).some((e) => e.type === 'confirmed'))
    .toBe(true);

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('updates-check').click();
  await expect(state).toHaveText(`Версія ${newer} готова; чекає на завершення дзвінка.`);
  await expect(page.getByTestId('update-install-now')).toHaveCount(0);
  await expect(page.getByTestId('update-offer')).toHaveCount(0);
  // Downloaded already, from the ring IT named, and kept in the updater's cache.
  expect(server!.requests.some((r) => r.startsWith('/broad/') && r.endsWith('.deb'))).toBe(true);
  expect(existsSync(path.join(cacheDir, 'pult-updater'))).toBe(true);
  expect(readdirSync(path.join(cacheDir, 'pult-updater'), { recursive: true }).join(' ')).toMatch(
    /\.deb/,
  );

  await caller!.hangup();
  await expect(page.getByTestId('status-agent')).toContainText('Обробка після дзвінка');
  await expect(state).toHaveText(
    `Версія ${newer} готова; чекає, доки буде збережено підсумок дзвінка.`,
  );
  await expect(page.getByTestId('update-offer')).toHaveCount(0);

  await page.getByTestId('nav-calls').click();
  await page.getByTestId('wrap-up-disposition').click();
  await page.getByRole('option', { name: 'Надано інформацію' }).click();
  await page.getByTestId('wrap-up-save').click();
  await expect(page.getByTestId('status-agent')).toContainText('Готовий');

  // Free now: offered in the status bar, install now or on quit, the operator's choice.
  const offer = page.getByTestId('update-offer');
  await expect(offer).toContainText(`Версія ${newer} готова до встановлення`);
  await expect(offer.getByTestId('update-install-now')).toBeVisible();
  await expect(offer.getByTestId('update-install-on-quit')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  await expect(state).toHaveText(`Версію ${newer} завантажено й перевірено.`);
});

test('the diagnostics bundle holds the update state, where the policy came from, and the call’s registration and ICE timings', async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('diagnostics-save').click();
  await expect(page.getByTestId('diagnostics-saved')).toBeVisible();
  const zip = unzipSync(new Uint8Array(readFileSync(diagnosticsZip)));
  const json = (name: string) => JSON.parse(strFromU8(zip[name]!)) as unknown;
  expect(json('updates.json')).toMatchObject({
    running,
    ring: 'broad',
    state: { kind: 'ready', version: newer, heldBy: null },
  });
  expect(json('policy.json')).toMatchObject({
    inForce: { updates: { url: `${server!.url}/` } },
    sources: { file: policyFile },
    ignored: [],
  });
  // The call above: its registration at start, and its media's ICE through real WebRTC.
  const timings = json('connection-timings.json') as { kind: string; ms: number; result: string }[];
  expect(timings).toContainEqual(
    expect.objectContaining({ kind: 'registration', result: 'registered' }),
  );
  const ice = timings.find((t) => t.kind === 'ice');
  expect(ice?.result).toMatch(/^(connected|completed)$/);
  expect(ice?.ms).toBeGreaterThan(0);
});

test('IT changes the policy while Pult runs: Settings shows the new lock without a restart', async () => {
  await page.getByTestId('nav-settings').click();
  const locked = page.getByText('Встановлено адміністратором');
  await expect(locked).toHaveCount(0);
  writeFileSync(
    policyFile,
    JSON.stringify({
      updates: { url: `${server!.url}/`, ring: 'broad' },
      settings: { theme: 'dark' },
    }),
  );
  await expect(locked).toHaveCount(1, { timeout: 10_000 });
  await expect(page.getByTestId('setting-theme')).toHaveAttribute('data-disabled', 'true');
});
