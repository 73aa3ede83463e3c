import { Notification } from 'electron';
import type { CallbackList } from '../core/calls/callbackList';
import type { Logger } from '../core/platform/ports';
import type { MainStrings } from '../core/i18n/mainLocales';

/**
 * A desktop notification when a promised callback falls due; clicking it
 * brings Pult forward with the client's card open (and main dials the client).
 */
export function startCallbackNotifier(options: {
  callbacks: () => Promise<CallbackList>;
  actor: string;
  strings: () => MainStrings;
  openClient: (clientId: number) => void;
  logger: Logger;
  everyMs?: number;
}): () => void {
  let since = new Date();
  const check = async () => {
    const list = await options.callbacks();
    const now = new Date();
    const due = await list.dueBetween(options.actor, since);
    since = now;
    for (const callback of due) {
      const notification = new Notification({
        title: options.strings().callbackDueTitle,
        body:
          callback.note === '' ? callback.clientName : `${callback.clientName}: ${callback.note}`,
      });
      notification.on('click', () => options.openClient(callback.clientId));
      notification.show();
    }
  };
  const timer = setInterval(() => {
    check().catch((error: unknown) =>
      options.logger.warn('callbacks: check failed', { error: String(error) }),
    );
  }, options.everyMs ?? 5000);
  timer.unref();
  return () => clearInterval(timer);
}
