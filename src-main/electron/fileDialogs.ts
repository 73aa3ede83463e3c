import { app, BrowserWindow, dialog } from 'electron';
import type { FileDialogs } from '../ipc/handlers';

/** Native open/save dialogs, attached to the focused window. */
export const fileDialogs: FileDialogs = {
  async chooseImportFile(strings) {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options: Electron.OpenDialogOptions = {
      title: strings.importDialogTitle,
      properties: ['openFile'],
      filters: [{ name: strings.importFilterName, extensions: ['csv', 'txt', 'tsv', 'xlsx'] }],
    };
    const result =
      window === undefined
        ? await dialog.showOpenDialog(options)
        : await dialog.showOpenDialog(window, options);
    return result.canceled ? undefined : result.filePaths[0];
  },
  async chooseScriptFile(strings) {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options: Electron.OpenDialogOptions = {
      title: strings.scriptImportTitle,
      properties: ['openFile'],
      filters: [{ name: strings.scriptFilterName, extensions: ['json'] }],
    };
    const result =
      window === undefined
        ? await dialog.showOpenDialog(options)
        : await dialog.showOpenDialog(window, options);
    return result.canceled ? undefined : result.filePaths[0];
  },
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
