import { CampaignBook } from '../../core/campaigns/campaignBook';
import type { FileJobRunner } from '../../core/clients/fileJobs/fileJobRunner';
import type { Clock, Logger } from '../../core/platform/ports';
import type { MachinePolicy } from '../../core/settings/machinePolicy';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import { IpcRejection } from '../result';
import type { HandlersOf } from './handlerTypes';

/** The Outbound section: campaigns, and their lists built from the base on a worker. */
export function campaignHandlers(deps: {
  database: () => Promise<WorkstationDatabase>;
  files: FileJobRunner;
  policy: MachinePolicy;
  actor: string;
  clock: Clock;
  logger: Logger;
  language: () => 'uk' | 'en';
}): HandlersOf<'campaigns.'> {
  const book = async () => new CampaignBook((await deps.database()).db.sqlite);
  return {
    'campaigns.list': async () => (await book()).list(deps.clock.now()),
    'campaigns.refusalReasons': async () => (await book()).refusalReasons(deps.language()),
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
