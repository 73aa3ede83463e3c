import { WrapUp } from '../calls/wrapUp';
import type { Clock } from '../platform/ports';
import { ScriptDesk } from '../scripts/scriptDesk';
import { ScriptLibrary } from '../scripts/scriptLibrary';
import { ScriptRuns } from '../scripts/scriptRuns';
import { scriptClientFields } from '../scripts/scriptText';
import type { MachinePolicy } from '../settings/machinePolicy';
import type { WorkstationDatabase } from './workstationDatabase';

/** The scripts of the open base, with what IT's policy and the base give them. */
export function scriptDeskOf(
  base: Pick<WorkstationDatabase, 'db' | 'clients'>,
  deps: { policy: MachinePolicy; clock: Clock; agentName: () => string },
): ScriptDesk {
  const { db } = base;
  const clientFields = (clientId: number) => {
    const card = base.clients.card(clientId);
    return card === null ? undefined : scriptClientFields(card);
  };
  const library = new ScriptLibrary(db, deps.clock);
  const wrapUps = new WrapUp(db, deps.clock);
  return new ScriptDesk({
    db,
    library,
    runs: new ScriptRuns(db, library, deps.clock, (id) => clientFields(id) ?? {}),
    clock: deps.clock,
    lines: () => deps.policy.scripts.lines,
    departments: () => deps.policy.calls.departments,
    refusalReasons: (language) => wrapUps.refusalReasons(language),
    client: clientFields,
    agentName: deps.agentName,
  });
}
