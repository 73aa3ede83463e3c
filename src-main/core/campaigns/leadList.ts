import type BetterSqlite3 from 'better-sqlite3';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { v7 as uuidv7 } from 'uuid';
import type {
  CountryCallingRules,
  MayCallReason,
} from '../../../src-shared/campaigns/callingRules';
import { mayCallNow, whenNotNow, type LeadFacts } from './callPermission';
import { campaignFacts, type CampaignHoursRow } from './campaignFacts';

/**
 * Which clients a list takes: every client with a phone, those who refused
 * with a reason (a re-offer), or those with a tag (the clients an imported
 * file named, given its list tag).
 */
export interface LeadSource {
  /** Clients who refused an offer or a call with this refusal reason (its code), e.g. "tooExpensive". */
  refusedWith?: string;
  tag?: string;
}

export interface BuildSummary {
  /** Leads added to the list (a number already in it is not added twice). */
  added: number;
  due: number;
  /** Added but not callable as things stand, by reason (held, or due later). */
  notNow: Partial<Record<MayCallReason, number>>;
}

const batchRows = 10_000;

/** The country of an E.164 number, cached by its first seven characters (the calling code and the leading digits that tell countries apart). */
function countryOf(cache: Map<string, string | null>, e164: string): string | null {
  const prefix = e164.slice(0, 7);
  let country = cache.get(prefix);
  if (country === undefined) {
    country = parsePhoneNumberFromString(e164)?.country ?? null;
    cache.set(prefix, country);
  }
  return country;
}

/**
 * Builds a campaign's list from the client base, every rule of "may I call
 * now?" checked as it is built: each lead is due now, due later (when its
 * answer says), or held with its reason. Runs on a worker (a million clients);
 * the facts are read in one pass each (consents, do-not-call, attempts in the
 * window, last refusals) rather than a query a lead.
 */
interface ClientRow {
  id: number;
  doNotCall: number;
  e164: string | null;
}

