import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { mayCallReasons, type MayCallReason } from '../../../src-shared/campaigns/callingRules';
import type { CampaignView } from '../../../src-shared/campaigns/campaignView';
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
        'SELECT id, name, purpose, status, offer_code AS offerCode FROM campaigns ORDER BY id DESC',
      )
      .all() as Omit<CampaignView, 'leads'>[];
    // One pass over the leads by the pick's index: counts by state, due time and held reason.
    const counts = this.sqlite.prepare(
      `SELECT state, held_reason AS heldReason,
         sum(CASE WHEN due_at <= ? THEN 1 ELSE 0 END) AS dueNow, count(*) AS n
       FROM leads WHERE campaign_id = ? GROUP BY state, held_reason`,
    );
    return campaigns.map((campaign) => {
      const leads: CampaignView['leads'] = { total: 0, dueNow: 0, dueLater: 0, done: 0, held: {} };
      for (const row of counts.all(at, campaign.id) as {
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
        else if (row.state === 'held' && isReason(row.heldReason))
          leads.held[row.heldReason] = (leads.held[row.heldReason] ?? 0) + row.n;
      }
      return { ...campaign, leads };
    });
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
    campaign: { name: string; purpose: CampaignPurpose; offerCode?: string | undefined },
    actor: string,
    now: Date,
  ): number {
    return Number(
      this.sqlite
        .prepare(
          `INSERT INTO campaigns (uid, name, purpose, offer_code, status, created_by, created_at)
           VALUES (?, ?, ?, ?, 'active', ?, ?)`,
        )
        .run(
          uuidv7(),
          campaign.name,
          campaign.purpose,
          campaign.offerCode ?? null,
          actor,
          now.toISOString(),
        ).lastInsertRowid,
    );
  }
}
