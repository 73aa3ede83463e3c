import { createRequire } from 'node:module';
import type { Logger } from '../core/platform/ports';
import { policyKeys } from '../core/settings/policyKeys';
import { macPreferencesDomain, registryRoot } from '../core/settings/policyPlaces';
import type { PolicyValues } from '../core/settings/policySources';

interface PolicyWatcherModule {
  createWatcher(
    productName: string,
    policies: Record<string, { type: 'string' | 'number' | 'boolean' }>,
    onDidChange: (update: Record<string, string | number | boolean | undefined>) => void,
    options?: { registryPath?: string },
  ): { dispose(): void };
}

/**
 * IT's policy from the registry on Windows (HKLM, then HKCU, as Group Policy
 * orders them) and from managed preferences on macOS, through VS Code's
 * @vscode/policy-watcher: it reports every value at start and each change as
 * it happens. Elsewhere there is only the file. The module is native and
 * optional: if it cannot load, that is said in the log and the diagnostics,
 * and the file still applies.
 */
export function watchOsPolicy(
  onValues: (values: PolicyValues) => void,
  logger: Logger,
): { dispose(): void; source: string } {
  if (process.platform !== 'win32' && process.platform !== 'darwin')
    return { dispose: () => undefined, source: 'file only' };
  let watcherModule: PolicyWatcherModule;
  try {
    watcherModule = createRequire(import.meta.url)('@vscode/policy-watcher') as PolicyWatcherModule;
  } catch (error) {
    logger.error('machine policy: the registry / managed preferences reader did not load', {
      detail: String(error),
    });
    return { dispose: () => undefined, source: 'file only (policy-watcher missing)' };
  }
  const policies = Object.fromEntries(
    policyKeys.map((key) => [
      key.name,
      {
        type:
          key.kind.type === 'number' || key.kind.type === 'boolean'
            ? key.kind.type
            : ('string' as const),
      },
    ]),
  );
  const values: PolicyValues = {};
  const watcher = watcherModule.createWatcher(
    process.platform === 'darwin' ? macPreferencesDomain : 'Pult',
    policies,
    (update) => {
      // Each update carries the values that changed; undefined is a value IT removed.
      for (const [name, value] of Object.entries(update)) {
        if (value === undefined) Reflect.deleteProperty(values, name);
        else values[name] = value;
      }
      onValues({ ...values });
    },
    { registryPath: registryRoot },
  );
  return {
    dispose: () => watcher.dispose(),
    source:
      process.platform === 'darwin'
        ? `managed preferences ${macPreferencesDomain}`
        : `HKLM/HKCU\\${registryRoot}`,
  };
}
