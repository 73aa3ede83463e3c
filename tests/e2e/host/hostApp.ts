/**
 * app on the host: paths, readiness, quitting with Electron's events in
 * Electron's order, and the single-instance lock, kept as a file in the
 * user-data folder (a second instance drops a note the first one hears).
 */
import type * as Electron from 'electron';
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
import path from 'node:path';
import { PreventableEvent, type HostState } from './hostState';

export function hostApp(state: HostState) {
  const { options, paths } = state;
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
      for (const window of [...state.windows]) {
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
  return app satisfies Pick<
    Electron.App,
    | 'isPackaged'
    | 'getName'
    | 'getVersion'
    | 'getAppPath'
    | 'getLocale'
    | 'getSystemLocale'
    | 'getPreferredSystemLanguages'
    | 'getPath'
    | 'setPath'
    | 'isReady'
    | 'whenReady'
    | 'setAppUserModelId'
    | 'requestSingleInstanceLock'
    | 'releaseSingleInstanceLock'
    | 'quit'
    | 'exit'
  >;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
