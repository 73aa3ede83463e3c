/**
 * The part of Electron's main-process API that Pult uses, implemented on top of
 * Chromium driven by Playwright, so the e2e specs run the app's real main
 * bundle, preload and renderer where no Electron binary can be installed.
 *
 * Each BrowserWindow is a Chromium page; the app's preload runs in it with a
 * `require('electron')` that offers contextBridge and ipcRenderer; invoke/send
 * cross as Playwright bindings; protocol.handle() handlers serve a loopback
 * HTTP origin that stands for app://. What cannot be the same is said where it
 * differs. Never shipped: it lives under tests/.
 */
import { EventEmitter } from 'node:events';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  watch,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Frame, Page, Route } from 'playwright-core';
import { hostSafeStorage } from './hostSafeStorage';

type Handler = (event: IpcEvent, ...args: unknown[]) => unknown;

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
  appPath: string;
  userDataDir: string;
  stateDir: string;
  productName: string;
  version: string;
  /** Answer given to message boxes (button index); default: the cancel button. */
  dialogResponse?: number;
  exit: (code: number) => Promise<never>;
}

interface IpcEvent {
  sender: EventEmitter & { id: number; send(channel: string, ...args: unknown[]): void };
  senderFrame: HostFrame | null;
  frameId: number;
  processId: number;
  returnValue?: unknown;
  reply?: (channel: string, ...args: unknown[]) => void;
}

class PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

class HostFrame {
  constructor(
    private readonly frame: Frame,
    private readonly toAppUrl: (url: string) => string,
  ) {}
  get url(): string {
    return this.toAppUrl(this.frame.url());
  }
  get name(): string {
    return this.frame.name();
  }
}

