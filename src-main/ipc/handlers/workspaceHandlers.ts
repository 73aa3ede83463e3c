import { loadDemoWorkspace } from '../../core/demo/demoWorkspace';
import type { Clock } from '../../core/platform/ports';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import { IpcRejection } from '../result';
import type { HandlersOf } from './handlerTypes';

/** The empty base's offer of a demo workspace, loaded only when the operator asks. */
export function workspaceHandlers(deps: {
  database: () => Promise<WorkstationDatabase>;
  clock: Clock;
  actor: string;
}): HandlersOf<'workspace.'> {
  return {
    'workspace.state': async () => (await deps.database()).clients.state(),
    'workspace.loadDemo': async () => {
      const { db, clients } = await deps.database();
      if (clients.state().hasClients)
        throw new IpcRejection('baseNotEmpty', 'The client base is not empty');
      return loadDemoWorkspace(db.sqlite, deps.clock, deps.actor);
    },
    'workspace.dismissDemo': async () => (await deps.database()).clients.dismissDemo(),
  };
}
