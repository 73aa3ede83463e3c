import { describe, expect, it } from 'vitest';
import type { CallAction, CallView } from '../../../src-shared/telephony/callView';
import { headsetCalls, headsetIndicators } from '../../../src-main/core/telephony/headsetCalls';
import { callView } from '../../support/callViews';

const call = callView;

function withCalls(list: CallView[]) {
  const acted: CallAction[] = [];
  let redials = 0;
  const port = headsetCalls({
    list: () => list,
    act: (a) => {
      acted.push(a);
      return true;
    },
    redial: () => redials++,
  });
  return { port, acted, redials: () => redials };
}

describe('headset buttons on calls', () => {
  it('flash takes a waiting call while talking; otherwise it swaps hold', () => {
    const waiting = withCalls([call(1, { state: 'active' }), call(2, {})]);
    waiting.port.perform('flash');
    expect(waiting.acted).toEqual([{ action: 'answer', id: 2 }]);
    const talking = withCalls([call(1, { state: 'active' })]);
    talking.port.perform('flash');
    expect(talking.acted).toEqual([{ action: 'hold', id: 1 }]);
    const held = withCalls([call(1, { state: 'held' })]);
    held.port.perform('flash');
    expect(held.acted).toEqual([{ action: 'resume', id: 1 }]);
    // One call held, another talked on: flash swaps them (resume holds the other).
    const two = withCalls([call(1, { state: 'active' }), call(2, { state: 'held' })]);
    two.port.perform('flash');
    expect(two.acted).toEqual([{ action: 'resume', id: 2 }]);
  });

  it('mute toggles the call being talked on; hang-up ends it, not the waiting one', () => {
    const both = withCalls([call(1, { state: 'active', muted: true }), call(2, {})]);
    both.port.perform('toggleMute');
    both.port.perform('hangUp');
    expect(both.acted).toEqual([
      { action: 'mute', id: 1, muted: false },
      { action: 'hangup', id: 1 },
    ]);
    expect(both.port.view()).toEqual({ ringing: true, inCall: true });
  });

  it('lights: ring while an inbound call rings, off-hook while talking, hold when only held', () => {
    expect(headsetIndicators([call(1, {})])).toEqual({
      offHook: false,
      ring: true,
      muted: false,
      held: false,
    });
    expect(headsetIndicators([call(1, { state: 'held' })])).toEqual({
      offHook: true,
      ring: false,
      muted: false,
      held: true,
    });
    expect(headsetIndicators([call(1, { direction: 'outbound' })]).ring).toBe(false);
  });
});
