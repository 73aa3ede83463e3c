import type { AgentStateService } from '../agent/agentStateService';
import type { LiveCallRegistry } from '../telephony/liveCallRegistry';

/**
 * What the operator is busy with, for whatever must not interrupt them (an
 * update's install): a live call (ringing, talking, on hold), then a wrap-up,
 * then a call list being worked (a paused one lets an update in).
 */
export function operatorWork(
  liveCalls: Pick<LiveCallRegistry, 'count'>,
  agent: Pick<AgentStateService, 'view'>,
  outbound: { working(): boolean } = { working: () => false },
): 'call' | 'wrapUp' | 'outbound' | undefined {
  if (liveCalls.count() > 0) return 'call';
  const state = agent.view().name;
  if (state === 'onCall') return 'call';
  if (state === 'wrapUp') return 'wrapUp';
  if (outbound.working()) return 'outbound';
  return undefined;
}
