/**
 * An operator who is Ready but has not touched the PC for a while may have
 * walked away, and the next call would ring at an empty desk. The watcher
 * asks first; with no answer within the grace time, the agent goes Not
 * Ready (away). Any input, or an answer, calls it off.
 */
export class IdleWatcher {
  private askedAt: number | undefined;

  constructor(
    private readonly options: {
      /** Seconds since the last keyboard or mouse input (powerMonitor.getSystemIdleTime in the app). */
      idleSeconds: () => number;
      isReady: () => boolean;
      ask: () => void;
      cancelAsk: () => void;
      goAway: () => void;
      now: () => number;
      thresholdSeconds: number;
      graceSeconds: number;
    },
  ) {}

  /** Called every few seconds. */
  tick(): void {
    const o = this.options;
    if (!o.isReady()) {
      this.reset();
      return;
    }
    const idle = o.idleSeconds();
    if (this.askedAt === undefined) {
      if (idle >= o.thresholdSeconds) {
        this.askedAt = o.now();
        o.ask();
      }
      return;
    }
    if (idle < (o.now() - this.askedAt) / 1000) {
      // Input since we asked: they are here.
      this.reset();
    } else if (o.now() - this.askedAt >= o.graceSeconds * 1000) {
      this.askedAt = undefined;
      o.cancelAsk();
      o.goAway();
    }
  }

  /** "Yes, I am here." */
  present(): void {
    this.reset();
  }

  private reset(): void {
    if (this.askedAt === undefined) return;
    this.askedAt = undefined;
    this.options.cancelAsk();
  }
}
