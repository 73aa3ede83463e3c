import { dialog } from 'electron';
import type { MainStrings } from '../core/i18n/mainLocales';
import type { LiveCallRegistry } from '../core/telephony/liveCallRegistry';
import { QuitGuard } from '../core/telephony/quitGuard';

/** Quitting (or closing the window) with a live call asks first; the default is to stay. */
export function quitConfirmation(
  liveCalls: LiveCallRegistry,
  strings: () => MainStrings,
): () => boolean {
  const quitGuard = new QuitGuard(liveCalls, () => {
    const s = strings();
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: s.quitDuringCallTitle,
      message: s.quitDuringCallMessage,
      buttons: [s.quitDuringCallStay, s.quitDuringCallQuit],
      defaultId: 0,
      cancelId: 0,
    });
    return choice === 1;
  });
  return () => quitGuard.mayQuit();
}
