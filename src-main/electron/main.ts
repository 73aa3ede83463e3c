import { readFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, ipcMain, protocol, session } from 'electron';
import { appEntryUrl, appOrigin, appScheme, originOf } from '../core/security/appOrigin';
import { createAppProtocolHandler, pageStartFiles } from '../core/security/appProtocol';
import type { Rect } from '../core/window/windowBounds';
import { gateInvokes } from './invokeGate';
import { electronJsonStore } from './jsonFileStores';
import { createMainWindow } from './mainWindow';
import { hardenWebContents, installPermissionHandlers } from './webSecurity';

/*
 * The entry, kept small: the window first, then the workstation. The window's
 * page loads while main imports and starts its services (the database, SIP,
 * updates: most of a start's time); the page's requests wait at the IPC gate
 * until those are up. Only light modules are imported here.
 */

// Must run before 'ready': gives app:// a real origin, secure context and fetch.
protocol.registerSchemesAsPrivileged([
  {
    scheme: appScheme,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/preload.cjs');
const rendererDir = path.join(here, '../renderer');

// A separate profile folder (tests, or two operators' profiles on one PC for training).
const userDataOverride = process.env['PULT_USER_DATA_DIR'];
if (userDataOverride !== undefined && userDataOverride !== '')
  app.setPath('userData', userDataOverride);

// V8's compiled code for main's modules (TypeORM's hundreds of files, JsSIP, the workstation)
// kept in the profile: a start after the first compiles none of it again. Node checks each
// entry against the file's content and its own version, so an update never runs stale code.
module.enableCompileCache(path.join(app.getPath('userData'), 'code-cache'));

const devServerUrl = app.isPackaged ? undefined : process.env['PULT_DEV_SERVER_URL'];
const trustedOrigin = originOf(devServerUrl) ?? appOrigin;

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the running one (which focuses its window).
  app.quit();
} else {
  void app.whenReady().then(boot);
}

/** The built page (none from a dev server, whose files are not served here). */
function readPageHtml(): string {
  if (devServerUrl !== undefined) return '';
  try {
    return readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  } catch {
    return '';
  }
}

/** The workstation's packages that take longest to load (TypeORM's hundreds of files the most). */
const heavyPackages = [
  () => import('typeorm'),
  () => import('jssip'),
  () => import('libphonenumber-js/max'),
  () => import('better-sqlite3'),
];

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function boot(): Promise<void> {
  // Links from the window open outside only as IT's policy allows: known once the workstation is up.
  let openExternal: (url: string) => void = () => undefined;
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, trustedOrigin, (url) => openExternal(url));
  });
  // The heavy imports below hold main's event loop, and with it the app protocol: the files the
  // page needs to run (its script, the chunks it preloads, its styles) are served first, so the
  // page parses them while main starts.
  const startFiles = new Set(pageStartFiles(readPageHtml()));
  let startFilesServed: () => void = () => undefined;
  const served = new Promise<void>((resolve) => (startFilesServed = resolve));
  if (startFiles.size === 0) startFilesServed();
  protocol.handle(
    appScheme,
    createAppProtocolHandler(rendererDir, (file) => {
      if (startFiles.delete(file) && startFiles.size === 0) startFilesServed();
    }),
  );
  installPermissionHandlers(session.defaultSession, trustedOrigin);
  const invokes = gateInvokes(ipcMain);
  let mainWindow: BrowserWindow | undefined = createMainWindow({
    preloadPath,
    url: devServerUrl ?? appEntryUrl,
    boundsStore: electronJsonStore<Rect & { maximized: boolean }>('window-state'),
    title: app.getName(),
  });
  mainWindow.on('closed', () => (mainWindow = undefined));
  app.on('window-all-closed', () => app.quit());
  // A window that never asks (a dev server) holds the start up a moment at most.
  await Promise.race([served, delay(1500)]);
  // A moment for the last file's bytes to leave before the imports hold the event loop.
  await delay(30);
  // The shell first (the log, IT's policy, the settings): the window's first question is
  // answered, and it draws itself while the workstation's imports hold main.
  const { startShellServices, earlyChannels } = await import('./workstationShell');
  const services = startShellServices(trustedOrigin);
  invokes.openEarly(earlyChannels, services.early);
  // The heaviest of the workstation's packages first, one at a time: each holds main's event
  // loop while it loads, and the window's first question is answered between them.
  for (const load of heavyPackages) {
    await delay(0);
    await load();
  }
  await delay(0);
  const { startWorkstation } = await import('./workstation');
  startWorkstation({
    here,
    trustedOrigin,
    devServerUrl,
    window: () => mainWindow,
    invokes,
    openExternalWith: (open) => (openExternal = open),
    services,
  });
}
