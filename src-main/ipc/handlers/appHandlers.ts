import type { MainStalls } from '../../core/diagnostics/mainStallMonitor';
import { isExternalUrlAllowed } from '../../core/links/externalLinkPolicy';
import type { MachinePolicy } from '../../core/settings/machinePolicy';
import { SettingLockedError, type SettingsService } from '../../core/settings/settingsService';
import type { WorkstationStatusBoard } from '../../core/status/workstationStatusBoard';
import { IpcRejection } from '../result';
import type { HandlersOf } from './handlerTypes';

/** The app itself: what it is, its settings, the status bar, links out. */
export function appHandlers(deps: {
  appInfo: { name: string; version: string; platform: string };
  stalls: () => MainStalls;
  settings: SettingsService;
  status: WorkstationStatusBoard;
  policy: MachinePolicy;
  openExternal: (url: string) => Promise<void>;
}): HandlersOf<'app.' | 'settings.' | 'status.' | 'links.'> {
  return {
    'app.info': () => deps.appInfo,
    'app.diagnostics': () => {
      const stalls = deps.stalls();
      return {
        mainLongestStallMs: stalls.longestMs,
        mainRecentStallMs: stalls.recentMs,
        mainStallWindows: stalls.windowsOverThreshold,
      };
    },
    'settings.get': () => deps.settings.view(),
    'settings.update': (patch) => {
      try {
        return deps.settings.update(patch);
      } catch (error) {
        if (error instanceof SettingLockedError)
          throw new IpcRejection('settingLocked', error.message);
        throw error;
      }
    },
    'status.get': () => deps.status.current(),
    'links.openExternal': async ({ url }) => {
      if (!isExternalUrlAllowed(url, deps.policy.externalLinkAllowlist)) return { opened: false };
      await deps.openExternal(url);
      return { opened: true };
    },
  };
}
