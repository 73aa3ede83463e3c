import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  _electron,
  chromium,
  type Browser,
  type ElectronApplication,
  type Page,
} from 'playwright-core';
import type { HostRecord } from '../host/electronApi';
import { hostStateDir } from '../host/hostSafeStorage';
import { moveMainClock } from '../host/movedClock';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const mainEntry = path.join(repoRoot, 'dist/main/main.js');

/** The app under test, the same to a spec whether it runs on Electron or on the host. */
export interface PultApp {
  readonly runtime: 'electron' | 'host';
  readonly userDataDir: string;
  firstWindow(): Promise<Page>;
  /** What the app did through Electron's API that a page cannot see. */
  record(): Promise<Pick<HostRecord, 'webPreferences' | 'openedExternally'>>;
  /** Desktop notifications shown so far, and a click on one (as the operator would). */
  notifications(): Promise<HostRecord['notifications']>;
  clickNotification(index: number): Promise<void>;
  /** The tray icon's current tooltip. */
  trayTooltip(): Promise<string | undefined>;
  /** How long the operator has not touched keyboard or mouse, as the OS would report it. */
  setIdleSeconds(seconds: number): Promise<void>;
  /** The OS clock set ahead by this much: main reads the later time from now on. */
  moveClock(ms: number): Promise<void>;
  /** The OS delivering a global shortcut (the key pressed while another program has the focus). */
  pressGlobalShortcut(accelerator: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Kills the app as a crash or Task Manager would (SIGKILL to main; its
   * windows go with it): nothing of the app runs after this, not even a quit handler.
   */
  kill(): Promise<void>;
  /** Resolves with the exit code when the app's process ends. */
  readonly exited: Promise<number | null>;
  output(): string;
}

export interface LaunchOptions {
  userDataDir?: string;
  env?: Record<string, string>;
}

export function newUserDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'pult-e2e-'));
}

/** Real Electron when its binary is there (or PULT_E2E_RUNTIME=electron), else the host. */
export function selectedRuntime(): 'electron' | 'host' {
  const forced = process.env['PULT_E2E_RUNTIME'];
  if (forced === 'electron' || forced === 'host') return forced;
  const electronDir = path.join(repoRoot, 'node_modules/electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return 'host';
  return existsSync(path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))
    ? 'electron'
    : 'host';
}

export async function launchPult(options: LaunchOptions = {}): Promise<PultApp> {
  const userDataDir = options.userDataDir ?? newUserDataDir();
  const env = { ...process.env, ...options.env, PULT_USER_DATA_DIR: userDataDir } as Record<
    string,
    string
  >;
  return selectedRuntime() === 'electron'
    ? launchElectron(userDataDir, env)
    : launchHost(userDataDir, env);
}

async function launchElectron(userDataDir: string, env: Record<string, string>): Promise<PultApp> {
  const app: ElectronApplication = await _electron.launch({
    args: [mainEntry],
    env,
    cwd: repoRoot,
  });
  await app.evaluate(({ shell, Notification, Tray }) => {
    const setToolTip = Object.getOwnPropertyDescriptor(Tray.prototype, 'setToolTip')?.value as (
      this: Electron.Tray,
      text: string,
    ) => void;
    Tray.prototype.setToolTip = function (this: Electron.Tray, text: string) {
      (globalThis as Record<string, unknown>)['__pultTrayTooltip'] = text;
      setToolTip.call(this, text);
    };
    // Watch notifications as they are shown, so a spec can read and click them.
    const shownData: { title: string; body: string }[] = [];
    const shownObjects: unknown[] = [];
    (globalThis as Record<string, unknown>)['__pultNotifications'] = shownData;
    (globalThis as Record<string, unknown>)['__pultNotificationObjects'] = shownObjects;
    const original = Object.getOwnPropertyDescriptor(Notification.prototype, 'show')?.value as (
      this: Electron.Notification,
    ) => void;
    Notification.prototype.show = function (this: Electron.Notification) {
      shownData.push({ title: this.title, body: this.body });
      shownObjects.push(this);
      original.call(this);
    };
    const opened: string[] = [];
    (globalThis as Record<string, unknown>)['__pultOpened'] = opened;
    shell.openExternal = (url: string) => {
      opened.push(url);
      return Promise.resolve();
    };
  });
  let out = '';
  app.process().stdout?.on('data', (d: Buffer) => (out += d.toString()));
  app.process().stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    app.process().on('exit', (code) => resolve(code)),
  );
  return {
    runtime: 'electron',
    userDataDir,
    firstWindow: () => app.firstWindow(),
    record: async () => ({
      webPreferences: await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => ({
          ...(
            w.webContents as unknown as { getLastWebPreferences(): object | null }
          ).getLastWebPreferences(),
        })),
      ),
      openedExternally: await app.evaluate(
        () => (globalThis as Record<string, unknown>)['__pultOpened'] as string[],
      ),
    }),
    notifications: async () =>
      app.evaluate(
        () =>
          ((globalThis as Record<string, unknown>)['__pultNotifications'] ??
            []) as HostRecord['notifications'],
      ),
    clickNotification: async (index) => {
      await app.evaluate((_electron, i) => {
        const shown = (globalThis as Record<string, unknown>)['__pultNotificationObjects'] as
          { emit(e: string): void }[] | undefined;
        shown?.[i]?.emit('click');
      }, index);
    },
    trayTooltip: () =>
      app.evaluate(
        () => (globalThis as Record<string, unknown>)['__pultTrayTooltip'] as string | undefined,
      ),
    setIdleSeconds: async (seconds) => {
      await app.evaluate(({ powerMonitor }, s) => {
        powerMonitor.getSystemIdleTime = () => s;
      }, seconds);
    },
    pressGlobalShortcut: () =>
      Promise.reject(new Error('a real Electron takes global keys from the OS only')),
    moveClock: async (ms) => {
      // The same function, sent as source: main's process has none of the test's modules.
      await app.evaluate(`(${moveMainClock.toString()})(${ms})`);
    },
    close: () => app.close(),
    async kill() {
      app.process().kill('SIGKILL');
      await exited;
    },
    exited,
    output: () => out,
  };
}

