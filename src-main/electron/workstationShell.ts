import { app } from 'electron';
import { MainStallMonitor } from '../core/diagnostics/mainStallMonitor';
import { mainStrings } from '../core/i18n/mainLocales';
import {
  machinePolicyPath,
  readPolicyFileText,
  watchPolicyFile,
} from '../core/settings/machinePolicyFile';
import { LivePolicy } from '../core/settings/livePolicy';
import { MachinePolicySources } from '../core/settings/policySources';
import { SettingsService } from '../core/settings/settingsService';
import type { UserSettings } from '../../src-shared/settings/userSettingsSchema';
import { invokeServer } from './ipcBinding';
import { electronJsonStore } from './jsonFileStores';
import { createMainLogger } from './logging';
import { watchOsPolicy } from './osPolicy';

/**
 * What the window needs before anything else (the log, IT's policy, the
 * operator's settings), made before the workstation's heavy imports: the
 * window is drawn with the operator's language and theme while main still
 * loads the database, SIP and the rest (see ShellServices.early).
 */
export function startShellServices(trustedOrigin: string) {
  const logger = createMainLogger();
  // Main answers calls: any hold of its event loop is measured and, past 200 ms a minute, logged.
  const stalls = new MainStallMonitor(logger).start();
  // IT's policy: the file, under the registry or managed preferences; applied live as IT changes it.
  const policySources = new MachinePolicySources(logger);
  const policyFile = machinePolicyPath();
  const livePolicy = new LivePolicy(policySources.fileChanged(readPolicyFileText(policyFile)));
  const osPolicy = watchOsPolicy(
    (values) => livePolicy.apply(policySources.valuesChanged(values)),
    logger,
  );
  const stopPolicyFile = watchPolicyFile(policyFile, (text) =>
    livePolicy.apply(policySources.fileChanged(text)),
  );
  app.on('will-quit', () => {
    osPolicy.dispose();
    stopPolicyFile();
  });
  const policy = livePolicy.current;
  const settings = new SettingsService(electronJsonStore<UserSettings>('settings'), policy, logger);
  const strings = () => mainStrings(settings.view().values.language);
  /** The window's first question (its settings), answered before the workstation is up, checked as every request is. */
  const early = invokeServer({ 'settings.get': () => settings.view() }, trustedOrigin, logger);
  return {
    logger,
    stalls,
    policyFile,
    livePolicy,
    policy,
    osPolicy,
    settings,
    strings,
    early,
  };
}

export type ShellServices = ReturnType<typeof startShellServices>;

/** The channels the shell answers before the workstation is up. */
export const earlyChannels = ['settings.get'] as const;
