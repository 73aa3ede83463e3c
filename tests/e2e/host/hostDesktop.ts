/**
 * The desktop around the window on the host: notifications (recorded, and
 * clickable by the spec), the tray and menus (recorded), one 1920×1080
 * screen, the system's idle time (set by the spec), and global shortcuts
 * (pressed by the spec).
 */
import type * as Electron from 'electron';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import type { HostState } from './hostState';

export function hostDesktop(state: HostState) {
  const { record } = state;
  const notifications: Notification[] = [];
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

  const nativeImage = {
    createFromPath: (file: string) => ({ path: file, isEmpty: () => !existsSync(file) }),
    createEmpty: () => ({ path: '', isEmpty: () => true }),
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
  }) satisfies Pick<Electron.Screen, 'getCursorScreenPoint'>;

  const nativeTheme = Object.assign(new EventEmitter(), {
    shouldUseDarkColors: false,
    themeSource: 'system' as const,
  }) satisfies Pick<Electron.NativeTheme, 'shouldUseDarkColors' | 'themeSource'>;

  let idleSeconds = 0;
  const powerMonitor = Object.assign(new EventEmitter(), {
    getSystemIdleTime: () => idleSeconds,
    getSystemIdleState: () => 'active' as const,
  }) satisfies Pick<Electron.PowerMonitor, 'getSystemIdleTime' | 'getSystemIdleState'>;

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
  } satisfies Pick<
    Electron.GlobalShortcut,
    'register' | 'unregister' | 'unregisterAll' | 'isRegistered'
  >;

  /** What the spec may do to the desktop through the host's control channel. */
  const control = {
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
  };

  return {
    Notification,
    Tray,
    Menu,
    nativeImage,
    screen,
    nativeTheme,
    powerMonitor,
    globalShortcut,
    control,
  };
}
