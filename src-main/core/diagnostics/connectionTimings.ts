import type { Clock } from '../platform/ports';

export type ConnectionTiming =
  /** From starting the agent (a launch, a saved account, a reconnect) to the PBX's answer. */
  | { kind: 'registration'; ms: number; result: string }
  /** From a call's media connection opening in the window to ICE connected (or failed). */
  | { kind: 'ice'; ms: number; result: 'connected' | 'completed' | 'failed' };

const keep = 100;

/**
 * How long registration and each call's ICE took, the last hundred, for the
 * diagnostics bundle: "calls take long to connect" is answered with figures.
 */
export class ConnectionTimings {
  private readonly entries: (ConnectionTiming & { at: string })[] = [];

  constructor(private readonly clock: Clock) {}

  record(timing: ConnectionTiming): void {
    this.entries.push({ at: this.clock.now().toISOString(), ...timing, ms: Math.round(timing.ms) });
    if (this.entries.length > keep) this.entries.splice(0, this.entries.length - keep);
  }

  list(): readonly (ConnectionTiming & { at: string })[] {
    return [...this.entries];
  }
}