export function createElectronApi(options: HostOptions) {
  const record: HostRecord = {
    webPreferences: [],
    openedExternally: [],
    dialogs: [],
    notifications: [],
    menus: [],
    trayTooltips: [],
    privilegedSchemes: [],
    navigationsBlocked: [],
    windowOpensDenied: [],
  };
  const { context } = options;
  const paths = new Map<string, string>([
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
  ]);

  // ---- protocol: each handled scheme is served on its own loopback origin ----
  const schemeServers = new Map<string, string>(); // scheme -> http origin
  const pendingServers: Promise<void>[] = [];

  function toHttpUrl(url: string): string {
    const match = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(url);
    if (match === null) return url;
    const origin = schemeServers.get(match[1]!.toLowerCase());
    if (origin === undefined) return url;
    return `${origin}/${match[2]}${match[3] ?? '/'}`;
  }
  function toAppUrl(url: string): string {
    for (const [scheme, origin] of schemeServers) {
      if (url.startsWith(`${origin}/`)) {
        const rest = url.slice(origin.length + 1);
        const slash = rest.indexOf('/');
        const host = slash === -1 ? rest : rest.slice(0, slash);
        return `${scheme}://${host}${slash === -1 ? '/' : rest.slice(slash)}`;
      }
    }
    return url;
  }
  function toAppOrigin(url: string): string {
    const appUrl = toAppUrl(url);
    try {
      const parsed = new URL(appUrl);
      return `${parsed.protocol}//${parsed.host}`;
    } catch {
      return appUrl;
    }
  }

  const protocol = {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      record.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      const server = http.createServer((req, res) => {
        void (async () => {
          const appUrl = toAppUrl(`${schemeServers.get(scheme)}${req.url ?? '/'}`);
          const headers = new Headers();
          for (const [key, value] of Object.entries(req.headers)) {
            if (typeof value === 'string') headers.set(key, value);
          }
          try {
            const response = await handler(new Request(appUrl, { method: req.method, headers }));
            const body = Buffer.from(await response.arrayBuffer());
            res.writeHead(response.status, Object.fromEntries(response.headers));
            res.end(body);
          } catch (error) {
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end(String(error));
          }
        })();
      });
      server.keepAliveTimeout = 1000;
      pendingServers.push(
        new Promise<void>((resolve) => {
          server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as AddressInfo;
            schemeServers.set(scheme, `http://127.0.0.1:${port}`);
            resolve();
          });
        }),
      );
      server.unref();
    },
    isProtocolHandled(scheme: string) {
      return schemeServers.has(scheme);
    },
  };

  // ---- session ----
  type PermissionCheck = (
    contents: HostWebContents | null,
    permission: string,
    origin: string,
    details: Record<string, unknown>,
  ) => boolean;
  let permissionCheck: PermissionCheck | undefined;
  const defaultSession = {
    setPermissionCheckHandler(handler: PermissionCheck | null) {
      permissionCheck = handler ?? undefined;
    },
    // Chromium asks at request time, which Playwright cannot hand to Node; the host
    // applies the app's check handler up front instead (applyPermissions).
    setPermissionRequestHandler() {},
    setSpellCheckerEnabled() {},
    webRequest: { onHeadersReceived() {}, onBeforeRequest() {} },
    async clearCache() {},
  };
  const session = { defaultSession };

  /**
   * Chromium's own permission system is set from the app's check handler: for
   * each permission Electron would ask about, the handler's answer for the
   * page's origin becomes a grant (or, by omission, a refusal) in Chromium.
   */
  async function applyPermissions(httpUrl: string): Promise<void> {
    const httpOrigin = new URL(httpUrl).origin;
    const appOrigin = toAppOrigin(httpUrl);
    const asks: [string, Record<string, unknown>, string][] = [
      ['media', { mediaType: 'audio' }, 'microphone'],
      ['media', { mediaType: 'video' }, 'camera'],
      ['geolocation', {}, 'geolocation'],
      ['notifications', {}, 'notifications'],
      ['clipboard-read', {}, 'clipboard-read'],
      ['midi', {}, 'midi'],
    ];
    const granted = asks
      .filter(
        ([permission, details]) => permissionCheck?.(null, permission, appOrigin, details) ?? true,
      )
      .map(([, , chromium]) => chromium);
    await context.grantPermissions(granted, { origin: httpOrigin });
  }

  // ---- ipcMain ----
  const handlers = new Map<string, Handler>();
  const ipcMain = Object.assign(new EventEmitter(), {
    handle(channel: string, handler: Handler) {
      if (handlers.has(channel)) {
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      }
      handlers.set(channel, handler);
    },
    handleOnce(channel: string, handler: Handler) {
      ipcMain.handle(channel, (event, ...args) => {
        handlers.delete(channel);
        return handler(event, ...args);
      });
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  });

  // ---- app ----
  const allWindows: HostBrowserWindow[] = [];
  let ready = false;
  let quitting = false;
  const readyWaiters: (() => void)[] = [];
  let lockFile: string | undefined;

  const app = Object.assign(new EventEmitter(), {
    name: options.productName,
    isPackaged: false,
    commandLine: { appendSwitch() {}, hasSwitch: () => false, getSwitchValue: () => '' },
    getName: () => options.productName,
    getVersion: () => options.version,
    getAppPath: () => options.appPath,
    getLocale: () => 'uk-UA',
    getSystemLocale: () => 'uk-UA',
    getPreferredSystemLanguages: () => ['uk-UA'],
    getPath(name: string) {
      const value = paths.get(name);
      if (value === undefined) throw new Error(`Failed to get '${name}' path`);
      return value;
    },
    setPath(name: string, value: string) {
      if (ready) throw new Error('setPath must be called before ready');
      paths.set(name, value);
      if (name === 'userData') paths.set('logs', path.join(value, 'logs'));
    },
    isReady: () => ready,
    whenReady(): Promise<void> {
      return ready ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve));
    },
    setAppUserModelId() {},
    focus() {},
    /**
     * Like Electron's process singleton: the first instance holds a lock in the
     * user-data folder; a second one drops a note there, which the first turns
     * into 'second-instance', and gets false.
     */
    requestSingleInstanceLock(): boolean {
      const dir = paths.get('userData')!;
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'host-singleton.lock');
      try {
        closeSync(openSync(file, 'wx'));
      } catch {
        const holder = Number(readFileSync(file, 'utf8'));
        if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
          writeFileSync(
            path.join(dir, `host-second-instance-${process.pid}.json`),
            JSON.stringify(process.argv),
          );
          return false;
        }
      }
      writeFileSync(file, String(process.pid));
      lockFile = file;
      const watcher = watch(dir, (_type, name) => {
        if (name === null || !name.startsWith('host-second-instance-')) return;
        const note = path.join(dir, name);
        if (!existsSync(note)) return;
        let argv: unknown;
        try {
          argv = JSON.parse(readFileSync(note, 'utf8'));
        } catch {
          return; // still being written; the next event reads it
        }
        rmSync(note, { force: true });
        app.emit('second-instance', new PreventableEvent(), argv, dir);
      });
      watcher.unref();
      for (const name of readdirSync(dir)) {
        if (name.startsWith('host-second-instance-')) rmSync(path.join(dir, name), { force: true });
      }
      return true;
    },
    releaseSingleInstanceLock() {
      if (lockFile !== undefined) rmSync(lockFile, { force: true });
      lockFile = undefined;
    },
    quit() {
      if (quitting) return;
      const beforeQuit = new PreventableEvent();
      app.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      for (const window of [...allWindows]) {
        window.close();
        if (!window.isDestroyed()) return; // a window refused to close: quitting stops
      }
      quitting = true;
      const willQuit = new PreventableEvent();
      app.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) {
        quitting = false;
        return;
      }
      app.emit('quit', new PreventableEvent(), 0);
      app.releaseSingleInstanceLock();
      void options.exit(0);
    },
    exit(code = 0) {
      app.releaseSingleInstanceLock();
      void options.exit(code);
    },
    /** Host only: called once the app's main module has been evaluated. */
    markReady() {
      ready = true;
      app.emit('will-finish-launching');
      app.emit('ready', new PreventableEvent(), {});
      for (const resolve of readyWaiters.splice(0)) resolve();
    },
  });

  // ---- web contents and windows ----
  let nextId = 1;

  class HostWebContents extends EventEmitter {
    readonly id = nextId++;
    readonly session = defaultSession;
    page: Page | undefined;
    private readonly pageReady: Promise<Page>;
    private windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    private destroyed = false;
    private expectedNavigation: string | undefined;
    private readonly frames = new WeakMap<Frame, HostFrame>();

    constructor(
      readonly owner: HostBrowserWindow,
      private readonly preferences: Record<string, unknown>,
      size: { width: number; height: number },
    ) {
      super();
      this.pageReady = this.openPage(size);
    }

    private frameOf(frame: Frame): HostFrame {
      let wrapped = this.frames.get(frame);
      if (wrapped === undefined) {
        wrapped = new HostFrame(frame, toAppUrl);
        this.frames.set(frame, wrapped);
      }
      return wrapped;
    }

    get mainFrame(): HostFrame | null {
      return this.page === undefined ? null : this.frameOf(this.page.mainFrame());
    }

    private async openPage(size: { width: number; height: number }): Promise<Page> {
      await Promise.all(pendingServers);
      const page = await context.newPage();
      this.page = page;
      await page.setViewportSize(size);
      await page.exposeBinding(
        '__pultHostInvoke',
        async (source, channel: string, payload: unknown) => {
          const handler = handlers.get(channel);
          if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
          return await handler(this.eventFor(source.frame), payload);
        },
      );
      await page.exposeBinding('__pultHostSend', (source, channel: string, args: unknown[]) => {
        ipcMain.emit(channel, this.eventFor(source.frame), ...args);
      });
      await page.exposeBinding('__pultHostWindowOpen', (_source, url: string) => {
        this.openRequested(url);
      });
      const preload = this.preferences['preload'];
      if (typeof preload === 'string') {
        await page.addInitScript({ content: preloadWrapper(readFileSync(preload, 'utf8')) });
      }
      await page.route('**/*', (route) => this.route(route));
      page.on('close', () => {
        this.destroyed = true;
        this.emit('destroyed');
        this.owner.closedByBrowser();
      });
      page.on('load', () => this.emit('did-finish-load'));
      return page;
    }

    private eventFor(frame: Frame): IpcEvent {
      return {
        sender: this,
        senderFrame: this.frameOf(frame),
        frameId: 0,
        processId: process.pid,
        reply: (channel, ...args) => this.send(channel, ...args),
      };
    }

    /** Navigation requests of the top frame go through will-navigate, as in Electron. */
    private async route(route: Route): Promise<void> {
      const request = route.request();
      if (!request.isNavigationRequest() || request.frame() !== this.page?.mainFrame()) {
        await route.continue();
        return;
      }
      const url = toAppUrl(request.url());
      if (this.expectedNavigation === request.url()) {
        this.expectedNavigation = undefined;
        await route.continue();
        return;
      }
      const event = new PreventableEvent();
      this.emit('will-navigate', event, url);
      if (event.defaultPrevented) {
        record.navigationsBlocked.push(url);
        // ERR_ABORTED leaves the current page in place, as a prevented will-navigate does.
        await route.abort('aborted');
      } else {
        await route.continue().catch(() => undefined);
      }
    }

    /**
     * window.open (or a link with a target) from this window: Electron asks the
     * window-open handler before any window exists, and window.open returns
     * null when it denies. The page's own window.open is replaced to ask here,
     * because a popup's first request in Chromium can leave before Playwright
     * has attached to the popup, so routes do not see it every time.
     */
    openRequested(requestedUrl: string): void {
      const url = toAppUrl(requestedUrl);
      const decision = this.windowOpenHandler?.({ url }) ?? { action: 'allow' };
      if (decision.action === 'deny') {
        record.windowOpensDenied.push(url);
        return;
      }
      void context
        .newPage()
        .then((popup) => popup.goto(requestedUrl))
        .catch(() => undefined);
    }

    async loadURL(url: string): Promise<void> {
      const page = await this.pageReady;
      const target = toHttpUrl(url);
      await applyPermissions(target);
      this.expectedNavigation = target;
      await page.goto(target);
      this.emit('dom-ready');
      this.owner.emit('ready-to-show');
    }

    getURL(): string {
      return this.page === undefined ? '' : toAppUrl(this.page.url());
    }

    send(channel: string, ...args: unknown[]): void {
      void this.pageReady.then((page) =>
        page
          .evaluate(
            ([c, a]) => {
              const deliver = (
                window as unknown as Record<symbol, (c: string, a: unknown[]) => void>
              )[Symbol.for('pult.host.deliver')];
              deliver?.(c, a);
            },
            [channel, args] as const,
          )
          .catch(() => undefined),
      );
    }

    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }

    getLastWebPreferences(): Record<string, unknown> {
      return { ...this.preferences };
    }

    isDestroyed(): boolean {
      return this.destroyed;
    }

    isLoading(): boolean {
      return false;
    }

    openDevTools(): void {}
    setZoomFactor(): void {}
    getZoomFactor(): number {
      return 1;
    }

    async close(): Promise<void> {
      await this.pageReady.then((page) => page.close()).catch(() => undefined);
    }
  }

  class HostBrowserWindow extends EventEmitter {
    static getAllWindows(): HostBrowserWindow[] {
      return [...allWindows];
    }
    static getFocusedWindow(): HostBrowserWindow | null {
      return allWindows[0] ?? null;
    }
    static fromWebContents(contents: HostWebContents): HostBrowserWindow | null {
      return allWindows.find((w) => w.webContents === contents) ?? null;
    }

    readonly id: number;
    readonly webContents: HostWebContents;
    private bounds: { x: number; y: number; width: number; height: number };
    private destroyed = false;
    private visible = false;
    private maximized = false;
    private minimized = false;
    private title: string;

    constructor(opts: Record<string, unknown> = {}) {
      super();
      const prefs = { ...((opts['webPreferences'] as Record<string, unknown> | undefined) ?? {}) };
      // The host can only be faithful to secure windows: the preload runs isolated
      // from the page and nothing of Node reaches it. A window asking for less is
      // refused loudly rather than silently run more securely than it asked.
      if (
        prefs['contextIsolation'] === false ||
        prefs['sandbox'] !== true ||
        prefs['nodeIntegration'] === true
      ) {
        throw new Error(
          'e2e host: BrowserWindow must have contextIsolation and sandbox on and nodeIntegration off',
        );
      }
      record.webPreferences.push(prefs);
      const width = typeof opts['width'] === 'number' ? opts['width'] : 800;
      const height = typeof opts['height'] === 'number' ? opts['height'] : 600;
      this.bounds = {
        x: typeof opts['x'] === 'number' ? opts['x'] : 0,
        y: typeof opts['y'] === 'number' ? opts['y'] : 0,
        width,
        height,
      };
      this.title = typeof opts['title'] === 'string' ? opts['title'] : options.productName;
      this.webContents = new HostWebContents(this, prefs, { width, height });
      this.id = this.webContents.id;
      allWindows.push(this);
      app.emit('browser-window-created', new PreventableEvent(), this);
      app.emit('web-contents-created', new PreventableEvent(), this.webContents);
    }

    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url);
    }
    show(): void {
      this.visible = true;
      this.emit('show');
    }
    hide(): void {
      this.visible = false;
    }
    isVisible(): boolean {
      return this.visible;
    }
    focus(): void {
      this.minimized = false;
      this.emit('focus');
    }
    restore(): void {
      this.minimized = false;
      this.emit('restore');
    }
    minimize(): void {
      this.minimized = true;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    getBounds() {
      return { ...this.bounds };
    }
    getNormalBounds() {
      return { ...this.bounds };
    }
    setBounds(bounds: Partial<typeof this.bounds>): void {
      this.bounds = { ...this.bounds, ...bounds };
      this.emit('resize');
      this.emit('move');
    }
    getTitle(): string {
      return this.title;
    }
    setTitle(title: string): void {
      this.title = title;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      if (this.destroyed) return;
      const event = new PreventableEvent();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.destroy();
    }
    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      allWindows.splice(allWindows.indexOf(this), 1);
      void this.webContents.close();
      this.emit('closed');
      if (allWindows.length === 0) app.emit('window-all-closed');
    }
    /** The page went away under us (the browser closed it). */
    closedByBrowser(): void {
      if (!this.destroyed) this.destroy();
    }
  }

  // ---- the rest of the API surface ----
  const cancelIndex = (opts: Record<string, unknown>) =>
    options.dialogResponse ?? (typeof opts['cancelId'] === 'number' ? opts['cancelId'] : 0);
  const dialog = {
    showMessageBoxSync(...args: unknown[]) {
      const opts = (args.find((a) => typeof a === 'object' && a !== null && 'message' in a) ??
        {}) as Record<string, unknown>;
      record.dialogs.push({ kind: 'messageBox', options: opts });
      return cancelIndex(opts);
    },
    showMessageBox(...args: unknown[]) {
      return Promise.resolve({
        response: dialog.showMessageBoxSync(...args),
        checkboxChecked: false,
      });
    },
    showErrorBox(title: string, content: string) {
      record.dialogs.push({ kind: 'errorBox', options: { title, content } });
    },
    // A spec answers file dialogs through PULT_HOST_OPEN_FILE / PULT_HOST_SAVE_FILE.
    showOpenDialog(...args: unknown[]) {
      record.dialogs.push({ kind: 'open', options: args.at(-1) });
      const file = process.env['PULT_HOST_OPEN_FILE'];
      return Promise.resolve(
        file === undefined || file === ''
          ? { canceled: true, filePaths: [] }
          : { canceled: false, filePaths: [file] },
      );
    },
    showSaveDialog(...args: unknown[]) {
      record.dialogs.push({ kind: 'save', options: args.at(-1) });
      const file = process.env['PULT_HOST_SAVE_FILE'];
      return Promise.resolve(
        file === undefined || file === ''
          ? { canceled: true, filePath: '' }
          : { canceled: false, filePath: file },
      );
    },
  };

  const shell = {
    openExternal(url: string) {
      record.openedExternally.push(url);
      return Promise.resolve();
    },
    openPath() {
      return Promise.resolve('');
    },
    showItemInFolder() {},
  };

  const safeStorage = hostSafeStorage(options.stateDir);

  class Notification extends EventEmitter {
    static isSupported(): boolean {
      return true;
    }
    constructor(private readonly opts: { title?: string; body?: string } = {}) {
      super();
    }
    show(): void {
      record.notifications.push({ title: this.opts.title ?? '', body: this.opts.body ?? '' });
      notifications.push(this);
      this.emit('show');
    }
    close(): void {
      this.emit('close');
    }
  }
  const notifications: Notification[] = [];

  class Tray extends EventEmitter {
    constructor(readonly image: unknown) {
      super();
    }
    setToolTip(text: string): void {
      record.trayTooltips.push(text);
    }
    setContextMenu(): void {}
    setImage(): void {}
    destroy(): void {}
  }

  let applicationMenu: unknown = null;
  const Menu = {
    buildFromTemplate(template: unknown[]) {
      return { items: template, popup() {} };
    },
    setApplicationMenu(menu: unknown) {
      applicationMenu = menu;
      record.menus.push(menu);
    },
    getApplicationMenu: () => applicationMenu,
  };

  const display = {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    scaleFactor: 1,
  };
  const screen = Object.assign(new EventEmitter(), {
    getAllDisplays: () => [display],
    getPrimaryDisplay: () => display,
    getDisplayMatching: () => display,
    getCursorScreenPoint: () => ({ x: 0, y: 0 }),
  });

  const nativeTheme = Object.assign(new EventEmitter(), {
    shouldUseDarkColors: false,
    themeSource: 'system',
  });
  let idleSeconds = 0;
  const powerMonitor = Object.assign(new EventEmitter(), {
    getSystemIdleTime: () => idleSeconds,
    getSystemIdleState: () => 'active',
  });
  const shortcuts = new Map<string, () => void>();
  const globalShortcut = {
    register(accelerator: string, callback: () => void) {
      shortcuts.set(accelerator, callback);
      return true;
    },
    unregister(accelerator: string) {
      shortcuts.delete(accelerator);
    },
    unregisterAll() {
      shortcuts.clear();
    },
    isRegistered: (accelerator: string) => shortcuts.has(accelerator),
  };
  const webContents = {
    getAllWebContents: () => allWindows.map((w) => w.webContents),
    fromId: (id: number) => allWindows.find((w) => w.webContents.id === id)?.webContents,
  };

  const nativeImage = {
    createFromPath: (file: string) => ({ path: file, isEmpty: () => !existsSync(file) }),
    createEmpty: () => ({ path: '', isEmpty: () => true }),
  };

  const api = {
    app,
    nativeImage,
    BrowserWindow: HostBrowserWindow,
    contextBridge: undefined,
    dialog,
    globalShortcut,
    ipcMain,
    ipcRenderer: undefined,
    Menu,
    nativeTheme,
    Notification,
    powerMonitor,
    protocol,
    safeStorage,
    screen,
    session,
    shell,
    Tray,
    webContents,
  };

  /** What the spec process may ask of the host through its control channel. */
  const control = {
    record: () => record,
    clickNotification(index: number) {
      notifications[index]?.emit('click');
    },
    setIdleSeconds(seconds: number) {
      idleSeconds = seconds;
    },
    emitPowerMonitor(event: string) {
      powerMonitor.emit(event);
    },
    pressGlobalShortcut(accelerator: string) {
      shortcuts.get(accelerator)?.();
    },
    quit() {
      app.quit();
    },
  };

  return { api, control };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the app's CommonJS preload in the page before any page script, in a
 * closure: the page never sees require, module or the host bindings. Its
 * require('electron') offers contextBridge and ipcRenderer, as in a sandbox.
 */
