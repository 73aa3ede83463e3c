import { CampaignBook } from '../../core/campaigns/campaignBook';
import { CallTimes } from '../../core/campaigns/callTimes';
import { Consents } from '../../core/campaigns/consents';
import type { FileJobRunner } from '../../core/clients/fileJobs/fileJobRunner';
import type { Clock, Logger } from '../../core/platform/ports';
import type { MachinePolicy } from '../../core/settings/machinePolicy';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import { IpcRejection } from '../result';
import type { HandlersOf } from './handlerTypes';
import { refusalsAsCodesAsync } from './refusalsAsCodes';
import type { OutboundDesk } from '../../core/campaigns/outboundDesk';
import type { OutboundWork } from '../../core/workstation/outboundWork';

/** The Outbound section: campaigns, and their lists built from the base on a worker. */
export function campaignHandlers(deps: {
  database: () => Promise<WorkstationDatabase>;
  files: FileJobRunner;
  policy: MachinePolicy;
  actor: string;
  clock: Clock;
  logger: Logger;
  language: () => 'uk' | 'en';
  outbound: Pick<OutboundWork, 'desk' | 'team'>;
}): HandlersOf<'campaigns.'> {
  const book = async () => new CampaignBook((await deps.database()).db.sqlite);
  /** Acts on the desk and answers with where the session stands now. */
  const onDesk =
    <R>(act: (desk: OutboundDesk, request: R) => unknown) =>
    async (request: R) => {
      const desk = await deps.outbound.desk();
      act(desk, request);
      return desk.view();
    };
  const consents = async () => new Consents((await deps.database()).db.sqlite);
  return {
    'campaigns.consent.view': async ({ clientId }) => (await consents()).of(clientId),
    'campaigns.consent.set': async ({ clientId, given, source }) => {
      const book = await consents();
      if (!book.set(clientId, given, source ?? 'call', deps.actor, deps.clock.now()))
        throw new IpcRejection('clientNotFound', `no client ${clientId}`);
      return book.of(clientId);
    },
    'campaigns.callTime.view': async ({ clientId }) =>
      new CallTimes((await deps.database()).db.sqlite).of(clientId),
    'campaigns.callTime.set': async ({ clientId, hours }) => {
      const times = new CallTimes((await deps.database()).db.sqlite);
      if (!times.set(clientId, hours, deps.actor, deps.clock.now()))
        throw new IpcRejection('clientNotFound', `no client ${clientId}`);
      return times.of(clientId);
    },
    'campaigns.session.view': onDesk(() => undefined),
    'campaigns.session.start': onDesk((desk, { campaignId, mode }) => {
      if (!desk.start(campaignId, mode))
        throw new IpcRejection(
          'campaignNotStarted',
          'no such active list, or a dial is in progress',
        );
    }),
    'campaigns.session.stop': onDesk((desk) => desk.stop()),
    'campaigns.session.pause': onDesk((desk) => desk.pause()),
    'campaigns.session.resume': onDesk((desk) => desk.resume()),
    'campaigns.session.call': onDesk((desk) => desk.call()),
    'campaigns.session.skip': onDesk((desk, { reason }) => desk.skip(reason)),
    'campaigns.session.remove': onDesk((desk, { level }) => desk.remove(level)),
    'campaigns.session.callback': onDesk((desk, { at }) => {
      if (desk.callback(new Date(at)) === 'past')
        throw new IpcRejection('callbackInPast', 'the callback time has already passed');
    }),
    'campaigns.list': async () => (await book()).list(deps.clock.now()),
    'campaigns.refusalReasons': async () => (await book()).refusalReasons(deps.language()),
    'campaigns.share': async ({ campaignId }) => {
      const team = await deps.outbound.team();
      return refusalsAsCodesAsync(() => team.publish(campaignId));
    },
    'campaigns.create': async (request) => ({
      id: (await book()).create(request, deps.actor, deps.clock.now()),
    }),
    'campaigns.build': async ({ campaignId, source }) => {
      const base = await deps.database();
      try {
        const summary = await deps.files.run({
          task: 'campaignBuild',
          database: base.location,
          campaignId,
          source,
          countries: deps.policy.outbound.countries,
          at: deps.clock.now().toISOString(),
        });
        deps.logger.info('campaign list built', { campaignId, added: summary.added });
        return summary;
      } catch (error) {
        throw new IpcRejection('campaignListNotBuilt', `The list was not built: ${String(error)}`);
      }
    },
  };
}
