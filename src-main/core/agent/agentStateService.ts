import { EventEmitter } from 'node:events';
import type { Clock } from '../platform/ports';
import type { WorkstationStatusBoard } from '../status/workstationStatusBoard';
import { transition, type AgentEvent, type AgentState } from './agentStateMachine';
import type { AgentStateView } from '../../../src-shared/agent/agentStateView';

export interface AgentStateRecord {
  at: string;
  actor: string;
  state: AgentState['name'];
  reason: string | null;
}

/**
 * The operator's current state: changed only through the state machine,
 * every change journaled with its time and shown in the status bar.
 */
export class AgentStateService {
  private state: AgentState = { name: 'notReady', reason: 'starting' };
  private since: string;
  private readonly events = new EventEmitter<{ changed: [AgentStateView] }>();

  constructor(
    private readonly status: WorkstationStatusBoard,
    private readonly clock: Clock,
    private readonly journal: (record: AgentStateRecord) => void,
    private readonly actor: string,
  ) {
    this.since = clock.now().toISOString();
  }

  view(): AgentStateView {
    return {
      name: this.state.name,
      ...(this.state.name === 'notReady' ? { reason: this.state.reason } : {}),
      ...((this.state.name === 'onCall' || this.state.name === 'wrapUp') &&
      this.state.pendingNotReady !== undefined
        ? { pendingNotReady: this.state.pendingNotReady }
        : {}),
      since: this.since,
    };
  }

  apply(
    event: AgentEvent,
  ): { ok: true; view: AgentStateView } | { ok: false; error: 'notAllowed' | 'wrapUpIncomplete' } {
    const result = transition(this.state, event);
    if (!result.ok) return result;
    const changedName = result.state.name !== this.state.name;
    const changedReason =
      result.state.name === 'notReady' &&
      this.state.name === 'notReady' &&
      result.state.reason !== this.state.reason;
    this.state = result.state;
    if (changedName || changedReason) {
      this.since = this.clock.now().toISOString();
      this.journal({
        at: this.since,
        actor: this.actor,
        state: this.state.name,
        reason: this.state.name === 'notReady' ? this.state.reason : null,
      });
      this.status.setAgentState(
        this.state.name,
        this.state.name === 'notReady' ? this.state.reason : undefined,
      );
    }
    const view = this.view();
    this.events.emit('changed', view);
    return { ok: true, view };
  }

  onChanged(listener: (view: AgentStateView) => void): () => void {
    this.events.on('changed', listener);
    return () => this.events.off('changed', listener);
  }
}
