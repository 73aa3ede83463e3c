import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { defaultCallingRules } from '../../../src-shared/campaigns/callingRules';
import { buildLeads } from '../campaigns/leadList';

/**
 * The demo's call lists: a re-offer of a cheaper tariff to those who found
 * theirs too expensive, a satisfaction survey and a payment reminder, with
 * leads in every state (callable, later, held and why, called back, done,
 * removed). Most demo clients consented to advertising calls; some did not.
 */
export function demoCampaigns(
  sqlite: BetterSqlite3.Database,
  options: { now: Date; actor: string; random: () => number },
): number {
  const { now, actor, random } = options;
  const at = now.toISOString();
  const clients = (
    sqlite.prepare('SELECT id FROM clients ORDER BY id').all() as { id: number }[]
  ).map((c) => c.id);
  const consent = sqlite.prepare(
    `INSERT INTO consents (uid, client_id, scope, source, given_at, recorded_by)
     VALUES (?, ?, 'advertising', 'веб-форма', ?, ?)`,
  );
  for (const id of clients)
    if (random() < 0.7)
      consent.run(uuidv7(), id, new Date(now.getTime() - 200 * 864e5).toISOString(), actor);

  const campaign = sqlite.prepare(
    `INSERT INTO campaigns (uid, name, purpose, offer_code, retry_rules, status, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, 'active', ?, ?)`,
  );
  const make = (name: string, purpose: string, offer: string | null) =>
    Number(
      campaign.run(
        uuidv7(),
        name,
        purpose,
        offer,
        '{"busy":{"delayMinutes":15,"max":5}}',
        actor,
        at,
      ).lastInsertRowid,
    );
  const reOffer = make('Тариф «Економ» тим, кому було дорого', 'sales', 'econom');
  buildLeads(
    sqlite,
    { campaignId: reOffer, source: { refusedWith: 'tooExpensive' }, at },
    defaultCallingRules,
  );
  const survey = make('Опитування задоволеності', 'survey', null);
  buildLeads(sqlite, { campaignId: survey, source: {}, at }, defaultCallingRules);
  const reminder = make('Нагадування про оплату', 'reminder', null);
  // Those with an open order to pay for.
  const addLead = sqlite.prepare(
    `INSERT INTO leads (uid, campaign_id, client_id, e164, country, state, due_at, created_at)
     VALUES (?, ?, ?, ?, 'UA', 'due', ?, ?)`,
  );
  for (const row of sqlite
    .prepare(
      `SELECT c.id, min(p.e164) AS e164 FROM clients c JOIN client_phones p ON p.client_id = c.id
       WHERE c.open_orders > 0 GROUP BY c.id`,
    )
    .all() as { id: number; e164: string }[])
    addLead.run(uuidv7(), reminder, row.id, row.e164, at, at);

  // The survey worked for a while: answered, called back, no answer (due again later), removed.
  const leads = sqlite
    .prepare(
      "SELECT id, client_id AS clientId, e164 FROM leads WHERE campaign_id = ? AND state = 'due' ORDER BY id",
    )
    .all(survey) as { id: number; clientId: number; e164: string }[];
  const attempt = sqlite.prepare(
    `INSERT INTO lead_attempts (uid, lead_id, e164, started_at, result, created_by) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const setLead = sqlite.prepare(
    'UPDATE leads SET state = ?, due_at = ?, last_result = ?, last_attempt_at = ?, attempts = attempts + 1 WHERE id = ?',
  );
  const remove = sqlite.prepare(
    `INSERT INTO dnc_entries (uid, level, client_id, campaign_id, reason, created_by, created_at)
     VALUES (?, 'campaign', ?, ?, 'просить не телефонувати з опитуваннями', ?, ?)`,
  );
  for (const [n, lead] of leads.slice(0, Math.floor(leads.length * 0.3)).entries()) {
    const when = new Date(
      now.getTime() - (1 + Math.floor(random() * 72)) * 3_600_000,
    ).toISOString();
    const kind = n % 10;
    if (kind < 6) {
      attempt.run(uuidv7(), lead.id, lead.e164, when, 'answered', actor);
      setLead.run('done', null, 'answered', when, lead.id);
    } else if (kind < 8) {
      attempt.run(uuidv7(), lead.id, lead.e164, when, 'noAnswer', actor);
      setLead.run(
        'due',
        new Date(now.getTime() + 2 * 3_600_000).toISOString(),
        'noAnswer',
        when,
        lead.id,
      );
    } else if (kind === 8) {
      attempt.run(uuidv7(), lead.id, lead.e164, when, 'answered', actor);
      setLead.run(
        'callback',
        new Date(now.getTime() + 864e5).toISOString(),
        'answered',
        when,
        lead.id,
      );
    } else {
      attempt.run(uuidv7(), lead.id, lead.e164, when, 'answered', actor);
      remove.run(uuidv7(), lead.clientId, survey, actor, when);
      setLead.run('removed', null, 'answered', when, lead.id);
    }
  }
  return 3;
}
