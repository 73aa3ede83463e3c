import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { DebUpdater, NsisUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { UpdateEngine } from '../../src-main/core/updates/updateService';

/** electron-updater's HTTP client with its one Electron call, net.request, made by Node's http. */
class NodeNetExecutor extends ElectronHttpExecutor {
  override createRequest(
    options: http.RequestOptions,
    callback: (response: http.IncomingMessage) => void,
  ): never {
    return http.request(options, callback) as never;
  }
}

/**
 * This platform's electron-updater, as the app makes it, with only Electron's
 * parts put in at their seams: the app (its version and folders) and the HTTP
 * client (Electron's net, here Node's). Checking, downloading, the sha512 check
 * and the download cache are electron-updater's own. Installing cannot happen
 * in a test: quitAndInstall is recorded instead of run.
 */
export function testUpdateEngine(running: string): {
  engine: UpdateEngine;
  updater: AppUpdater;
  installs: { silent: boolean | undefined; runAfter: boolean | undefined }[];
  cacheDir: string;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-updater-'));
  const configPath = path.join(dir, 'app-update.yml');
  // What electron-builder writes into resources/ when `publish` is configured.
  writeFileSync(
    configPath,
    'provider: generic\nurl: https://updates.pult.invalid/\nupdaterCacheDirName: pult-updater\n',
  );
  mkdirSync(path.join(dir, 'userData'));
  const app: AppAdapter = {
    version: running,
    name: 'Pult',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: path.join(dir, 'userData'),
    baseCachePath: path.join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const installs: { silent: boolean | undefined; runAfter: boolean | undefined }[] = [];
  const Platform = (process.platform === 'win32' ? NsisUpdater : DebUpdater) as typeof DebUpdater;
  class RecordingUpdater extends Platform {
    override quitAndInstall(silent?: boolean, runAfter?: boolean): void {
      installs.push({ silent, runAfter });
    }
  }
  const updater = new RecordingUpdater(null, app);
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor =
    new NodeNetExecutor();
  updater.logger = null;
  const engine: UpdateEngine = updater;
  return { engine, updater, installs, cacheDir: path.join(dir, 'cache', 'pult-updater') };
}
