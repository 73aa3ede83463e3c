import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import electronUpdater, { type AppUpdater } from 'electron-updater';
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
}

/** What electron-builder recorded the Linux build as (resources/package-type: deb, rpm, …). */
function linuxPackageType(): string | undefined {
  const file = path.join(process.resourcesPath, 'package-type');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
