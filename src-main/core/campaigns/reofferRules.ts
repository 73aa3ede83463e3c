import type BetterSqlite3 from 'better-sqlite3';
import { localDay } from '../../../src-shared/localDays';
import type { Logger } from '../platform/ports';
import type { BuildSummary } from './leadList';

/**
 * The lists whose re-offer rule is due: active, not built yet, and their
 * offer a tariff of the knowledge base in force today (the center's date).
 */
export function dueReoffers(
  sqlite: BetterSqlite3.Database,
  now: Date,
): { campaignId: number; reason: string }[] {
  return sqlite
    .prepare(
      `SELECT c.id AS campaignId, c.reoffer_reason AS reason FROM campaigns c
       JOIN tariffs t ON t.code = c.offer_code
       WHERE c.status = 'active' AND c.reoffer_reason IS NOT NULL AND c.built_at IS NULL
         AND t.active = 1 AND (t.valid_from IS NULL OR t.valid_from <= @today)
         AND (t.valid_to IS NULL OR t.valid_to >= @today)
       ORDER BY c.id`,
    )
    .all({ today: localDay(now) }) as { campaignId: number; reason: string }[];
}

/**
 * Builds every due re-offer list ("those who found it too expensive get the
 * new cheaper tariff the day it comes"), each on the file-job worker; one
 * that fails is logged and tried again at the next look, the others go on.
 */
export async function buildDueReoffers(deps: {
  sqlite: BetterSqlite3.Database;
  now: Date;
  build: (campaignId: number, refusedWith: string) => Promise<BuildSummary>;
  logger: Logger;
}): Promise<{ campaignId: number; added: number }[]> {
  const built: { campaignId: number; added: number }[] = [];
  for (const { campaignId, reason } of dueReoffers(deps.sqlite, deps.now)) {
    try {
      const summary = await deps.build(campaignId, reason);
      built.push({ campaignId, added: summary.added });
      deps.logger.info('re-offer list built as its offer came into force', {
        campaignId,
        added: summary.added,
      });
    } catch (error) {
      deps.logger.error('a re-offer list was not built; tried again later', {
        campaignId,
        error: String(error),
      });
    }
  }
  return built;
}
