import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { invokeChannels, type InvokeChannel } from '../ipc/channels';

export type ServeInvoke = (
  event: IpcMainInvokeEvent,
  channel: InvokeChannel,
  payload: unknown,
) => Promise<unknown>;

export interface InvokeGate {
  /** The shell is up: these channels are answered by `serve` until the gate opens. */
  openEarly(channels: readonly InvokeChannel[], serve: ServeInvoke): void;
  /** The workstation is up: every request, those already waiting first, goes to `serve`. */
  open(serve: ServeInvoke): void;
}

/**
 * Every channel of the contract bound before the window exists, answered
 * once the workstation's services are up: the window loads while main is
 * still starting, and a request it makes early waits rather than failing
 * with "no handler registered". The few the shell answers (the settings the
 * window is drawn with) are answered as soon as the shell is up, so the
 * window draws itself while main still loads. Channel names only: no
 * schemas load here.
 */
export function gateInvokes(ipcMain: IpcMain): InvokeGate {
  let open: (serve: ServeInvoke) => void = () => undefined;
  const served = new Promise<ServeInvoke>((resolve) => (open = resolve));
  let opened: ServeInvoke | undefined;
  void served.then((serve) => (opened = serve));
  /** Each channel's early answerer, should the shell give one before the workstation is up. */
  const early = new Map<
    InvokeChannel,
    { given: Promise<ServeInvoke>; give: (s: ServeInvoke) => void }
  >();
  const earlyOf = (channel: InvokeChannel) => {
    let entry = early.get(channel);
    if (entry === undefined) {
      let give: (serve: ServeInvoke) => void = () => undefined;
      const given = new Promise<ServeInvoke>((resolve) => (give = resolve));
      entry = { given, give };
      early.set(channel, entry);
    }
    return entry;
  };
  for (const channel of invokeChannels)
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const serve = opened ?? (await Promise.race([served, earlyOf(channel).given]));
      return serve(event, channel, payload);
    });
  return {
    openEarly: (channels, serve) => {
      for (const channel of channels) earlyOf(channel).give(serve);
    },
    open: (serve) => open(serve),
  };
}