/** The host's build, made again when any of its sources is newer (a spec run alone, a bench). */
function builtHost(): string {
  const built = path.join(repoRoot, 'dist/e2e-host/launch.js');
  const sources = path.join(repoRoot, 'tests/e2e/host');
  const newest = Math.max(
    statSync(path.join(repoRoot, 'vite.e2eHost.config.ts')).mtimeMs,
    ...readdirSync(sources, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(path.join(entry.parentPath, entry.name)).mtimeMs),
  );
  if (!existsSync(built) || statSync(built).mtimeMs < newest) {
    const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.e2eHost.config.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    if (build.status !== 0)
      throw new Error(`the e2e host did not build:\n${build.stdout}\n${build.stderr}`);
  }
  return built;
}

async function launchHost(userDataDir: string, env: Record<string, string>): Promise<PultApp> {
  const child: ChildProcess = fork(builtHost(), [mainEntry], {
    // As Electron starts main: no TypeScript loader (the host is built, see vite.e2eHost.config.ts).
    execArgv: [],
    env: {
      ...env,
      PULT_HOST_STATE_DIR: hostStateDir(userDataDir),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    cwd: repoRoot,
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  let nextId = 1;
  const pending = new Map<number, (value: unknown) => void>();
  let readyResolve: (cdpUrl: string) => void = () => undefined;
  const ready = new Promise<string>((resolve) => (readyResolve = resolve));
  child.on(
    'message',
    (message: { type?: string; cdpUrl?: string; id?: number; value?: unknown }) => {
      if (message.type === 'ready' && message.cdpUrl !== undefined) readyResolve(message.cdpUrl);
      if (message.id !== undefined) pending.get(message.id)?.(message.value);
    },
  );
  const ask = <T>(cmd: string, arg?: unknown) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      pending.set(id, (value) => resolve(value as T));
      child.send({ id, cmd, arg });
    });

  const cdpUrl = await Promise.race([
    ready,
    exited.then((code) => {
      throw new Error(`e2e host exited (${code}) before the app was ready:\n${out}`);
    }),
  ]);
  const browser: Browser = await chromium.connectOverCDP(cdpUrl);
  const context = browser.contexts()[0]!;
  const isAppPage = (page: Page) => page.url().startsWith('http://127.0.0.1:') && !page.isClosed();

  return {
    runtime: 'host',
    userDataDir,
    async firstWindow() {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const page = context.pages().find(isAppPage);
        if (page !== undefined) {
          await page.waitForLoadState('domcontentloaded');
          return page;
        }
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(`the app opened no window:\n${out}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    record: () => ask<HostRecord>('record'),
    notifications: async () => (await ask<HostRecord>('record')).notifications,
    clickNotification: async (index) => {
      await ask('clickNotification', index);
    },
    setIdleSeconds: async (seconds) => {
      await ask('setIdleSeconds', seconds);
    },
    pressGlobalShortcut: async (accelerator) => {
      await ask('pressGlobalShortcut', accelerator);
    },
    moveClock: async (ms) => {
      await ask('moveClock', ms);
    },
    trayTooltip: async () => (await ask<HostRecord>('record')).trayTooltips.at(-1),
    async close() {
      if (child.exitCode === null) {
        child.send({ id: 0, cmd: 'quit' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await browser.close().catch(() => undefined);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
      // Electron's renderers die with its main process; the host's Chromium is closed to match.
      const cdp = await browser.newBrowserCDPSession().catch(() => undefined);
      await cdp?.send('Browser.close').catch(() => undefined);
      await browser.close().catch(() => undefined);
    },
    exited,
    output: () => out,
  };
}