function preloadWrapper(preloadSource: string): string {
  return `(() => {
  if (window !== window.top) return;
  const hostInvoke = window.__pultHostInvoke;
  const hostSend = window.__pultHostSend;
  const hostWindowOpen = window.__pultHostWindowOpen;
  delete window.__pultHostInvoke;
  delete window.__pultHostSend;
  delete window.__pultHostWindowOpen;
  const askToOpen = (url) => { void hostWindowOpen(new URL(String(url), location.href).href); };
  Object.defineProperty(window, 'open', {
    value: (url) => { askToOpen(url); return null; },
    writable: false,
    configurable: false,
  });
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[target]') : null;
    if (link === null || link.target === '_self' || link.href === '') return;
    event.preventDefault();
    askToOpen(link.href);
  }, true);
  const listeners = new Map();
  Object.defineProperty(window, Symbol.for('pult.host.deliver'), {
    value: (channel, args) => {
      for (const listener of [...(listeners.get(channel) || [])]) listener({ sender: null }, ...args);
    },
  });
  const ipcRenderer = {
    invoke: (channel, ...args) => hostInvoke(channel, args[0]),
    send: (channel, ...args) => { void hostSend(channel, args); },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, []);
      listeners.get(channel).push(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      const list = listeners.get(channel) || [];
      const index = list.indexOf(listener);
      if (index !== -1) list.splice(index, 1);
      return ipcRenderer;
    },
  };
  const freeze = (value) => {
    if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) freeze(value[key]);
      Object.freeze(value);
    }
    return value;
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: freeze(api), writable: false, configurable: false, enumerable: true });
    },
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('Cannot find module ' + name + ' (sandboxed preload)');
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`;
}
