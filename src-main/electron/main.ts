import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, ipcMain, protocol, session } from 'electron';
import { appEntryUrl, appOrigin, appScheme, originOf } from '../core/security/appOrigin';
import { createAppProtocolHandler } from '../core/security/appProtocol';
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

const devServerUrl = app.isPackaged ? undefined : process.env['PULT_DEV_SERVER_URL'];
const trustedOrigin = originOf(devServerUrl) ?? appOrigin;

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the running one (which focuses its window).
  app.quit();
} else {
  void app.whenReady().then(boot);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function boot(): Promise<void> {
  // Links from the window open outside only as IT's policy allows: known once the workstation is up.
  let openExternal: (url: string) => void = () => undefined;
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, trustedOrigin, (url) => openExternal(url));
  });
  // The heavy imports below hold main's event loop, and with it the app protocol: the page's
  // script is served first, so the page parses it while main starts.
  let scriptServed: () => void = () => undefined;
  const served = new Promise<void>((resolve) => (scriptServed = resolve));
  protocol.handle(
    appScheme,
    createAppProtocolHandler(rendererDir, (file) => {
      if (file.endsWith('.js')) scriptServed();
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
  // A moment for the script's bytes to leave before the imports hold the event loop.
  await delay(30);
  const { startWorkstation } = await import('./workstation');
  startWorkstation({
    here,
    trustedOrigin,
    devServerUrl,
    window: () => mainWindow,
    invokes,
    openExternalWith: (open) => (openExternal = open),
  });
}
