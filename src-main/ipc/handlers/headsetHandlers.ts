import type { HeadsetMonitor } from '../../core/headset/headsetMonitor';
import type { HandlersOf } from './handlerTypes';

/** The telephony headsets plugged in, for Settings. */
export function headsetHandlers(deps: {
  headsets: Pick<HeadsetMonitor, 'headsets'>;
}): HandlersOf<'headset.'> {
  return { 'headset.list': () => deps.headsets.headsets() };
}
