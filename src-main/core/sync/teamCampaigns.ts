import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { campaignPurposes } from '../../../src-shared/campaigns/callingRules';
import { retryRulesSchema } from '../../../src-shared/campaigns/retryRules';

const hhmm = z
  .string()
  .regex(/^\d{2}:\d{2}$/)
  .nullable()
  .default(null);

/** A call list as the team's feed carries it (pult.publish_campaign's definition). */
export const sharedCampaignSchema = z.object({
  name: z.string().min(1).max(200),
  purpose: z.enum(campaignPurposes),
  scriptName: z.string().max(200).nullable().default(null),
  offerCode: z.string().max(100).nullable().default(null),
  callerId: z.string().max(40).nullable().default(null),
  hoursFrom: hhmm,
  hoursTo: hhmm,
  retryRules: retryRulesSchema.default({}),
  status: z.enum(['active', 'paused', 'closed']).default('active'),
  publishedBy: z.string().min(1).max(200),
});
export type SharedCampaignDefinition = z.infer<typeof sharedCampaignSchema>;

export type TeamCampaignApplied = { kind: 'stored' } | { kind: 'invalid'; problem: string };

/**
 * Call lists a supervisor gave the team, landed as this desk's campaigns
 * (marked as the team's): the operator starts a session on one as on any
 * list, and its leads come from the center a few at a time.
 */
export class TeamCampaigns {
  private readonly store: BetterSqlite3.Statement;

  constructor(sqlite: BetterSqlite3.Database) {
    this.store = sqlite.prepare(
      `INSERT INTO campaigns (uid, name, purpose, offer_code, script_name, caller_id, hours_from,
         hours_to, retry_rules, status, created_by, created_at, team_shared_at)
       VALUES (@uid, @name, @purpose, @offerCode, @scriptName, @callerId, @hoursFrom, @hoursTo,
         @retryRules, @status, @publishedBy, @at, @at)
       ON CONFLICT (uid) DO UPDATE SET name = excluded.name, purpose = excluded.purpose,
         offer_code = excluded.offer_code, script_name = excluded.script_name,
         caller_id = excluded.caller_id, hours_from = excluded.hours_from,
         hours_to = excluded.hours_to, retry_rules = excluded.retry_rules, status = excluded.status,
         team_shared_at = coalesce(campaigns.team_shared_at, excluded.team_shared_at)`,
    );
  }

  apply(uid: string, data: unknown, at: string): TeamCampaignApplied {
    const parsed = sharedCampaignSchema.safeParse(data);
    if (!parsed.success) return { kind: 'invalid', problem: z.prettifyError(parsed.error) };
    const campaign = parsed.data;
    this.store.run({ ...campaign, uid, retryRules: JSON.stringify(campaign.retryRules), at });
    return { kind: 'stored' };
  }
}
