import { BrowserWindow, screen } from 'electron';
import type { JsonStore } from '../core/platform/ports';
import { secureWebPreferences } from './webSecurity';
import {
  defaultWindowSize,
  minimumWindowSize,
  restoreWindowBounds,
  type Rect,
} from '../core/window/windowBounds';

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  boundsStore: JsonStore<Rect & { maximized: boolean }>;
  title: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = options.boundsStore.read();
  const bounds = restoreWindowBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(bounds ?? defaultWindowSize),
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    title: options.title,
    backgroundColor: '#1f2329',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (bounds !== undefined && (saved as { maximized?: unknown }).maximized === true)
    window.maximize();
  window.once('ready-to-show', () => window.show());

  // Remember where the operator put the window, but not every pixel of a drag.
  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed()) return;
      options.boundsStore.write({ ...window.getNormalBounds(), maximized: window.isMaximized() });
    }, 300);
  };
  window.on('resize', remember);
  window.on('move', remember);
  window.on('close', () => {
    clearTimeout(timer);
    options.boundsStore.write({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });

  void window.loadURL(options.url);
  return window;
}
