// What `import ... from 'electron'` gives the app's main process inside the e2e host.
const electron = globalThis.__pultElectronHost;
export default electron;
export const {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  globalShortcut,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  webContents,
} = electron;
