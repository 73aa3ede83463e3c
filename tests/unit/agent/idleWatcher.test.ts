import { describe, expect, it } from 'vitest';
import { IdleWatcher } from '../../../src-main/core/agent/idleWatcher';

function setup(ready = true) {
  let now = 0;
  let lastInput = 0;
  const log: string[] = [];
  const state = { ready };
  const watcher = new IdleWatcher({
    idleSeconds: () => Math.floor((now - lastInput) / 1000),
    isReady: () => state.ready,
    ask: () => log.push('ask'),
    cancelAsk: () => log.push('cancel'),
    goAway: () => {
      log.push('away');
      state.ready = false;
    },
    now: () => now,
    thresholdSeconds: 300,
    graceSeconds: 60,
  });
  const advance = (seconds: number) => {
    for (let i = 0; i < seconds; i += 5) {
      now += 5000;
      watcher.tick();
    }
  };
  return { watcher, log, state, advance, input: () => (lastInput = now) };
}

describe('idle in Ready', () => {
  it('asks after the idle time, and with no answer goes Not Ready (away)', () => {
    const { log, state, advance } = setup();
    advance(295);
    expect(log).toEqual([]);
    advance(5);
    expect(log).toEqual(['ask']);
    advance(55);
    expect(log).toEqual(['ask']);
    advance(5);
    expect(log).toEqual(['ask', 'cancel', 'away']);
    expect(state.ready).toBe(false);
  });

  it('calls it off when the operator answers or touches the PC', () => {
    const answered = setup();
    answered.advance(300);
    answered.watcher.present();
    expect(answered.log).toEqual(['ask', 'cancel']);

    const moved = setup();
    moved.advance(300);
    moved.advance(10);
    moved.input();
    moved.advance(5);
    expect(moved.log).toEqual(['ask', 'cancel']);
    moved.advance(120);
    expect(moved.state.ready).toBe(true);
  });

  it('never asks when not Ready', () => {
    const { log, advance } = setup(false);
    advance(1000);
    expect(log).toEqual([]);
  });
});
