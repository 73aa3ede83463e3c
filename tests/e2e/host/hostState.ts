/**
 * What the e2e host's Electron modules share: the spec's record of what the
 * app did, the app's paths, its windows, its IPC handlers, and the loopback
 * origins that stand for its protocol schemes. Each module (hostApp,
 * hostProtocol, hostWindows, …) is made from this state.
 */
import type * as Electron from 'electron';
import type { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export interface HostRecord {
  webPreferences: Record<string, unknown>[];
  openedExternally: string[];
  dialogs: { kind: string; options: unknown }[];
  notifications: { title: string; body: string }[];
  menus: unknown[];
  trayTooltips: string[];
  privilegedSchemes: unknown[];
  navigationsBlocked: string[];
  windowOpensDenied: string[];
}

export interface HostOptions {
  context: BrowserContext;
  /**
   * A page Chromium opened before main was handed over, given to the first
   * window: Electron's browser process is up before main runs and makes a
   * window's renderer in a fraction of the time a page takes over CDP.
   */
  takeSparePage?: () => Page | undefined;
  appPath: string;
  userDataDir: string;
  stateDir: string;
  productName: string;
  version: string;
  /** Answer given to message boxes (button index); default: the cancel button. */
  dialogResponse?: number | undefined;
  exit: (code: number) => Promise<never>;
}

export interface IpcEvent {
  sender: EventEmitter & { id: number; send(channel: string, ...args: unknown[]): void };
  senderFrame: { url: string; name: string } | null;
  frameId: number;
  processId: number;
  returnValue?: unknown;
  reply?: (channel: string, ...args: unknown[]) => void;
}

/** What main registers with ipcMain.handle, typed as Electron types it. */
export type IpcHandler = Parameters<Electron.IpcMain['handle']>[1];

/** Electron's event object where a listener may call preventDefault(). */
export class PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** What app.quit() needs of a window. */
export interface HostWindowLike {
  close(): void;
  isDestroyed(): boolean;
}

export interface HostState {
  options: HostOptions;
  record: HostRecord;
  paths: Map<string, string>;
  windows: HostWindowLike[];
  handlers: Map<string, IpcHandler>;
  /** scheme → the loopback http origin that serves it. */
  schemeServers: Map<string, string>;
  /** Servers still starting: a page opens once they listen. */
  pendingServers: Promise<void>[];
  toHttpUrl: (url: string) => string;
  toAppUrl: (url: string) => string;
  toAppOrigin: (url: string) => string;
}

export function createHostState(options: HostOptions): HostState {
  const schemeServers = new Map<string, string>();
  const toAppUrl = (url: string): string => {
    for (const [scheme, origin] of schemeServers) {
      if (url.startsWith(`${origin}/`)) {
        const rest = url.slice(origin.length + 1);
        const slash = rest.indexOf('/');
        const host = slash === -1 ? rest : rest.slice(0, slash);
        return `${scheme}://${host}${slash === -1 ? '/' : rest.slice(slash)}`;
      }
    }
    return url;
  };
  return {
    options,
    record: {
      webPreferences: [],
      openedExternally: [],
      dialogs: [],
      notifications: [],
      menus: [],
      trayTooltips: [],
      privilegedSchemes: [],
      navigationsBlocked: [],
      windowOpensDenied: [],
    },
    paths: new Map<string, string>([
      ['home', os.homedir()],
      ['appData', path.dirname(options.userDataDir)],
      ['userData', options.userDataDir],
      ['sessionData', options.userDataDir],
      ['temp', os.tmpdir()],
      ['logs', path.join(options.userDataDir, 'logs')],
      ['documents', path.join(options.stateDir, 'documents')],
      ['downloads', path.join(options.stateDir, 'downloads')],
      ['desktop', path.join(options.stateDir, 'desktop')],
      ['exe', process.execPath],
    ]),
    windows: [],
    handlers: new Map(),
    schemeServers,
    pendingServers: [],
    toHttpUrl: (url) => {
      const match = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(url);
      if (match === null) return url;
      const origin = schemeServers.get(match[1]!.toLowerCase());
      if (origin === undefined) return url;
      return `${origin}/${match[2]}${match[3] ?? '/'}`;
    },
    toAppUrl,
    toAppOrigin: (url) => {
      const appUrl = toAppUrl(url);
      try {
        const parsed = new URL(appUrl);
        return `${parsed.protocol}//${parsed.host}`;
      } catch {
        return appUrl;
      }
    },
  };
}
