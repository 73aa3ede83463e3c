import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Logger } from '../platform/ports';

export interface MainStalls {
  /** The longest the event loop was held since the monitor started, in ms. */
  longestMs: number;
  /** The longest in the current window (up to a minute), in ms. */
  recentMs: number;
  /** Windows in which the loop was held past the report threshold. */
  windowsOverThreshold: number;
}

/**
 * Watches main's event loop, which answers calls: the longest delay a timer
 * saw (Node's event-loop-delay histogram), kept since start and per minute. A
 * minute in which main was held past `reportAboveMs` is logged with the
 * figure, so a stall an operator felt as a late 200 OK can be found in the
 * log. The bench reads the same monitor (main.maxStallMs).
 */
export class MainStallMonitor {
  private readonly histogram: IntervalHistogram;
  private timer: NodeJS.Timeout | undefined;
  private longestMs = 0;
  private windowsOverThreshold = 0;

  constructor(
    private readonly logger: Logger,
    private readonly options: { reportAboveMs: number; windowMs: number } = {
      reportAboveMs: 200,
      windowMs: 60_000,
    },
  ) {
    // 10 ms: a finer timer would itself be a load on the loop it watches.
    this.histogram = monitorEventLoopDelay({ resolution: 10 });
  }

  start(): this {
    this.histogram.enable();
    this.timer = setInterval(() => this.closeWindow(), this.options.windowMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.histogram.disable();
  }

  current(): MainStalls {
    const recentMs = this.recentMs();
    return {
      longestMs: Math.max(this.longestMs, recentMs),
      recentMs,
      windowsOverThreshold: this.windowsOverThreshold,
    };
  }

  private recentMs(): number {
    // The histogram's max is 0 until the first sample, and in nanoseconds.
    return this.histogram.count === 0 ? 0 : Math.round(this.histogram.max / 1e5) / 10;
  }

  private closeWindow(): void {
    const recentMs = this.recentMs();
    this.longestMs = Math.max(this.longestMs, recentMs);
    if (recentMs > this.options.reportAboveMs) {
      this.windowsOverThreshold++;
      this.logger.warn('main process was held', {
        longestMs: recentMs,
        p99Ms: Math.round(this.histogram.percentile(99) / 1e5) / 10,
      });
    }
    this.histogram.reset();
  }
}
