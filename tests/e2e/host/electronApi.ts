/**
 * The part of Electron's main-process API that Pult uses, implemented on top of
 * Chromium driven by Playwright, so the e2e specs run the app's real main
 * bundle, preload and renderer where no Electron binary can be installed.
 *
 * One module of Electron per file, each made from the host's shared state
 * (hostState) and checked against the members of Electron's own types that
 * main uses (`satisfies Pick<Electron.X, …>`): app (hostApp), protocol and
 * session (hostProtocol), ipcMain (hostIpcMain), BrowserWindow and
 * webContents (hostWindows, with the preload wrapper in hostPreload), dialog
 * and shell (hostDialogs), notifications, tray, menus, screen, power monitor,
 * theme and global shortcuts (hostDesktop), safeStorage (hostSafeStorage),
 * net for the updater's downloads (hostNet).
 * What cannot be the same is said where it differs. Never shipped: it lives
 * under tests/.
 */
import { hostApp } from './hostApp';
import { hostDesktop } from './hostDesktop';
import { hostDialogs } from './hostDialogs';
import { hostIpcMain } from './hostIpcMain';
import { hostNet } from './hostNet';
import { hostProtocol, hostSession } from './hostProtocol';
import { hostSafeStorage } from './hostSafeStorage';
import { createHostState, type HostOptions } from './hostState';
import { hostWindows } from './hostWindows';

export type { HostOptions, HostRecord } from './hostState';

export function createElectronApi(options: HostOptions) {
  const state = createHostState(options);
  const app = hostApp(state);
  const ipcMain = hostIpcMain(state);
  const sessions = hostSession(state);
  const { BrowserWindow, webContents } = hostWindows(state, app, ipcMain, sessions);
  const { dialog, shell } = hostDialogs(state);
  const desktop = hostDesktop(state);

  const api = {
    app,
    nativeImage: desktop.nativeImage,
    BrowserWindow,
    contextBridge: undefined,
    dialog,
    globalShortcut: desktop.globalShortcut,
    ipcMain,
    ipcRenderer: undefined,
    Menu: desktop.Menu,
    net: hostNet(),
    nativeTheme: desktop.nativeTheme,
    Notification: desktop.Notification,
    powerMonitor: desktop.powerMonitor,
    protocol: hostProtocol(state),
    safeStorage: hostSafeStorage(options.stateDir),
    screen: desktop.screen,
    session: sessions.session,
    shell,
    Tray: desktop.Tray,
    webContents,
  };

  /** What the spec process may ask of the host through its control channel. */
  const control = {
    record: () => state.record,
    ...desktop.control,
    quit() {
      app.quit();
    },
  };

  return { api, control };
}
