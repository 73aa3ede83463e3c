import { describe, expect, it } from 'vitest';
import { callView } from '../../support/callViews';
import { callActionForKey } from '../../../src-renderer/features/calls/callHotkeys';

const call = callView;

describe('call hotkeys', () => {
  it('hang-up never rejects a ringing call; it ends the call being talked on', () => {
    expect(callActionForKey('hangUp', [call(1, {})])).toBeUndefined();
    expect(
      callActionForKey('hangUp', [call(1, { state: 'held' }), call(2, { state: 'active' })]),
    ).toEqual({
      action: 'hangup',
      id: 2,
    });
  });

  it('hold toggles; mute flips the current state; answer takes only an inbound ringing call', () => {
    expect(callActionForKey('hold', [call(1, { state: 'held' })])).toEqual({
      action: 'resume',
      id: 1,
    });
    expect(callActionForKey('mute', [call(1, { state: 'active', muted: true })])).toEqual({
      action: 'mute',
      id: 1,
      muted: false,
    });
    expect(callActionForKey('answer', [call(1, { direction: 'outbound' })])).toBeUndefined();
  });
});
