import type BetterSqlite3 from 'better-sqlite3';
import type {
  CountryCallingRules,
  MayCallAnswer,
} from '../../../src-shared/campaigns/callingRules';
import { mayCallNow, whenNotNow, type LeadFacts } from './callPermission';
import { campaignFacts, type CampaignHoursRow } from './campaignFacts';

export interface PickedLead {
  leadId: number;
  clientId: number;
  e164: string;
}

interface Candidate {
  id: number;
  clientId: number;
  e164: string;
  country: string | null;
  addressZone: string | null;
}

/** Leads read per step of the pick: most are callable, so one step is usually enough. */
const batch = 25;
/** How far one pick looks before saying nothing is callable now. */
const maxBatches = 40;

/**
 * The next lead of a campaign that may be called now, every rule applied,
 * soonest due first. A lead that may not be called is moved out of the way
 * as its answer says: to when it may be tried again (an attempt limit, the
 * wait after a refusal, a later hour), or held with its reason when waiting
 * does not help (do-not-call, no consent, an unknown zone). Raw prepared
 * statements: this runs before every dial over lists of a million leads, and
 * each statement reads one index range (leads_next, lead_attempts_number,
 * consents_client, dnc_entries_*, offers_client, interactions_client).
 */
export class LeadPicker {
  private readonly due: BetterSqlite3.Statement<[number, string, string], Candidate>;
  private readonly callback: BetterSqlite3.Statement<[number, string, string, string], Candidate>;
  private readonly one: BetterSqlite3.Statement<
    [number],
    Candidate & { campaignId: number; reservedUntil: string | null }
  >;
  private readonly campaign: BetterSqlite3.Statement<[number], CampaignHoursRow>;
  private readonly callTime: BetterSqlite3.Statement<[number], { from: string; to: string }>;
  private readonly doNotCall: BetterSqlite3.Statement<
    [{ client: number; number: string }],
    { level: string; campaignId: number | null; productCode: string | null }
  >;
  private readonly consent: BetterSqlite3.Statement<
    [number],
    { scope: 'advertising'; source: string; at: string }
  >;
  private readonly attempts: BetterSqlite3.Statement<[string, string], { at: string }>;
  private readonly refusal: BetterSqlite3.Statement<[number, number], { at: string | null }>;
  private readonly defer: BetterSqlite3.Statement<[string, number]>;
  private readonly hold: BetterSqlite3.Statement<[string, number]>;

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly countries: () => Readonly<Record<string, CountryCallingRules>>,
  ) {
    // A team list's lead is dialled here only while the center holds it for this operator.
    this.due = sqlite.prepare(
      `SELECT id, client_id AS clientId, e164, country, address_zone AS addressZone FROM leads
       WHERE campaign_id = ? AND state = 'due' AND due_at <= ?
         AND (reserved_until IS NULL OR reserved_until > ?) ORDER BY due_at LIMIT ${batch}`,
    );
    // The operator's own callbacks come before the list: a time was promised to the client.
    this.callback = sqlite.prepare(
      `SELECT id, client_id AS clientId, e164, country, address_zone AS addressZone FROM leads
       WHERE campaign_id = ? AND state = 'callback' AND due_at <= ? AND owner = ?
         AND (reserved_until IS NULL OR reserved_until > ?) ORDER BY due_at LIMIT ${batch}`,
    );
    this.one = sqlite.prepare(
      `SELECT id, campaign_id AS campaignId, client_id AS clientId, e164, country, address_zone AS addressZone,
         reserved_until AS reservedUntil
       FROM leads WHERE id = ?`,
    );
    this.campaign = sqlite.prepare(
      `SELECT purpose, offer_code AS offerCode, hours_from AS hoursFrom, hours_to AS hoursTo
       FROM campaigns WHERE id = ?`,
    );
    this.callTime = sqlite.prepare(
      'SELECT from_time AS "from", to_time AS "to" FROM call_times WHERE client_id = ?',
    );
    this.doNotCall = sqlite.prepare(
      `SELECT level, campaign_id AS campaignId, product_code AS productCode FROM dnc_entries WHERE client_id = @client
       UNION ALL
       SELECT level, campaign_id, product_code FROM dnc_entries WHERE e164 = @number
       UNION ALL
       SELECT 'global', NULL, NULL FROM clients WHERE id = @client AND do_not_call = 1`,
    );
    this.consent = sqlite.prepare(
      `SELECT scope, source, given_at AS at FROM consents
       WHERE client_id = ? AND scope = 'advertising' AND withdrawn_at IS NULL
       ORDER BY given_at DESC LIMIT 1`,
    );
    this.attempts = sqlite.prepare(
      'SELECT started_at AS at FROM lead_attempts WHERE e164 = ? AND started_at > ?',
    );
    this.refusal = sqlite.prepare(
      `SELECT max(at) AS at FROM (
         SELECT max(offered_at) AS at FROM offers WHERE client_id = ? AND result = 'refused'
         UNION ALL
         SELECT max(offered_at) FROM interactions WHERE client_id = ? AND outcome = 'refused')`,
    );
    this.defer = sqlite.prepare('UPDATE leads SET due_at = ? WHERE id = ?');
    this.hold = sqlite.prepare("UPDATE leads SET state = 'held', held_reason = ? WHERE id = ?");
  }

  /** The facts "may I call now?" needs for one lead, read from the base now. */
  facts(
    lead: Candidate,
    campaign: { id: number; offerCode: string | null },
    windowDays: number,
    now: Date,
  ): LeadFacts {
    const doNotCall = { global: false, campaign: false, product: false };
    for (const entry of this.doNotCall.all({ client: lead.clientId, number: lead.e164 })) {
      if (entry.level === 'global') doNotCall.global = true;
      else if (entry.level === 'campaign' && entry.campaignId === campaign.id)
        doNotCall.campaign = true;
      else if (entry.level === 'product' && entry.productCode === campaign.offerCode)
        doNotCall.product = true;
    }
    const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
    const consent = this.consent.get(lead.clientId);
    return {
      country: lead.country,
      addressZone: lead.addressZone,
      consent: consent === undefined ? null : consent,
      doNotCall,
      attempts: this.attempts.all(lead.e164, since).map((a) => a.at),
      lastRefusalAt: this.refusal.get(lead.clientId, lead.clientId)?.at ?? null,
      preferred: this.callTime.get(lead.clientId) ?? null,
    };
  }

  /**
   * The next lead to dial, or undefined when none may be called now: the
   * operator's callbacks that are due first, then the list, soonest due first.
   */
  next(campaignId: number, now: Date, owner?: string): PickedLead | undefined {
    const campaign = this.campaign.get(campaignId);
    if (campaign === undefined) return undefined;
    const windowDays = this.windowDays();
    const at = now.toISOString();
    const read = [
      ...(owner === undefined ? [] : [() => this.callback.all(campaignId, at, owner, at)]),
      () => this.due.all(campaignId, at, at),
    ];
    for (const candidates of read) {
      for (let step = 0; step < maxBatches; step++) {
        const batchRead = candidates();
        if (batchRead.length === 0) break;
        for (const lead of batchRead) {
          const answer = this.answer(lead, campaignId, campaign, windowDays, now);
          if (answer.ok) return { leadId: lead.id, clientId: lead.clientId, e164: lead.e164 };
          this.putAside(lead.id, answer, now);
        }
      }
    }
    return undefined;
  }

  /**
   * "May I call this lead now?" again, just before its dial: a preview may
   * have been on screen for minutes, and the client may have refused calls
   * meanwhile. A lead that may not be called is put aside as in the pick.
   */
  check(leadId: number, now: Date): MayCallAnswer | undefined {
    const lead = this.one.get(leadId);
    const campaign = lead === undefined ? undefined : this.campaign.get(lead.campaignId);
    if (lead === undefined || campaign === undefined) return undefined;
    // The center's hold ran out while it was on screen: a colleague may be calling it now.
    if (lead.reservedUntil !== null && lead.reservedUntil <= now.toISOString()) return undefined;
    const answer = this.answer(lead, lead.campaignId, campaign, this.windowDays(), now);
    if (!answer.ok) this.putAside(lead.id, answer, now);
    return answer;
  }

  private windowDays(): number {
    return Math.max(1, ...Object.values(this.countries()).map((rules) => rules.maxAttempts.days));
  }

  private answer(
    lead: Candidate,
    campaignId: number,
    campaign: CampaignHoursRow,
    windowDays: number,
    now: Date,
  ): MayCallAnswer {
    const facts = this.facts(
      lead,
      { id: campaignId, offerCode: campaign.offerCode },
      windowDays,
      now,
    );
    return mayCallNow(facts, campaignFacts(campaign), this.countries(), now);
  }

  private putAside(leadId: number, answer: Exclude<MayCallAnswer, { ok: true }>, now: Date): void {
    const later = whenNotNow(answer, now);
    if ('dueAt' in later) this.defer.run(later.dueAt, leadId);
    // Waiting does not lift it: held, its reason shown, until someone acts on it.
    else this.hold.run(later.held, leadId);
  }
}
