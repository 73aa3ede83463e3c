import { buildDueReoffers } from '../campaigns/reofferRules';
import type { FileJobRunner } from '../clients/fileJobs/fileJobRunner';
import type { Clock, Logger } from '../platform/ports';
import type { MachinePolicy } from '../settings/machinePolicy';
import type { EventSink } from './eventSink';
import type { WorkstationDatabase } from './workstationDatabase';

/**
 * Re-offer rules come due when their offer comes into force: looked at when
 * the base opens and every hour after; each due list is built on the
 * file-job worker, and the Outbound section hears of it.
 */
export function startReofferRules(deps: {
  database: () => Promise<Pick<WorkstationDatabase, 'db' | 'location'>>;
  files: Pick<FileJobRunner, 'run'>;
  policy: Pick<MachinePolicy, 'outbound'>;
  clock: Clock;
  logger: Logger;
  send: EventSink;
  everyMs?: number;
}): { stop(): void; lookNow(): Promise<void> } {
  let running: Promise<void> | undefined;
  const look = async () => {
    const base = await deps.database();
    const built = await buildDueReoffers({
      sqlite: base.db.sqlite,
      now: deps.clock.now(),
      logger: deps.logger,
      build: (campaignId, refusedWith) =>
        deps.files.run({
          task: 'campaignBuild',
          database: base.location,
          campaignId,
          source: { refusedWith },
          countries: deps.policy.outbound.countries,
          at: deps.clock.now().toISOString(),
        }),
    });
    for (const list of built) deps.send('campaigns.changed', list);
  };
  const lookNow = () =>
    (running ??= look()
      .catch((error: unknown) =>
        deps.logger.warn('re-offer rules could not be looked at', { error: String(error) }),
      )
      .finally(() => {
        running = undefined;
      }));
  void lookNow();
  const timer = setInterval(() => void lookNow(), deps.everyMs ?? 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer), lookNow };
}
