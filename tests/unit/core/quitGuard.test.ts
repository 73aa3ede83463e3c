import { describe, expect, it } from 'vitest';
import { LiveCallRegistry } from '../../../src-main/core/telephony/liveCallRegistry';
import { QuitGuard } from '../../../src-main/core/telephony/quitGuard';

describe('quitting during a call', () => {
  it('quits without asking when no call is live', () => {
    let asked = 0;
    const guard = new QuitGuard(new LiveCallRegistry(), () => (asked++, false));
    expect(guard.mayQuit()).toBe(true);
    expect(asked).toBe(0);
  });

  it('asks while a call is live, stays when told so, and asks once when told to quit', () => {
    const calls = new LiveCallRegistry();
    calls.add('call-1');
    const answers = [false, true];
    let asked = 0;
    const guard = new QuitGuard(calls, () => answers[asked++] ?? false);
    expect(guard.mayQuit()).toBe(false); // "Stay"
    expect(guard.mayQuit()).toBe(true); // "End the call and quit"
    expect(guard.mayQuit()).toBe(true); // window close, then before-quit: not asked again
    expect(asked).toBe(2);
  });

  it('stops asking when the call has ended meanwhile', () => {
    const calls = new LiveCallRegistry();
    calls.add('call-1');
    const guard = new QuitGuard(calls, () => false);
    expect(guard.mayQuit()).toBe(false);
    calls.remove('call-1');
    expect(guard.mayQuit()).toBe(true);
  });
});
