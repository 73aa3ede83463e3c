import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { invokeChannels, type InvokeChannel } from '../ipc/channels';

export type ServeInvoke = (
  event: IpcMainInvokeEvent,
  channel: InvokeChannel,
  payload: unknown,
) => Promise<unknown>;

export interface InvokeGate {
  /** The workstation is up: every request, those already waiting first, goes to `serve`. */
  open(serve: ServeInvoke): void;
}

/**
 * Every channel of the contract bound before the window exists, answered
 * once the workstation's services are up: the window loads while main is
 * still starting, and a request it makes early waits rather than failing
 * with "no handler registered". Channel names only: no schemas load here.
 */
export function gateInvokes(ipcMain: IpcMain): InvokeGate {
  let open: (serve: ServeInvoke) => void = () => undefined;
  const served = new Promise<ServeInvoke>((resolve) => (open = resolve));
  for (const channel of invokeChannels)
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) =>
      (await served)(event, channel, payload),
    );
  return { open: (serve) => open(serve) };
}
