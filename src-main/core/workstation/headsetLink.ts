import { HeadsetMonitor } from '../headset/headsetMonitor';
import { listHidDevices, openHidDevice, readReportDescriptor } from '../headset/nodeHidAdapter';
import type { Logger } from '../platform/ports';
import type { SettingsService } from '../settings/settingsService';
import type { WorkstationStatusBoard } from '../status/workstationStatusBoard';
import { headsetCalls, headsetIndicators } from '../telephony/headsetCalls';
import type { CallCenter } from './callCenter';

/**
 * The headset's buttons act on the calls, and its lights and ringer show
 * them; the one chosen in Settings is taken at once, not at the next poll.
 */
export function startHeadsets(deps: {
  callCenter: CallCenter;
  settings: SettingsService;
  status: WorkstationStatusBoard;
  logger: Logger;
}): HeadsetMonitor {
  const headsets = new HeadsetMonitor(
    { list: listHidDevices, descriptor: readReportDescriptor, open: openHidDevice },
    deps.status,
    headsetCalls(deps.callCenter.calls),
    deps.logger,
    {
      preferredId: () => {
        const chosen = deps.settings.view().values.headset;
        return chosen === '' ? undefined : chosen;
      },
    },
  );
  deps.settings.onChanged(() => void headsets.poll());
  deps.callCenter.onCallsChanged((list) => headsets.show(headsetIndicators(list)));
  headsets.start();
  return headsets;
}
