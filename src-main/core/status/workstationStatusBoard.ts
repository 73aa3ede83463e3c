import { EventEmitter } from 'node:events';
import type { Clock } from '../platform/ports';
import type { WorkstationStatus } from '../../../src-shared/status/workstationStatusSchema';

type Part = Exclude<keyof WorkstationStatus, 'agent'>;

/**
 * The one place the status bar reads from. Each capability (telephony, headset,
 * database, agent state) reports its own part; the board tells listeners once
 * per real change, so the renderer is not flooded with repeats.
 */
export class WorkstationStatusBoard {
  private readonly events = new EventEmitter<{ changed: [WorkstationStatus] }>();
  private status: WorkstationStatus;

  constructor(private readonly clock: Clock) {
    this.status = {
      agent: { state: 'notReady', reason: 'starting', since: clock.now().toISOString() },
      sip: { state: 'notConfigured' },
      headset: { state: 'none' },
      database: { state: 'notConfigured' },
    };
  }

  current(): WorkstationStatus {
    return structuredClone(this.status);
  }

  setAgentState(state: WorkstationStatus['agent']['state'], reason?: string): void {
    if (this.status.agent.state === state && this.status.agent.reason === reason) return;
    const agent = { state, since: this.clock.now().toISOString() };
    this.status = { ...this.status, agent: reason === undefined ? agent : { ...agent, reason } };
    this.emit();
  }

  set<P extends Part>(part: P, value: WorkstationStatus[P]): void {
    if (JSON.stringify(this.status[part]) === JSON.stringify(value)) return;
    this.status = { ...this.status, [part]: value };
    this.emit();
  }

  onChanged(listener: (status: WorkstationStatus) => void): () => void {
    this.events.on('changed', listener);
    return () => this.events.off('changed', listener);
  }

  private emit(): void {
    this.events.emit('changed', this.current());
  }
}
