import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../core/platform/ports';
import type { UpdateEngine } from '../core/updates/updateService';

/**
 * The platform's electron-updater: NSIS on Windows, DMG on macOS, the .deb
 * or the AppImage on Linux. It downloads through Electron's own network
 * stack, so the office's proxy (NTLM or Kerberos included) is used as
 * Chromium uses it. From the sources nothing is installed to update, unless
 * PULT_UPDATE_CONFIG names an app-update.yml (a staging server, the tests).
 */
export function platformUpdateEngine(logger: Logger): UpdateEngine | undefined {
  const devConfig = process.env['PULT_UPDATE_CONFIG'];
  const fromSources = !app.isPackaged;
  if (fromSources && (devConfig === undefined || devConfig === '')) return undefined;
  return lazyEngine(async () => {
    // A CommonJS package: its exports are the namespace's default, or (loaded through a
    // module hook, as on the e2e host) the namespace itself.
    const loadedModule = await import('electron-updater');
    const electronUpdater = (loadedModule as Partial<typeof loadedModule>).default ?? loadedModule;
    let updater: AppUpdater;
    if (fromSources && process.platform === 'linux') {
      updater = new electronUpdater.DebUpdater();
    } else if (process.platform === 'linux' && linuxPackageType() === 'deb') {
      updater = new electronUpdater.DebUpdater();
    } else {
      updater = electronUpdater.autoUpdater;
    }
    if (fromSources && devConfig !== undefined) {
      updater.forceDevUpdateConfig = true;
      updater.updateConfigPath = devConfig;
    }
    updater.logger = {
      debug: (message: string) => logger.debug(`updater: ${message}`),
      info: (message?: unknown) => logger.info(`updater: ${String(message)}`),
      warn: (message?: unknown) => logger.warn(`updater: ${String(message)}`),
      error: (message?: unknown) => logger.error(`updater: ${String(message)}`),
    };
    return updater;
  });
}

/**
 * electron-updater loaded on the first check, not at start (about 70 ms of
 * main's start): what is set before is kept and handed over when it loads.
 */
function lazyEngine(load: () => Promise<AppUpdater>): UpdateEngine {
  let updater: AppUpdater | undefined;
  let loading: Promise<AppUpdater> | undefined;
  const flags = { autoDownload: false, autoInstallOnAppQuit: false, allowDowngrade: false };
  let feed: { provider: 'generic'; url: string } | undefined;
  const progress: ((progress: { percent: number }) => void)[] = [];
  const loaded = () =>
    (loading ??= load().then((ready) => {
      Object.assign(ready, flags);
      if (feed !== undefined) ready.setFeedURL(feed);
      for (const listener of progress) ready.on('download-progress', listener);
      updater = ready;
      return ready;
    }));
  const flag = (name: keyof typeof flags) => ({
    get: () => flags[name],
    set: (value: boolean) => {
      flags[name] = value;
      if (updater !== undefined) updater[name] = value;
    },
    enumerable: true,
  });
  const engine = {
    setFeedURL(options: { provider: 'generic'; url: string }) {
      feed = options;
      updater?.setFeedURL(options);
    },
    checkForUpdates: async () => (await loaded()).checkForUpdates(),
    downloadUpdate: async () => (await loaded()).downloadUpdate(),
    // Only ever after a download, so the updater is there.
    quitAndInstall: (isSilent?: boolean, isForceRunAfter?: boolean) =>
      updater?.quitAndInstall(isSilent, isForceRunAfter),
    on(event: 'download-progress', listener: (progress: { percent: number }) => void) {
      progress.push(listener);
      updater?.on(event, listener);
      return engine;
    },
  };
  Object.defineProperties(engine, {
    autoDownload: flag('autoDownload'),
    autoInstallOnAppQuit: flag('autoInstallOnAppQuit'),
    allowDowngrade: flag('allowDowngrade'),
  });
  return engine as typeof engine & typeof flags;
}

/** What electron-builder recorded the Linux build as (resources/package-type: deb, rpm, …). */
function linuxPackageType(): string | undefined {
  const file = path.join(process.resourcesPath, 'package-type');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
