import type { Clock } from '../../core/platform/ports';
import { HelpCalls } from '../../core/sync/helpCalls';
import { SupervisorDesk } from '../../core/sync/supervisorDesk';
import type { CallView } from '../../../src-shared/telephony/callView';
import { TeamPublishing } from '../../core/sync/teamPublishing';
import { OpenCallbacks } from '../../core/sync/teamCallbacks';
import type { TeamSync } from '../../core/sync/teamSync';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import type { HandlersOf } from './handlerTypes';
import { refusalsAsCodesAsync } from './refusalsAsCodes';

/**
 * Team sync in Settings (where it stands, the operator's password, "send
 * now") and the supervisor's desk (day-off requests, field clashes).
 */
export function syncHandlers(
  sync: TeamSync,
  database: () => Promise<WorkstationDatabase>,
  clock: Clock,
  telephony: {
    calls: () => readonly CallView[];
    /** This desk's own line (the SIP user), where a colleague's call is transferred. */
    ownLine: () => string | undefined;
    showNumber: (number: string) => string;
  },
): HandlersOf<'sync.' | 'team.'> {
  const help = new HelpCalls({
    connection: () => sync.connection(),
    showNumber: telephony.showNumber,
  });
  let made:
    | {
        base: WorkstationDatabase;
        desk: SupervisorDesk;
        publishing: TeamPublishing;
        callbacks: OpenCallbacks;
      }
    | undefined;
  const opened = async () => {
    const base = await database();
    const center = { clock, connection: () => sync.connection(), pullNow: () => sync.pullNow() };
    if (made?.base !== base)
      made = {
        base,
        desk: new SupervisorDesk(base.db.sqlite, center),
        publishing: new TeamPublishing(base.db, center),
        callbacks: new OpenCallbacks(base.db.sqlite, center),
      };
    return made;
  };
  const supervisor = async () => (await opened()).desk;
  return {
    'sync.view': () => sync.view(),
    'sync.setPassword': ({ password }) => sync.setPassword(password),
    'sync.pushNow': () => sync.pushNow(),
    'team.supervisor': async (ask) => (await supervisor()).view(ask?.figuresPeriod),
    'team.decideDayOff': async (input) => {
      const desk = await supervisor();
      return refusalsAsCodesAsync(() => desk.decideDayOff(input));
    },
    'team.resolveClash': async (input) => {
      const desk = await supervisor();
      return refusalsAsCodesAsync(() => desk.resolveClash(input));
    },
    'team.shareScript': async ({ scriptId }) => {
      const { publishing } = await opened();
      return refusalsAsCodesAsync(() => publishing.script(scriptId));
    },
    'team.peers': async () => (await supervisor()).peers(),
    'team.openCallbacks': async () => (await opened()).callbacks.list(),
    'team.takeCallback': async ({ uid }) => {
      const { callbacks } = await opened();
      return refusalsAsCodesAsync(() => callbacks.take(uid)).then(() => null);
    },
    'team.askHelp': ({ callId }) =>
      refusalsAsCodesAsync(() => help.ask(telephony.calls().find((call) => call.id === callId))),
    'team.answerHelp': ({ uid }) =>
      refusalsAsCodesAsync(() => help.answer(uid, telephony.ownLine())).then(() => null),
    'team.shareTargets': async () => {
      const { publishing } = await opened();
      return refusalsAsCodesAsync(() => publishing.targets());
    },
    'team.shareCatalogue': async () => {
      const { publishing } = await opened();
      return refusalsAsCodesAsync(() => publishing.catalogue());
    },
  };
}
