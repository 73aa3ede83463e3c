import type BetterSqlite3 from 'better-sqlite3';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Clock, Logger } from '../platform/ports';
import { Refusal } from '../platform/refusal';
import { askCenter } from './askCenter';
import { sqlStateOf } from './outboxPush';
import type { LeadReport, TeamConnection } from './pgConnection';

/** Fewer callable leads than this held here, and more are asked for. */
const lowWater = 3;
/** Leads asked for at a time: a few minutes of work, and what an operator keeps when offline. */
const takeAtOnce = 8;
/** Leads told to the center per round, and given to it per publish batch. */
const reportAtOnce = 200;
const publishAtOnce = 5000;

export type TeamListProblem = 'teamOffline' | 'notSupervisor' | 'campaignNotFound';
export class TeamListRefusal extends Refusal<TeamListProblem> {}

type Connection = Pick<
  TeamConnection,
  'takeLeads' | 'reportLead' | 'returnLeads' | 'publishCampaign'
>;

interface HeldLead {
  id: number;
  uid: string;
  state: string;
  dueAt: string | null;
  lastResult: string | null;
  heldReason: string | null;
  attempts: number;
  reservedUntil: string;
}

/**
 * A call list the team shares, worked at this desk (issue 19): its leads
 * come from the center a few at a time, each held for this operator for a
 * while, and the desk's own rules (do-not-call, consent, hours, retries)
 * apply to them as to any lead. What becomes of a lead here (the local
 * trigger marks it) is told to the center: done, due again later (back in
 * the team's pool, not before then), being dialled, or a callback kept for
 * this operator until its grace runs out. Offline, the desk works on what it
 * holds and tells the center when it is back; a lead whose hold ran out is
 * not dialled here, as a colleague may have it now.
 */