export function buildLeads(
  sqlite: BetterSqlite3.Database,
  request: { campaignId: number; source: LeadSource; at: string },
  countries: Readonly<Record<string, CountryCallingRules>>,
  onProgress?: (rows: number) => void,
): BuildSummary {
  const campaignRow = sqlite
    .prepare(
      `SELECT purpose, offer_code AS offerCode, hours_from AS hoursFrom, hours_to AS hoursTo
       FROM campaigns WHERE id = ?`,
    )
    .get(request.campaignId) as CampaignHoursRow | undefined;
  if (campaignRow === undefined) throw new Error(`no campaign ${request.campaignId}`);
  const campaign = campaignFacts(campaignRow);
  const now = new Date(request.at);
  const windowDays = Math.max(1, ...Object.values(countries).map((r) => r.maxAttempts.days));
  const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();

  const callTimes = new Map<number, { from: string; to: string }>();
  for (const time of sqlite
    .prepare('SELECT client_id AS id, from_time AS "from", to_time AS "to" FROM call_times')
    .iterate() as Iterable<{ id: number; from: string; to: string }>)
    callTimes.set(time.id, { from: time.from, to: time.to });
  const consented = new Set<number>();
  for (const row of sqlite
    .prepare(
      "SELECT client_id AS id FROM consents WHERE scope = 'advertising' AND withdrawn_at IS NULL",
    )
    .iterate() as Iterable<{ id: number }>)
    consented.add(row.id);
  const dncClients = new Map<number, Set<string>>();
  const dncNumbers = new Map<string, Set<string>>();
  for (const row of sqlite
    .prepare(
      `SELECT level, client_id AS clientId, e164 FROM dnc_entries
       WHERE level = 'global' OR (level = 'campaign' AND campaign_id = ?) OR (level = 'product' AND product_code IS ?)`,
    )
    .iterate(request.campaignId, campaign.offerCode) as Iterable<{
    level: string;
    clientId: number | null;
    e164: string | null;
  }>) {
    if (row.clientId !== null) {
      const levels = dncClients.get(row.clientId) ?? new Set();
      dncClients.set(row.clientId, levels.add(row.level));
    }
    if (row.e164 !== null) {
      const levels = dncNumbers.get(row.e164) ?? new Set();
      dncNumbers.set(row.e164, levels.add(row.level));
    }
  }
  const attempts = new Map<string, string[]>();
  for (const row of sqlite
    .prepare('SELECT e164, started_at AS at FROM lead_attempts WHERE started_at > ?')
    .iterate(since) as Iterable<{ e164: string; at: string }>) {
    const list = attempts.get(row.e164);
    if (list === undefined) attempts.set(row.e164, [row.at]);
    else list.push(row.at);
  }
  const refusals = new Map<number, string>();
  for (const row of sqlite
    .prepare(
      `SELECT client_id AS id, max(at) AS at FROM (
         SELECT client_id, offered_at AS at FROM offers WHERE result = 'refused'
         UNION ALL
         SELECT client_id, offered_at FROM interactions WHERE outcome = 'refused' AND client_id IS NOT NULL)
       GROUP BY client_id`,
    )
    .iterate() as Iterable<{ id: number; at: string }>)
    refusals.set(row.id, row.at);

  const { refusedWith, tag } = request.source;
  const where =
    refusedWith !== undefined
      ? `WHERE c.id IN (
           SELECT o.client_id FROM offers o JOIN refusal_reasons r ON r.id = o.refusal_reason_id
             WHERE o.result = 'refused' AND r.code = @code
           UNION
           SELECT i.client_id FROM interactions i JOIN refusal_reasons r ON r.id = i.refusal_reason_id
             WHERE i.outcome = 'refused' AND r.code = @code)`
      : tag !== undefined
        ? `WHERE c.id IN (
             SELECT ct.client_id FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = @code)`
        : '';
  const code = refusedWith ?? tag;
  const clients = sqlite.prepare(
    `SELECT c.id, c.do_not_call AS doNotCall,
       (SELECT p.e164 FROM client_phones p WHERE p.client_id = c.id ORDER BY p.id LIMIT 1) AS e164
     FROM clients c ${where}`,
  );
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO leads (uid, campaign_id, client_id, e164, country, state, due_at, held_reason, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const summary: BuildSummary = { added: 0, due: 0, notNow: {} };
  const cache = new Map<string, string | null>();
  const rows = (code === undefined ? clients.all() : clients.all({ code })) as ClientRow[];
  const write = sqlite.transaction((slice: ClientRow[]) => {
    for (const row of slice) {
      if (row.e164 === null) continue;
      const levels = new Set([
        ...(dncClients.get(row.id) ?? []),
        ...(dncNumbers.get(row.e164) ?? []),
      ]);
      const facts: LeadFacts = {
        country: countryOf(cache, row.e164),
        addressZone: null,
        consent: consented.has(row.id)
          ? { scope: 'advertising', source: 'consents', at: request.at }
          : null,
        doNotCall: {
          // The card's "do not call" (set there, or by a refusal "do not call me") is global too.
          global: levels.has('global') || row.doNotCall === 1,
          campaign: levels.has('campaign'),
          product: levels.has('product'),
        },
        attempts: attempts.get(row.e164) ?? [],
        lastRefusalAt: refusals.get(row.id) ?? null,
        preferred: callTimes.get(row.id) ?? null,
      };
      const answer = mayCallNow(facts, campaign, countries, now);
      let state: 'due' | 'held' = 'due';
      let dueAt = request.at;
      let heldReason: string | null = null;
      if (!answer.ok) {
        const later = whenNotNow(answer, now);
        if ('dueAt' in later) dueAt = later.dueAt;
        else {
          state = 'held';
          heldReason = later.held;
        }
      }
      const result = insert.run(
        uuidv7(),
        request.campaignId,
        row.id,
        row.e164,
        facts.country,
        state,
        dueAt,
        heldReason,
        request.at,
      );
      if (result.changes === 0) continue;
      summary.added++;
      if (answer.ok) summary.due++;
      else summary.notNow[answer.reason] = (summary.notNow[answer.reason] ?? 0) + 1;
    }
  });
  for (let start = 0; start < rows.length; start += batchRows) {
    write(rows.slice(start, start + batchRows));
    onProgress?.(Math.min(rows.length, start + batchRows));
  }
  // Built: a re-offer rule builds its list once.
  sqlite
    .prepare('UPDATE campaigns SET built_at = ? WHERE id = ?')
    .run(request.at, request.campaignId);
  return summary;
}
