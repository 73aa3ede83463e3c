import { WrapUp } from '../calls/wrapUp';
import type { Clock } from '../platform/ports';
import { ScriptDesk } from '../scripts/scriptDesk';
import { ScriptEditing } from '../scripts/scriptEditing';
import { ScriptLibrary } from '../scripts/scriptLibrary';
import { ScriptRuns } from '../scripts/scriptRuns';
import { scriptClientFields } from '../scripts/scriptText';
import type { MachinePolicy } from '../settings/machinePolicy';
import type { WorkstationDatabase } from './workstationDatabase';

/** The scripts of the open base (the runner's desk, the editor), with what IT's policy and the base give them. */
export function scriptsOf(
  base: Pick<WorkstationDatabase, 'db' | 'clients'>,
  deps: {
    policy: MachinePolicy;
    clock: Clock;
    agentName: () => string;
    language: () => 'uk' | 'en';
    /** The scripts IT ships in its folder (read-only), once read. */
    shipped?: () => ReadonlySet<number>;
  },
) {
  const { db } = base;
  const clientFields = (clientId: number) => {
    const card = base.clients.card(clientId);
    return card === null ? undefined : scriptClientFields(card);
  };
  const library = new ScriptLibrary(db, deps.clock);
  const wrapUps = new WrapUp(db, deps.clock);
  const editors = deps.policy.scripts.editors;
  return {
    library,
    desk: new ScriptDesk({
      db,
      library,
      runs: new ScriptRuns(db, library, deps.clock, (id) => clientFields(id) ?? {}),
      clock: deps.clock,
      lines: () => deps.policy.scripts.lines,
      departments: () => deps.policy.calls.departments,
      refusalReasons: (language) => wrapUps.refusalReasons(language),
      client: clientFields,
      agentName: deps.agentName,
      operatorsMay: () => deps.policy.scripts.operatorsMay,
      writeClientField: (clientId, field, value, actor) => {
        const card = base.clients.card(clientId);
        if (card === null) return false;
        const result = base.clients.update(
          clientId,
          {
            fullName: card.fullName,
            address: card.address,
            city: card.city,
            email: card.email,
            personalAccount: card.personalAccount,
            notes: card.notes,
            doNotCall: card.doNotCall,
            phones: card.phones.map((p) => ({
              raw: p.raw === '' ? p.e164 : p.raw,
              label: p.label,
            })),
            tags: card.tags,
            // Notes gain the answer; any other field takes it.
            [field]: field === 'notes' && card.notes !== '' ? `${card.notes}\n${value}` : value,
          },
          actor,
        );
        return result !== 'notFound' && result.ok;
      },
    }),
    editing: new ScriptEditing({
      library,
      mayEdit: (actor) => editors === undefined || editors.includes(actor) || editors.includes('*'),
      shipped: (scriptId) => deps.shipped?.().has(scriptId) ?? false,
      departments: () => deps.policy.calls.departments,
      refusalReasons: () => wrapUps.refusalReasons(deps.language()),
    }),
  };
}

export type WorkstationScripts = ReturnType<typeof scriptsOf>;
