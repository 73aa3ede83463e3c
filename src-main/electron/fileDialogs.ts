import { app, BrowserWindow, dialog } from 'electron';
import type { FileDialogs } from '../ipc/handlers';

async function openOne(title: string, filterName: string, extensions: string[]) {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options: Electron.OpenDialogOptions = {
    title,
    properties: ['openFile'],
    filters: [{ name: filterName, extensions }],
  };
  const result =
    window === undefined
      ? await dialog.showOpenDialog(options)
      : await dialog.showOpenDialog(window, options);
  return result.canceled ? undefined : result.filePaths[0];
}

/** Native open/save dialogs, attached to the focused window. */
export const fileDialogs: FileDialogs = {
  chooseImportFile: (strings) =>
    openOne(strings.importDialogTitle, strings.importFilterName, ['csv', 'txt', 'tsv', 'xlsx']),
  chooseScriptFile: (strings) =>
    openOne(strings.scriptImportTitle, strings.scriptFilterName, ['json']),
  chooseOpenFile: (title, filterName, extensions) => openOne(title, filterName, [...extensions]),
  async chooseSaveFile(title, defaultName, extension) {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options: Electron.SaveDialogOptions = {
      title,
      defaultPath: `${app.getPath('documents')}/${defaultName}`,
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    };
    const result =
      window === undefined
        ? await dialog.showSaveDialog(options)
        : await dialog.showSaveDialog(window, options);
    return result.canceled || result.filePath === '' ? undefined : result.filePath;
  },
};
