import type { TeamSync } from '../../core/sync/teamSync';
import type { HandlersOf } from './handlerTypes';

/** Team sync in Settings: where it stands, the operator's password, "send now". */
export function syncHandlers(sync: TeamSync): HandlersOf<'sync.'> {
  return {
    'sync.view': () => sync.view(),
    'sync.setPassword': ({ password }) => sync.setPassword(password),
    'sync.pushNow': () => sync.pushNow(),
  };
}
