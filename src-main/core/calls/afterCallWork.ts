import type { AgentEvent } from '../agent/agentStateMachine';
import type { AgentStateView } from '../../../src-shared/agent/agentStateView';
import type { Clock, Logger } from '../platform/ports';
import { offeredLists, type MachinePolicy } from '../settings/machinePolicy';
import type { CallView } from '../../../src-shared/telephony/callView';
import { CallWork } from './callWork';
import type { WrapUp, WrapUpResult } from './wrapUp';
import type { WrapUpInput } from '../../../src-shared/calls/wrapUpSchema';

export interface AfterCallWorkDeps {
  agent: { view(): AgentStateView; apply(event: AgentEvent): unknown };
  policy: Pick<MachinePolicy, 'calls' | 'lists'>;
  wrapUps: () => Promise<WrapUp>;
  actor: string;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/**
 * The operator's work around calls: On Call while working, wrap-up after a
 * call talked on (queued when a call is taken before the last one is written),
 * IT's time limit for wrap-up, and Ready again only when none is left.
 */
export class AfterCallWork {
  private readonly work = new CallWork();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private deadline: Date | null = null;
  private readonly wrappedUp: ((wrapUp: WrapUpInput) => void)[] = [];

  constructor(private readonly deps: AfterCallWorkDeps) {}

  callsChanged(list: readonly CallView[]): void {
    const event = this.work.update(list);
    if (event?.type === 'callStarted') {
      clearTimeout(this.timer);
      this.deps.agent.apply({ type: 'callStarted' });
    }
    if (event?.type === 'callEnded') {
      const pending = this.work.pendingWrapUps.length > 0;
      this.deps.agent.apply({ type: 'callEnded', wrapUp: pending });
      if (pending) this.startClock();
    }
  }

  /** The call waiting for its wrap-up, with what the form offers. */
  async pending(language: 'uk' | 'en') {
    const interactionId = this.work.pendingWrapUps[0];
    if (interactionId === undefined || this.deps.agent.view().name !== 'wrapUp') return null;
    const wrapUps = await this.deps.wrapUps();
    const summary = wrapUps.callSummary(interactionId);
    if (summary === undefined) return null;
    return {
      interactionId,
      ...summary,
      reasons: wrapUps.refusalReasons(language),
      deadline: this.deadline?.toISOString() ?? null,
      whenTimeUp: this.deps.policy.calls.wrapUp.whenTimeUp,
      dispositions: offeredLists(this.deps.policy.lists).dispositions,
    };
  }

  /** A wrap-up saved, heard before the operator is Ready again (an outbound lead moves first). */
  onWrappedUp(listener: (wrapUp: WrapUpInput) => void): void {
    this.wrappedUp.push(listener);
  }

  async finish(input: Omit<WrapUpInput, 'interactionId'>): Promise<WrapUpResult> {
    const interactionId = this.work.pendingWrapUps[0];
    if (interactionId === undefined)
      return { ok: false, fieldErrors: { interactionId: 'notFound' } };
    const offered = offeredLists(this.deps.policy.lists).dispositions.flatMap((g) => g.items);
    if (input.disposition !== undefined && !offered.includes(input.disposition))
      return { ok: false, fieldErrors: { disposition: 'unknown' } };
    const result = (await this.deps.wrapUps()).finish({ ...input, interactionId }, this.deps.actor);
    if (result.ok) {
      this.work.pendingWrapUps.shift();
      for (const listener of this.wrappedUp) {
        try {
          listener({ ...input, interactionId });
        } catch (error) {
          // The wrap-up is saved; what listens must not keep the operator from Ready.
          this.deps.logger.warn('after a wrap-up: a listener failed', { error: String(error) });
        }
      }
      // Ready (or the Not Ready asked for) only when no call is left without its wrap-up.
      if (this.work.pendingWrapUps.length === 0) {
        clearTimeout(this.timer);
        this.deps.agent.apply({ type: 'finishWrapUp', complete: true });
      }
    }
    return result;
  }

  /** Time-boxed wrap-up, as IT configured it: a deadline the form counts down to. */
  private startClock(): void {
    clearTimeout(this.timer);
    const { limitSeconds, whenTimeUp } = this.deps.policy.calls.wrapUp;
    this.deadline =
      limitSeconds > 0 ? new Date(this.deps.clock.now().getTime() + limitSeconds * 1000) : null;
    if (limitSeconds === 0 || whenTimeUp !== 'ready') return;
    this.timer = setTimeout(() => {
      if (this.deps.agent.view().name !== 'wrapUp') return;
      // The calls keep their rows, without an outcome; back to work as the policy says.
      this.deps.logger.info('wrap-up time is up', { calls: this.work.pendingWrapUps.length });
      this.work.pendingWrapUps.length = 0;
      this.deps.agent.apply({ type: 'wrapUpTimeUp' });
    }, limitSeconds * 1000);
  }
}
