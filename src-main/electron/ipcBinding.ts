import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { Logger } from '../core/platform/ports';
import { eventContract, type EventChannel, type EventPayloadOf } from '../ipc/contract';
import type { InvokeChannel } from '../ipc/channels';
import { dispatchInvoke, type InvokeHandlers } from '../ipc/dispatch';
import type { ServeInvoke } from './invokeGate';

/**
 * The contract's handlers behind the invoke gate (all of them, or the few the
 * shell answers early); every call goes through dispatchInvoke's checks.
 */
export function invokeServer(
  handlers: Partial<InvokeHandlers>,
  trustedOrigin: string,
  logger: Logger,
): ServeInvoke {
  return (event: IpcMainInvokeEvent, channel: InvokeChannel, payload: unknown) =>
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
    );
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
