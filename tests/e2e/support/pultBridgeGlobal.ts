import type { PultBridge } from '../../../src-main/ipc/bridgeApi';

// Specs call the preload's API from inside the page, as the renderer does.
declare global {
  interface Window {
    readonly pult: PultBridge;
  }
}
