import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MainStrings } from '../core/i18n/mainLocales';

export function installAppMenu(strings: MainStrings, isDev: boolean, onAbout: () => void): void {
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: strings.menuZoomIn },
    { role: 'zoomOut', label: strings.menuZoomOut },
    { role: 'resetZoom', label: strings.menuZoomReset },
    { type: 'separator' },
    { role: 'togglefullscreen', label: strings.menuFullScreen },
  ];
  if (isDev)
    view.unshift({ role: 'reload', label: strings.menuReload }, { role: 'toggleDevTools' });
  const template: MenuItemConstructorOptions[] = [
    { label: strings.menuFile, submenu: [{ role: 'quit', label: strings.menuQuit }] },
    {
      label: strings.menuEdit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: strings.menuView, submenu: view },
    { label: strings.menuHelp, submenu: [{ label: strings.menuAbout, click: onAbout }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
