/** ipcMain on the host: the windows' invokes reach these handlers through Playwright bindings. */
import type * as Electron from 'electron';
import { EventEmitter } from 'node:events';
import type { HostState, IpcHandler } from './hostState';

export function hostIpcMain(state: HostState) {
  const { handlers } = state;
  const ipcMain = Object.assign(new EventEmitter(), {
    handle(channel: string, handler: IpcHandler) {
      if (handlers.has(channel)) {
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      }
      handlers.set(channel, handler);
    },
    handleOnce(channel: string, handler: IpcHandler) {
      ipcMain.handle(channel, (event, ...args: unknown[]): unknown => {
        handlers.delete(channel);
        return handler(event, ...args);
      });
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  });
  return ipcMain satisfies Pick<Electron.IpcMain, 'handle' | 'handleOnce' | 'removeHandler'>;
}
