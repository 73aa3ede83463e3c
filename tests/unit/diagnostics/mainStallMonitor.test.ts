import { describe, expect, it } from 'vitest';
import { MainStallMonitor } from '../../../src-main/core/diagnostics/mainStallMonitor';

const hold = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('main stall monitor', () => {
  it('sees main held by synchronous work, keeps the longest, and logs a window past the threshold', async () => {
    const warnings: Record<string, unknown>[] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      error: () => undefined,
      warn: (_: string, details?: Record<string, unknown>) => warnings.push(details ?? {}),
    };
    const monitor = new MainStallMonitor(logger, { reportAboveMs: 100, windowMs: 400 }).start();
    try {
      await tick(50);
      expect(monitor.current().longestMs).toBeLessThan(100);
      hold(250);
      await tick(50);
      expect(monitor.current().recentMs).toBeGreaterThanOrEqual(200);
      // The window closes: the figure is logged, kept as the longest, and the next window starts low.
      await tick(500);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.['longestMs']).toBeGreaterThanOrEqual(200);
      expect(monitor.current().longestMs).toBeGreaterThanOrEqual(200);
      expect(monitor.current().recentMs).toBeLessThan(100);
      expect(monitor.current().windowsOverThreshold).toBe(1);
    } finally {
      monitor.stop();
    }
  });
});
