import type { AgentStateService } from '../../core/agent/agentStateService';
import { offeredLists, type MachinePolicy } from '../../core/settings/machinePolicy';
import type { HandlersOf } from './handlerTypes';

/** Ready / Not Ready, the idle question's answer, and the lists IT offers. */
export function agentHandlers(deps: {
  agent: AgentStateService;
  policy: MachinePolicy;
  onPresent: () => void;
}): HandlersOf<'agent.' | 'work.'> {
  return {
    'agent.present': () => {
      deps.onPresent();
      return { ok: true as const };
    },
    'agent.get': () => deps.agent.view(),
    'work.lists': () => offeredLists(deps.policy.lists),
    'agent.set': (request) =>
      request.state === 'notReady' &&
      !offeredLists(deps.policy.lists).notReadyReasons.includes(request.reason)
        ? { ok: false, error: 'notAllowed' }
        : deps.agent.apply(
            request.state === 'ready'
              ? { type: 'goReady' }
              : { type: 'goNotReady', reason: request.reason },
          ),
  };
}
