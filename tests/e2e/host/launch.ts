/**
 * Starts the app's real main bundle with Electron's API hosted on Chromium.
 * Run by the e2e fixture as a child process (fork), like Playwright's
 * _electron.launch runs the Electron binary, from its build
 * (vite.e2eHost.config.ts), so no TypeScript loader slows main's imports:
 *
 *   node dist/e2e-host/launch.js <repository>/dist/main/main.js
 *
 * Environment: PULT_USER_DATA_DIR (required), PULT_HOST_STATE_DIR (browser
 * profile and host files), PULT_HOST_DIALOG_RESPONSE (button index for
 * message boxes). Tells its parent {type:'ready', cdpUrl} once the app's main
 * module has run; answers {id, cmd} control messages.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createElectronApi } from './electronApi';
import { chromiumExecutable, chromiumFlags } from './chromium';
import { registerElectronModule } from './registerElectronModule';
import { moveMainClock } from './movedClock';

const entryArgument = process.argv[2];
if (entryArgument === undefined) {
  console.error('e2e host: the main entry (dist/main/main.js) is required');
  process.exit(2);
}
const mainEntry = path.resolve(entryArgument);
// The repository the entry was built in (dist/main/main.js): the app's path, as Electron's app.getAppPath().
const repoRoot = path.resolve(path.dirname(mainEntry), '../..');
const userDataDir = process.env['PULT_USER_DATA_DIR'];
if (userDataDir === undefined || userDataDir === '') {
  console.error('e2e host: PULT_USER_DATA_DIR is required');
  process.exit(2);
}
const stateDir = process.env['PULT_HOST_STATE_DIR'] ?? path.join(userDataDir, '..', 'host-state');
mkdirSync(stateDir, { recursive: true });
const dialogResponse = process.env['PULT_HOST_DIALOG_RESPONSE'];

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  productName: string;
  version: string;
};

const profileDir = path.join(stateDir, `chromium-profile-${process.pid}`);
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumExecutable(),
  headless: true,
  args: [...chromiumFlags, '--remote-debugging-port=0'],
  viewport: { width: 1280, height: 800 },
});
const devToolsPort = readFileSync(path.join(profileDir, 'DevToolsActivePort'), 'utf8').split(
  '\n',
)[0];
// The persistent context opens one blank tab: kept for the first window, as Electron's browser
// process has a renderer ready sooner than a new page over CDP (about half a second here).
let sparePage = context.pages()[0];
for (const page of context.pages().slice(1)) await page.close();

let exiting = false;
async function exit(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    await context.close().catch(() => undefined);
  }
  process.exit(code);
}

const { api, control } = createElectronApi({
  context,
  appPath: repoRoot,
  userDataDir,
  stateDir,
  productName: pkg.productName,
  version: pkg.version,
  dialogResponse: dialogResponse === undefined ? undefined : Number(dialogResponse),
  exit,
  takeSparePage: () => {
    const page = sparePage;
    sparePage = undefined;
    return page;
  },
});
(globalThis as Record<string, unknown>)['__pultElectronHost'] = api;
registerElectronModule(repoRoot);

process.on('message', (message: { id: number; cmd: string; arg?: unknown }) => {
  const reply = (value: unknown) => process.send?.({ id: message.id, value });
  switch (message.cmd) {
    case 'record':
      reply(control.record());
      break;
    case 'clickNotification':
      control.clickNotification(Number(message.arg));
      reply(true);
      break;
    case 'setIdleSeconds':
      control.setIdleSeconds(Number(message.arg));
      reply(true);
      break;
    case 'emitPowerMonitor':
      control.emitPowerMonitor(String(message.arg));
      reply(true);
      break;
    case 'pressGlobalShortcut':
      control.pressGlobalShortcut(String(message.arg));
      reply(true);
      break;
    case 'moveClock':
      moveMainClock(Number(message.arg));
      reply(true);
      break;
    case 'quit':
      reply(true);
      control.quit();
      break;
    default:
      reply({ error: `unknown command ${message.cmd}` });
  }
});
process.on('disconnect', () => void exit(0));
// Electron shows uncaught main-process errors in a dialog and keeps running; so does the host.
process.on('uncaughtException', (error) =>
  console.error('e2e host: uncaught exception in main:', error),
);
process.on('unhandledRejection', (error) =>
  console.error('e2e host: unhandled rejection in main:', error),
);

// Where Electron would hand over to the app: its runtime is up (here Node, tsx and Chromium,
// which the host starts first and Electron starts faster). The startup bench measures from here.
console.log(`pult-host: main handed over at ${Date.now()}`);
await import(pathToFileURL(mainEntry).href);
// The app may have quit while loading (a second instance hands over and quits).
if (!exiting) {
  api.app.markReady();
  process.send?.({ type: 'ready', cdpUrl: `http://127.0.0.1:${devToolsPort}` });
}
