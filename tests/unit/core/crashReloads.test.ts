import { describe, expect, it } from 'vitest';
import { CrashReloads } from '../../../src-main/core/window/crashReloads';

describe('reloading a crashed window', () => {
  it('reloads after a crash, not after a clean exit, and not again within the quiet time', () => {
    const reloads = new CrashReloads(30_000);
    expect(reloads.shouldReload('clean-exit', 0)).toBe(false);
    expect(reloads.shouldReload('crashed', 1_000)).toBe(true);
    expect(reloads.shouldReload('oom', 20_000)).toBe(false);
    expect(reloads.shouldReload('crashed', 60_000)).toBe(true);
  });
});
