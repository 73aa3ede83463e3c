import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeKey, type PultBridge } from '../ipc/bridgeApi';
import { eventChannels, invokeChannels } from '../ipc/channels';

// Sandboxed preload: it may import only 'electron' and what the bundler inlines.
// It exposes the contract's two functions and never ipcRenderer itself; main
// validates every payload, so the checks here only stop obvious misuse early.

const invokeNames = new Set<string>(invokeChannels);
const eventNames = new Set<string>(eventChannels);

const bridge: PultBridge = {
  invoke: (channel: string, ...request: unknown[]) => {
    if (!invokeNames.has(channel)) {
      return Promise.reject(new Error(`Unknown IPC channel: ${channel}`));
    }
    return ipcRenderer.invoke(channel, request[0]);
  },
  on: (event: string, listener: (payload: unknown) => void) => {
    if (!eventNames.has(event)) throw new Error(`Unknown IPC event: ${event}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    const forward = (_event: IpcRendererEvent, payload: unknown) => {
      listener(payload);
    };
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
} as PultBridge;

contextBridge.exposeInMainWorld(bridgeKey, bridge);
