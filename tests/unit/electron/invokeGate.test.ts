import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { gateInvokes, type ServeInvoke } from '../../../src-main/electron/invokeGate';
import type { InvokeChannel } from '../../../src-main/ipc/channels';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

/** The narrowest stand-in for ipcMain: the handlers the gate binds, called as a window's invoke would. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
  } as unknown as IpcMain;
  const invoke = (channel: InvokeChannel) =>
    handlers.get(channel)!({} as IpcMainInvokeEvent, undefined);
  return { ipcMain, invoke };
}

const answering =
  (who: string): ServeInvoke =>
  (_event, channel) =>
    Promise.resolve(`${who}:${channel}`);

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 10));
  return done;
};

describe('the invoke gate', () => {
  it('holds every request until the workstation is up, those already waiting first', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const gate = gateInvokes(ipcMain);
    const waiting = invoke('clients.find');
    expect(await settled(waiting)).toBe(false);
    gate.open(answering('workstation'));
    expect(await waiting).toBe('workstation:clients.find');
  });

  it('answers the shell’s channels as soon as the shell is up, asked before or after, and the rest still wait', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const gate = gateInvokes(ipcMain);
    const askedBefore = invoke('settings.get');
    const other = invoke('status.get');
    gate.openEarly(['settings.get'], answering('shell'));
    expect(await askedBefore).toBe('shell:settings.get');
    expect(await invoke('settings.get')).toBe('shell:settings.get');
    expect(await settled(other)).toBe(false);
    // Once the workstation is up it answers everything, the shell's channels too.
    gate.open(answering('workstation'));
    expect(await other).toBe('workstation:status.get');
    expect(await invoke('settings.get')).toBe('workstation:settings.get');
  });
});