export class TeamLeads {
  private taking = new Map<number, Promise<number>>();
  private givingBack = new Map<number, Promise<number>>();
  private settling: Promise<number> | undefined;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly deps: {
      connection: () => Promise<Connection>;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** The list is the team's (its leads come from the center). */
  shared(campaignId: number): boolean {
    const campaign = this.campaign(campaignId);
    return campaign !== undefined && campaign.sharedAt !== null;
  }

  /**
   * More leads from the center when fewer than a few are held here and may be
   * called; how many came. Offline, nothing comes and the desk works on.
   */
  refill(campaignId: number): Promise<number> {
    const running = this.taking.get(campaignId);
    if (running !== undefined) return running;
    const made = this.take(campaignId).finally(() => this.taking.delete(campaignId));
    this.taking.set(campaignId, made);
    return made;
  }

  private async take(campaignId: number): Promise<number> {
    const campaign = this.campaign(campaignId);
    if (campaign === undefined || campaign.sharedAt === null) return 0;
    const now = this.deps.clock.now().toISOString();
    const held = (
      this.sqlite
        .prepare(
          `SELECT count(*) AS n FROM leads WHERE campaign_id = ? AND state = 'due'
             AND reserved_until > ? AND due_at <= ?`,
        )
        .get(campaignId, now, now) as { n: number }
    ).n;
    if (held >= lowWater) return 0;
    let taken;
    try {
      taken = await (await this.deps.connection()).takeLeads(campaign.uid, takeAtOnce);
    } catch (error) {
      this.deps.logger.warn('outbound: no leads from the team now', { error: String(error) });
      return 0;
    }
    const unknown: string[] = [];
    const at = this.deps.clock.now().toISOString();
    const clientOf = this.sqlite.prepare<[string], { id: number }>(
      'SELECT id FROM clients WHERE uid = ?',
    );
    const store = this.sqlite.prepare(
      `INSERT INTO leads (uid, campaign_id, client_id, e164, country, state, due_at, attempts,
         reserved_until, created_at)
       VALUES (@uid, @campaignId, @clientId, @e164, @country, 'due', @at, @attempts, @until, @at)
       ON CONFLICT (uid) DO UPDATE SET state = 'due', due_at = @at, owner = NULL, held_reason = NULL,
         attempts = max(leads.attempts, @attempts), reserved_until = @until`,
    );
    // The trigger marks what the center itself just said: nothing to tell it back.
    const clean = this.sqlite.prepare('UPDATE leads SET team_dirty = 0 WHERE uid = ?');
    this.sqlite.transaction(() => {
      for (const lead of taken) {
        const client = clientOf.get(lead.client);
        // The client has not reached this desk yet: a colleague's desk takes the lead meanwhile.
        if (client === undefined) {
          unknown.push(lead.uid);
          continue;
        }
        store.run({
          uid: lead.uid,
          campaignId,
          clientId: client.id,
          e164: lead.e164,
          country: parsePhoneNumberFromString(lead.e164)?.country ?? null,
          attempts: lead.attempts,
          until: lead.reservedUntil.toISOString(),
          at,
        });
        clean.run(lead.uid);
      }
    })();
    if (unknown.length > 0)
      await (
        await this.deps.connection()
      )
        .returnLeads(unknown)
        .catch((error: unknown) =>
          this.deps.logger.warn('outbound: could not give back leads', { error: String(error) }),
        );
    return taken.length - unknown.length;
  }

  /** Tells the center what became of the leads held here; how many it heard. */
  settle(): Promise<number> {
    this.settling ??= this.report().finally(() => (this.settling = undefined));
    return this.settling;
  }

  private async report(): Promise<number> {
    const moved = this.sqlite
      .prepare(
        `SELECT id, uid, state, due_at AS dueAt, last_result AS lastResult, held_reason AS heldReason,
           attempts, reserved_until AS reservedUntil
         FROM leads WHERE team_dirty = 1 ORDER BY id LIMIT ${reportAtOnce}`,
      )
      .all() as HeldLead[];
    if (moved.length === 0) return 0;
    let connection: Connection;
    try {
      connection = await this.deps.connection();
    } catch {
      return 0;
    }
    // Cleared only if the lead has not moved again meanwhile (then it is told again).
    const told = this.sqlite.prepare(
      `UPDATE leads SET team_dirty = 0, reserved_until = @until
       WHERE id = @id AND state = @state AND due_at IS @dueAt AND last_result IS @lastResult`,
    );
    let heard = 0;
    for (const lead of moved) {
      const now = this.deps.clock.now();
      const report = reportOf(lead);
      let until = lead.reservedUntil;
      try {
        if (report !== undefined) {
          const held = await connection.reportLead(lead.uid, report);
          // Not held any more (done, or back in the pool): not dialled here again.
          until = held === null ? now.toISOString() : held.toISOString();
        }
      } catch (error) {
        const code = sqlStateOf(error);
        if (code !== '55000') {
          this.deps.logger.warn('outbound: the center did not hear a lead; told again later', {
            error: String(error),
          });
          break;
        }
        // The hold had run out and a colleague has the lead now: theirs from here on.
        this.deps.logger.warn('outbound: a lead held here had passed to a colleague', {
          lead: lead.uid,
        });
        until = now.toISOString();
      }
      told.run({ ...lead, until });
      heard += 1;
    }
    return heard;
  }

  /**
   * The session ends: the leads held here and not yet tried go back to the
   * team at once (a retry due later keeps its time), instead of waiting for
   * their hold to run out.
   */
  giveBack(campaignId: number): Promise<number> {
    const running = this.givingBack.get(campaignId);
    if (running !== undefined) return running;
    const made = this.giveBackNow(campaignId).finally(() => this.givingBack.delete(campaignId));
    this.givingBack.set(campaignId, made);
    return made;
  }

  private async giveBackNow(campaignId: number): Promise<number> {
    await this.settle();
    const now = this.deps.clock.now();
    const unused = this.sqlite
      .prepare(
        `SELECT id, uid, state, due_at AS dueAt, last_result AS lastResult, held_reason AS heldReason,
           attempts, reserved_until AS reservedUntil
         FROM leads WHERE campaign_id = ? AND state = 'due' AND due_at IS NOT NULL
           AND reserved_until > ? AND team_dirty = 0`,
      )
      .all(campaignId, now.toISOString()) as HeldLead[];
    if (unused.length === 0) return 0;
    let connection: Connection;
    try {
      connection = await this.deps.connection();
    } catch {
      return 0;
    }
    const lapse = this.sqlite.prepare('UPDATE leads SET reserved_until = ? WHERE id = ?');
    // Not given back, a lead simply waits for its hold to run out: said in the log, not lost.
    const notGiven = (error: unknown) =>
      this.deps.logger.warn('outbound: a lead waits for its hold to run out', {
        error: String(error),
      });
    const back: HeldLead[] = [];
    for (const lead of unused) {
      if (lead.dueAt !== null && lead.dueAt > now.toISOString())
        await connection
          .reportLead(lead.uid, {
            state: 'later',
            result: lead.lastResult ?? 'due',
            againAt: new Date(lead.dueAt),
            attempts: lead.attempts,
          })
          .catch(notGiven);
      else back.push(lead);
    }
    if (back.length > 0) await connection.returnLeads(back.map((lead) => lead.uid)).catch(notGiven);
    this.sqlite.transaction(() => {
      for (const lead of unused) lapse.run(now.toISOString(), lead.id);
    })();
    return unused.length;
  }

  /**
   * A supervisor gives one of this desk's lists to the team: its definition
   * and its leads that are due (those held here for a reason stay here).
   * From then on this desk, like every other, takes its leads from the center.
   */
  async publish(campaignId: number): Promise<{ leads: number }> {
    const campaign = this.sqlite
      .prepare(
        `SELECT uid, name, purpose, script_name AS scriptName, offer_code AS offerCode,
           caller_id AS callerId, hours_from AS hoursFrom, hours_to AS hoursTo,
           retry_rules AS retryRules, status
         FROM campaigns WHERE id = ?`,
      )
      .get(campaignId) as { uid: string; retryRules: string; [field: string]: unknown } | undefined;
    if (campaign === undefined) throw new TeamListRefusal('campaignNotFound');
    const { uid, retryRules, ...rest } = campaign;
    const definition = { ...rest, retryRules: JSON.parse(retryRules) as unknown };
    const leads = this.sqlite.prepare<
      [number, number],
      { id: number; uid: string; client: string; e164: string }
    >(
      `SELECT l.id, l.uid, c.uid AS client, l.e164 FROM leads l JOIN clients c ON c.id = l.client_id
       WHERE l.campaign_id = ? AND l.state = 'due' AND l.reserved_until IS NULL AND l.id > ?
       ORDER BY l.id LIMIT ${publishAtOnce}`,
    );
    const added = await askCenter(
      this.deps.connection,
      async (connection) => {
        // The definition goes first, alone: a list of no due leads is still the team's.
        let count = await connection.publishCampaign({ uid, definition, leads: [] });
        for (let after = 0; ;) {
          const batch = leads.all(campaignId, after);
          if (batch.length === 0) break;
          count += await connection.publishCampaign({
            uid,
            definition,
            leads: batch.map(({ uid: lead, client, e164 }) => ({ uid: lead, client, e164 })),
          });
          after = batch.at(-1)?.id ?? after;
        }
        return count;
      },
      { offline: 'teamOffline', refusals: { '42501': 'notSupervisor' } },
      (problem: TeamListProblem) => new TeamListRefusal(problem),
    );
    const now = this.deps.clock.now().toISOString();
    // The leads are the center's now: this desk takes them from there like any other.
    this.sqlite.transaction(() => {
      this.sqlite
        .prepare('UPDATE campaigns SET team_shared_at = coalesce(team_shared_at, ?) WHERE id = ?')
        .run(now, campaignId);
      this.sqlite
        .prepare(
          "UPDATE leads SET reserved_until = ? WHERE campaign_id = ? AND state = 'due' AND reserved_until IS NULL",
        )
        .run(now, campaignId);
    })();
    return { leads: added };
  }

  private campaign(id: number) {
    return this.sqlite
      .prepare('SELECT uid, team_shared_at AS sharedAt FROM campaigns WHERE id = ?')
      .get(id) as { uid: string; sharedAt: string | null } | undefined;
  }
}

/** What to tell the center of a lead that moved here; nothing while it is simply held. */
function reportOf(lead: HeldLead): LeadReport | undefined {
  const { attempts } = lead;
  if (lead.state === 'done' || lead.state === 'removed')
    return { state: 'done', result: lead.lastResult ?? lead.state, attempts };
  if (lead.state === 'held')
    return { state: 'done', result: `held:${lead.heldReason ?? ''}`, attempts };
  if (lead.state === 'callback' && lead.dueAt !== null)
    return { state: 'callback', againAt: new Date(lead.dueAt), attempts };
  if (lead.state === 'due' && lead.dueAt === null) return { state: 'dialling', attempts };
  // Due again after the hold runs out: back to the team, due at that time.
  if (lead.state === 'due' && lead.dueAt !== null && lead.dueAt > lead.reservedUntil)
    return {
      state: 'later',
      result: lead.lastResult ?? 'due',
      againAt: new Date(lead.dueAt),
      attempts,
    };
  return undefined;
}
