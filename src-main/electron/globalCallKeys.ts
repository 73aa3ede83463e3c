import { globalShortcut } from 'electron';
import type { Logger } from '../core/platform/ports';
import type { SettingsService } from '../core/settings/settingsService';
import type { CallController } from '../core/telephony/callController';
import { callActionForKey, toAccelerator } from '../../src-shared/telephony/callHotkeys';

/**
 * Answer and hang up from any program (a CRM in the foreground, a browser),
 * when the operator turned it on. Only these two keys: the others would take
 * keys away from every other program on the PC.
 */
export function startGlobalCallKeys(
  settings: SettingsService,
  calls: CallController,
  logger: Logger,
) {
  let registered: string[] = [];
  const apply = () => {
    for (const accelerator of registered) globalShortcut.unregister(accelerator);
    registered = [];
    const values = settings.view().values;
    if (!values.globalCallHotkeys) return;
    for (const key of ['answer', 'hangUp'] as const) {
      const accelerator = toAccelerator(values.hotkeys[key]);
      const ok = globalShortcut.register(accelerator, () => {
        const action = callActionForKey(key, calls.list());
        if (action !== undefined) calls.act(action);
      });
      if (ok) registered.push(accelerator);
      else logger.warn('hotkeys: another program holds this key', { accelerator });
    }
  };
  apply();
  settings.onChanged(apply);
  return () => {
    for (const accelerator of registered) globalShortcut.unregister(accelerator);
    registered = [];
  };
}
