import type { Language } from '../core/settings/userSettingsSchema';

// The few words main shows itself (menu, dialogs). The renderer has its own i18n.
const uk = {
  menuFile: 'Файл',
  menuQuit: 'Вийти',
  menuEdit: 'Редагування',
  menuView: 'Вигляд',
  menuReload: 'Перезавантажити',
  menuZoomIn: 'Збільшити',
  menuZoomOut: 'Зменшити',
  menuZoomReset: 'Звичайний розмір',
  menuFullScreen: 'На весь екран',
  menuHelp: 'Довідка',
  menuAbout: 'Про програму',
  quitDuringCallTitle: 'Іде дзвінок',
  quitDuringCallMessage: 'Зараз триває дзвінок. Якщо вийти, його буде завершено.',
  quitDuringCallQuit: 'Завершити дзвінок і вийти',
  quitDuringCallStay: 'Залишитися',
  aboutMessage: 'Pult — робоче місце оператора кол-центру',
};
const en: typeof uk = {
  menuFile: 'File',
  menuQuit: 'Quit',
  menuEdit: 'Edit',
  menuView: 'View',
  menuReload: 'Reload',
  menuZoomIn: 'Zoom in',
  menuZoomOut: 'Zoom out',
  menuZoomReset: 'Actual size',
  menuFullScreen: 'Full screen',
  menuHelp: 'Help',
  menuAbout: 'About',
  quitDuringCallTitle: 'A call is in progress',
  quitDuringCallMessage: 'A call is in progress. Quitting will end it.',
  quitDuringCallQuit: 'End the call and quit',
  quitDuringCallStay: 'Stay',
  aboutMessage: "Pult: the call-center operator's workstation",
};

export type MainStrings = typeof uk;
export function mainStrings(language: Language): MainStrings {
  return language === 'en' ? en : uk;
}
