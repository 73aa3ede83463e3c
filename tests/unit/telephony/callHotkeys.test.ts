import { describe, expect, it } from 'vitest';
import { callView } from '../../support/callViews';
import { callActionForKey, toAccelerator } from '../../../src-shared/telephony/callHotkeys';

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

describe('global hotkeys', () => {
  it('Settings keys become Electron accelerators', () => {
    expect(toAccelerator('F2')).toBe('F2');
    expect(toAccelerator('mod+Enter')).toBe('CommandOrControl+Enter');
    expect(toAccelerator('alt+shift+h')).toBe('Alt+Shift+H');
    expect(toAccelerator('ctrl+pagedown')).toBe('Control+PageDown');
  });
});
