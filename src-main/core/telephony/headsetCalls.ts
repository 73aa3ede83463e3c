import type { HeadsetAction, HeadsetIndicators } from '../headset/headsetProtocol';
import type { HeadsetCalls } from '../headset/headsetSession';
import type { CallAction, CallView } from '../../../src-shared/telephony/callView';

export interface CallsForHeadset {
  list(): CallView[];
  act(action: CallAction): boolean;
  redial(): unknown;
}

const talking = (c: CallView) =>
  c.state === 'active' || c.state === 'held' || c.state === 'connecting';
const ringingIn = (c: CallView) => c.state === 'ringing' && c.direction === 'inbound';

/**
 * The headset's buttons in terms of calls: the hook answers the ringing call
 * or ends the one in progress, mute toggles the microphone of the call being
 * talked on, flash takes a waiting call (holding the current one) or swaps
 * hold, redial calls the last number again.
 */
export function headsetCalls(calls: CallsForHeadset): HeadsetCalls {
  return {
    view: () => {
      const list = calls.list();
      return { ringing: list.some(ringingIn), inCall: list.some(talking) };
    },
    perform: (action: HeadsetAction) => {
      const list = calls.list();
      const ringing = list.find(ringingIn);
      const active = list.find((c) => c.state === 'active' || c.state === 'connecting');
      const held = list.find((c) => c.state === 'held');
      switch (action) {
        case 'answer':
          if (ringing !== undefined) calls.act({ action: 'answer', id: ringing.id });
          break;
        case 'hangUp': {
          const current = active ?? held;
          if (current !== undefined) calls.act({ action: 'hangup', id: current.id });
          break;
        }
        case 'toggleMute':
          if (active !== undefined)
            calls.act({ action: 'mute', id: active.id, muted: !active.muted });
          break;
        case 'flash':
          if (ringing !== undefined) calls.act({ action: 'answer', id: ringing.id });
          // Two calls, one held: swap them (resuming holds the other).
          else if (held !== undefined) calls.act({ action: 'resume', id: held.id });
          else if (active !== undefined) calls.act({ action: 'hold', id: active.id });
          break;
        case 'redial':
          calls.redial();
          break;
      }
    },
  };
}

/** What the headset's lights and ringer show for these calls. */
export function headsetIndicators(list: readonly CallView[]): HeadsetIndicators {
  const active = list.find((c) => c.state === 'active' || c.state === 'connecting');
  return {
    offHook: list.some(talking),
    ring: list.some(ringingIn),
    muted: active?.muted ?? false,
    held: active === undefined && list.some((c) => c.state === 'held'),
  };
}
