/**
 * dialog and shell on the host. Message boxes answer with the spec's chosen
 * button (or the cancel one); file dialogs with the files the spec names in
 * PULT_HOST_OPEN_FILE / PULT_HOST_SAVE_FILE; links are recorded, not opened.
 */
import type * as Electron from 'electron';
import type { HostState } from './hostState';

export function hostDialogs(state: HostState) {
  const { record, options } = state;
  const cancelIndex = (opts: Record<string, unknown>) =>
    options.dialogResponse ?? (typeof opts['cancelId'] === 'number' ? opts['cancelId'] : 0);
  const dialog = {
    showMessageBoxSync(...args: unknown[]): number {
      const opts = (args.find((a) => typeof a === 'object' && a !== null && 'message' in a) ??
        {}) as Record<string, unknown>;
      record.dialogs.push({ kind: 'messageBox', options: opts });
      return cancelIndex(opts);
    },
    showMessageBox(...args: unknown[]): Promise<Electron.MessageBoxReturnValue> {
      return Promise.resolve({
        response: dialog.showMessageBoxSync(...args),
        checkboxChecked: false,
      });
    },
    showErrorBox(title: string, content: string) {
      record.dialogs.push({ kind: 'errorBox', options: { title, content } });
    },
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
  } satisfies Pick<
    Electron.Dialog,
    'showMessageBoxSync' | 'showMessageBox' | 'showErrorBox' | 'showOpenDialog' | 'showSaveDialog'
  >;

  const shell = {
    openExternal(url: string) {
      record.openedExternally.push(url);
      return Promise.resolve();
    },
    openPath() {
      return Promise.resolve('');
    },
    showItemInFolder() {},
  } satisfies Pick<Electron.Shell, 'openExternal' | 'openPath' | 'showItemInFolder'>;

  return { dialog, shell };
}
