import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { mayCallReasons, type MayCallReason } from '../../../src-shared/campaigns/callingRules';
import type { CampaignView } from '../../../src-shared/campaigns/campaignView';
import type { RetryRules } from '../../../src-shared/campaigns/retryRules';
import type { CampaignPurpose } from '../../../src-shared/campaigns/callingRules';

const isReason = (value: string | null): value is MayCallReason =>
  value !== null && (mayCallReasons as readonly string[]).includes(value);

/** The campaigns of this base and where their leads stand. */
export class CampaignBook {
  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  list(now: Date): CampaignView[] {
    const at = now.toISOString();
    const campaigns = this.sqlite
      .prepare(
        `SELECT id, name, purpose, status, offer_code AS offerCode, script_name AS scriptName,
           reoffer_reason AS reofferReason, built_at AS builtAt, team_shared_at IS NOT NULL AS shared
         FROM campaigns ORDER BY id DESC`,
      )
      .all() as (Omit<CampaignView, 'leads' | 'shared'> & { shared: number })[];
    // One pass over the leads by the pick's index: counts by state, due time and held reason.
    // A team list counts what this desk holds (a lead whose hold ran out is the team's again).
    const counts = this.sqlite.prepare(
      `SELECT state, held_reason AS heldReason,
         sum(CASE WHEN due_at <= @at THEN 1 ELSE 0 END) AS dueNow, count(*) AS n
       FROM leads WHERE campaign_id = @campaign
         AND (state NOT IN ('due', 'callback') OR reserved_until IS NULL OR reserved_until > @at)
       GROUP BY state, held_reason`,
    );
    // "skipped:notNow" and "removed:global" count as skipped and removed.
    const results = this.sqlite.prepare(
      `SELECT CASE WHEN instr(last_result, ':') > 0 THEN substr(last_result, 1, instr(last_result, ':') - 1)
         ELSE last_result END AS result, count(*) AS n
       FROM leads WHERE campaign_id = ? AND last_result IS NOT NULL GROUP BY 1`,
    );
    return campaigns.map((campaign) => {
      const leads: CampaignView['leads'] = {
        total: 0,
        dueNow: 0,
        dueLater: 0,
        done: 0,
        callbacks: 0,
        byResult: {},
        held: {},
      };
      for (const row of counts.all({ at, campaign: campaign.id }) as {
        state: string;
        heldReason: string | null;
        dueNow: number;
        n: number;
      }[]) {
        leads.total += row.n;
        if (row.state === 'due') {
          leads.dueNow += row.dueNow;
          leads.dueLater += row.n - row.dueNow;
        } else if (row.state === 'done' || row.state === 'removed') leads.done += row.n;
        else if (row.state === 'callback') leads.callbacks += row.n;
        else if (row.state === 'held' && isReason(row.heldReason))
          leads.held[row.heldReason] = (leads.held[row.heldReason] ?? 0) + row.n;
      }
      for (const row of results.all(campaign.id) as { result: string; n: number }[])
        leads.byResult[row.result] = row.n;
      return { ...campaign, shared: campaign.shared === 1, leads };
    });
  }

  /** The script of the list whose lead a call was dialled for, if any. */
  scriptOfCall(interactionId: number): string | null {
    const row = this.sqlite
      .prepare(
        `SELECT c.script_name AS name FROM lead_attempts a
         JOIN leads l ON l.id = a.lead_id JOIN campaigns c ON c.id = l.campaign_id
         WHERE a.interaction_id = ?`,
      )
      .get(interactionId) as { name: string | null } | undefined;
    return row?.name ?? null;
  }

  /** The refusal reasons in use, in the operator's language. */
  refusalReasons(language: 'uk' | 'en'): { code: string; label: string }[] {
    return this.sqlite
      .prepare(
        `SELECT code, ${language === 'uk' ? 'label_uk' : 'label_en'} AS label FROM refusal_reasons
         WHERE active = 1 ORDER BY id`,
      )
      .all() as { code: string; label: string }[];
  }

  create(
    campaign: {
      name: string;
      purpose: CampaignPurpose;
      offerCode?: string | undefined;
      scriptName?: string | undefined;
      callerId?: string | undefined;
      hours?: { from: string; to: string } | undefined;
      reofferReason?: string | undefined;
      retryRules?: RetryRules | undefined;
    },
    actor: string,
    now: Date,
  ): number {
    return Number(
      this.sqlite
        .prepare(
          `INSERT INTO campaigns (uid, name, purpose, offer_code, script_name, caller_id, hours_from, hours_to,
             reoffer_reason, retry_rules, status, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
        )
        .run(
          uuidv7(),
          campaign.name,
          campaign.purpose,
          campaign.offerCode ?? null,
          campaign.scriptName ?? null,
          campaign.callerId ?? null,
          campaign.hours?.from ?? null,
          campaign.hours?.to ?? null,
          campaign.reofferReason ?? null,
          JSON.stringify(campaign.retryRules ?? {}),
          actor,
          now.toISOString(),
        ).lastInsertRowid,
    );
  }
}
