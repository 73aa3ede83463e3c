import { app, powerMonitor } from 'electron';
import type { SipRegistration } from '../core/telephony/sipRegistration';

/**
 * The registration follows the machine: after sleep or a screen unlock the old
 * connection is gone, so it registers again at once; on quit it frees the
 * operator's line at the PBX before the process goes.
 */
export function followMachineLifecycle(registration: SipRegistration): void {
  powerMonitor.on('resume', () => registration.refresh());
  powerMonitor.on('unlock-screen', () => registration.refresh());
  let unregistered = false;
  app.on('will-quit', (event) => {
    if (unregistered || !registration.isRunning()) return;
    event.preventDefault();
    void registration.stopAndWait(1500).finally(() => {
      unregistered = true;
      app.quit();
    });
  });
}
