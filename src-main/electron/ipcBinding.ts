import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Logger } from '../core/platform/ports';
import { eventContract, type EventChannel, type EventPayloadOf } from '../ipc/contract';
import { invokeChannels } from '../ipc/channels';
import { dispatchInvoke, type InvokeHandlers } from '../ipc/dispatch';

/** Binds the contract's handlers to ipcMain; every call goes through dispatchInvoke's checks. */
export function bindInvokeHandlers(
  ipcMain: IpcMain,
  handlers: InvokeHandlers,
  trustedOrigin: string,
  logger: Logger,
): void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) =>
      dispatchInvoke(
        handlers,
        channel,
        payload,
        {
          url: event.senderFrame?.url,
          isTopFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
        },
        trustedOrigin,
        logger,
      ),
    );
  }
}

/** Sends an event to a window after checking its payload against the contract. */
export function sendEvent<E extends EventChannel>(
  contents: WebContents,
  event: E,
  payload: EventPayloadOf<E>,
  logger: Logger,
): void {
  const parsed = eventContract[event].safeParse(payload);
  if (!parsed.success) {
    logger.error('ipc: event payload outside the contract was not sent', { event });
    return;
  }
  if (!contents.isDestroyed()) contents.send(event, parsed.data);
}
