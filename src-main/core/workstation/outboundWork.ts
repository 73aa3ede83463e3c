import type { AgentStateService } from '../agent/agentStateService';
import { DialAttempts } from '../campaigns/dialAttempts';
import { LeadOutcomes } from '../campaigns/leadOutcomes';
import { LeadPicker } from '../campaigns/leadPicker';
import { OutboundDesk } from '../campaigns/outboundDesk';
import { TeamLeads } from '../sync/teamLeads';
import type { TeamConnection } from '../sync/pgConnection';
import { maskPhone } from '../phones/phoneMasking';
import type { Clock, Logger } from '../platform/ports';
import type { MachinePolicy } from '../settings/machinePolicy';
import type { EventSink } from './eventSink';
import type { CallCenter } from './callCenter';
import type { WorkstationDatabase } from './workstationDatabase';

/**
 * The operator's outbound desk over the open base, fed by the calls, the
 * wrap-ups and the operator's state. Opened with the base (a wrap-up of a
 * lead's call reaches its lead even before a session is started again).
 */
export function startOutbound(deps: {
  database: () => Promise<Pick<WorkstationDatabase, 'db'>>;
  callCenter: Pick<CallCenter, 'calls' | 'onCallsChanged' | 'onWrappedUp'>;
  agent: Pick<AgentStateService, 'view' | 'onChanged'>;
  policy: MachinePolicy;
  dialTarget: (typed: string) => string | undefined;
  clock: Clock;
  logger: Logger;
  actor: string;
  language: () => 'uk' | 'en';
  send: EventSink;
  /** The center's connection (team mode); rejects when there is none. */
  teamConnection: () => Promise<TeamConnection>;
}) {
  let opened: OutboundDesk | undefined;
  let team: TeamLeads | undefined;
  const listeners: (() => void)[] = [];
  let opening: Promise<OutboundDesk> | undefined;
  const open = () =>
    (opening ??= deps
      .database()
      .then(({ db }) => {
        const { sqlite } = db;
        const attempts = new DialAttempts(sqlite, deps.actor);
        team = new TeamLeads(sqlite, {
          connection: deps.teamConnection,
          clock: deps.clock,
          logger: deps.logger,
        });
        opened = new OutboundDesk({
          team,
          sqlite,
          picker: new LeadPicker(sqlite, () => deps.policy.outbound.countries),
          attempts,
          outcomes: new LeadOutcomes(sqlite, attempts),
          dial: (e164, callerId) => {
            const target = deps.dialTarget(e164);
            if (target === undefined) return { ok: false, error: 'invalidNumber' };
            return deps.callCenter.calls.dial(target, {
              callerId: callerId ?? undefined,
            });
          },
          agentState: () => deps.agent.view().name,
          clock: deps.clock,
          logger: deps.logger,
          actor: deps.actor,
          language: deps.language,
          autoDialSeconds: () => deps.policy.outbound.previewAutoDialSeconds,
          showNumber: (e164) => (deps.policy.privacy.maskCard ? maskPhone(e164) : e164),
          onChanged: (view) => {
            deps.send('campaigns.session.changed', view);
            for (const listener of listeners) listener();
          },
        });
        return opened;
      })
      .catch((error: unknown) => {
        opening = undefined;
        throw error;
      }));
  // Each of these reaches the desk only once it exists; it exists as soon as the base is open.
  const safely = (what: string, act: (desk: OutboundDesk) => void) => {
    if (opened === undefined) return;
    try {
      act(opened);
    } catch (error) {
      deps.logger.error('outbound: could not follow the call', { what, error: String(error) });
      try {
        opened.reportProblem();
      } catch {
        // The log has it; the window hears nothing more from a desk that cannot read its view.
      }
    }
  };
  deps.callCenter.onCallsChanged((list) => safely('calls', (desk) => desk.callsChanged(list)));
  deps.callCenter.onWrappedUp((wrapUp) => {
    if (wrapUp.disposition === undefined) return;
    const { interactionId, disposition, callbackAt } = wrapUp;
    safely('wrapUp', (desk) => desk.wrappedUp({ interactionId, disposition, callbackAt }));
  });
  deps.agent.onChanged(() => safely('agent', (desk) => desk.agentChanged()));
  void open().catch(() => undefined);
  // What was done offline on a team list's leads reaches the center once it is back.
  const settleTimer = setInterval(() => void team?.settle().catch(() => undefined), 15_000);
  settleTimer.unref();
  return {
    desk: open,
    /** Team lists: a supervisor gives a list to the team. */
    team: async () => {
      await open();
      if (team === undefined) throw new Error('the outbound desk is not open');
      return team;
    },
    stop: () => clearInterval(settleTimer),
    /** A list is being worked (not paused): an update waits for it. */
    working: () => opened?.working() ?? false,
    onChanged: (listener: () => void) => listeners.push(listener),
  };
}

export type OutboundWork = ReturnType<typeof startOutbound>;
