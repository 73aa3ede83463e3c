/**
 * BrowserWindow and webContents on the host: each window is a Chromium page;
 * the app's preload runs in it (hostPreload), its invokes and sends cross as
 * Playwright bindings to ipcMain, and top-frame navigations and window.open
 * go through the app's will-navigate and window-open handlers as in Electron.
 */
import type * as Electron from 'electron';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Frame, Page, Route } from 'playwright-core';
import type { hostApp } from './hostApp';
import type { hostIpcMain } from './hostIpcMain';
import { preloadWrapper } from './hostPreload';
import type { hostSession } from './hostProtocol';
import { PreventableEvent, type HostState, type IpcEvent } from './hostState';

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

export function hostWindows(
  state: HostState,
  app: ReturnType<typeof hostApp>,
  ipcMain: ReturnType<typeof hostIpcMain>,
  { defaultSession, applyPermissions }: ReturnType<typeof hostSession>,
) {
  // The windows open now, in the order they opened (app.quit closes them in it).
  const windows: HostBrowserWindow[] = [];
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
        wrapped = new HostFrame(frame, state.toAppUrl);
        this.frames.set(frame, wrapped);
      }
      return wrapped;
    }

    get mainFrame(): HostFrame | null {
      return this.page === undefined ? null : this.frameOf(this.page.mainFrame());
    }

    private async openPage(size: { width: number; height: number }): Promise<Page> {
      await Promise.all(state.pendingServers);
      const page = state.options.takeSparePage?.() ?? (await state.options.context.newPage());
      this.page = page;
      await page.setViewportSize(size);
      await page.exposeBinding(
        '__pultHostInvoke',
        async (source, channel: string, payload: unknown) => {
          const handler = state.handlers.get(channel);
          if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
          // The host's event carries what main reads of Electron's (sender, senderFrame, ids).
          const event = this.eventFor(source.frame) as unknown as Electron.IpcMainInvokeEvent;
          return (await handler(event, payload)) as unknown;
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
      const url = state.toAppUrl(request.url());
      if (this.expectedNavigation === request.url()) {
        this.expectedNavigation = undefined;
        await route.continue();
        return;
      }
      const event = new PreventableEvent();
      this.emit('will-navigate', event, url);
      if (event.defaultPrevented) {
        state.record.navigationsBlocked.push(url);
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
      const url = state.toAppUrl(requestedUrl);
      const decision = this.windowOpenHandler?.({ url }) ?? { action: 'allow' };
      if (decision.action === 'deny') {
        state.record.windowOpensDenied.push(url);
        return;
      }
      void state.options.context
        .newPage()
        .then((popup) => popup.goto(requestedUrl))
        .catch(() => undefined);
    }

    async loadURL(url: string): Promise<void> {
      const page = await this.pageReady;
      const target = state.toHttpUrl(url);
      await applyPermissions(target);
      this.expectedNavigation = target;
      await page.goto(target);
      this.emit('dom-ready');
      this.owner.emit('ready-to-show');
    }

    getURL(): string {
      return this.page === undefined ? '' : state.toAppUrl(this.page.url());
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
      return [...windows];
    }
    static getFocusedWindow(): HostBrowserWindow | null {
      return windows[0] ?? null;
    }
    static fromWebContents(contents: HostWebContents): HostBrowserWindow | null {
      return windows.find((w) => w.webContents === contents) ?? null;
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
      state.record.webPreferences.push(prefs);
      const width = typeof opts['width'] === 'number' ? opts['width'] : 800;
      const height = typeof opts['height'] === 'number' ? opts['height'] : 600;
      this.bounds = {
        x: typeof opts['x'] === 'number' ? opts['x'] : 0,
        y: typeof opts['y'] === 'number' ? opts['y'] : 0,
        width,
        height,
      };
      this.title = typeof opts['title'] === 'string' ? opts['title'] : state.options.productName;
      this.webContents = new HostWebContents(this, prefs, { width, height });
      this.id = this.webContents.id;
      windows.push(this);
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
      windows.splice(windows.indexOf(this), 1);
      void this.webContents.close();
      this.emit('closed');
      if (windows.length === 0) app.emit('window-all-closed');
    }
    /** The page went away under us (the browser closed it). */
    closedByBrowser(): void {
      if (!this.destroyed) this.destroy();
    }
  }

  // What app.quit() sees of the windows.
  state.windows = windows;

  const webContents = {
    getAllWebContents: () => windows.map((w) => w.webContents),
    fromId: (id: number) => windows.find((w) => w.webContents.id === id)?.webContents,
  };
  return { BrowserWindow: HostBrowserWindow, webContents };
}
