import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { defaultRetryRules, retryRulesSchema } from '../../../src-shared/campaigns/retryRules';

/** What a dial came to, as the call controller reports it. */
export type DialResult = 'answered' | 'noAnswer' | 'busy' | 'failed' | 'machine';

export type StartAnswer =
  { ok: true; attemptId: number; e164: string } | { ok: false; why: 'notDue' | 'alreadyDialling' };

/**
 * A lead's dials. The attempt is written (and committed) before the INVITE
 * leaves: a kill or a power loss after it leaves the attempt counted and the
 * lead out of the pick, so the same lead is never dialled twice for one
 * attempt; at the next start the attempt is closed as cut off and the lead
 * is due again only after the cut-off delay.
 */
export class DialAttempts {
  private readonly lead: BetterSqlite3.Statement<
    [number],
    { e164: string; state: string; dueAt: string | null; retryRules: string }
  >;
  private readonly dialling: BetterSqlite3.Statement<[number], { id: number }>;
  private readonly insert: BetterSqlite3.Statement<[string, number, string, string, string]>;
  private readonly take: BetterSqlite3.Statement<[string, number]>;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly actor: string,
  ) {
    this.lead = sqlite.prepare(
      `SELECT l.e164, l.state, l.due_at AS dueAt, c.retry_rules AS retryRules
       FROM leads l JOIN campaigns c ON c.id = l.campaign_id WHERE l.id = ?`,
    );
    this.dialling = sqlite.prepare(
      "SELECT id FROM lead_attempts WHERE lead_id = ? AND result = 'dialling' LIMIT 1",
    );
    this.insert = sqlite.prepare(
      `INSERT INTO lead_attempts (uid, lead_id, e164, started_at, result, created_by)
       VALUES (?, ?, ?, ?, 'dialling', ?)`,
    );
    // Out of the pick while it is dialled: a lead with no due time is never picked.
    this.take = sqlite.prepare(
      `UPDATE leads SET due_at = NULL, attempts = attempts + 1, last_result = 'dialling', last_attempt_at = ?
       WHERE id = ?`,
    );
  }

  /** Writes the attempt; only then may the call be placed. */
  start(leadId: number, now: Date): StartAnswer {
    return this.sqlite
      .transaction((): StartAnswer => {
        const lead = this.lead.get(leadId);
        const at = now.toISOString();
        if (
          lead === undefined ||
          (lead.state !== 'due' && lead.state !== 'callback') ||
          lead.dueAt === null ||
          lead.dueAt > at
        )
          return this.dialling.get(leadId) === undefined
            ? { ok: false, why: 'notDue' }
            : { ok: false, why: 'alreadyDialling' };
        const attemptId = Number(
          this.insert.run(uuidv7(), leadId, lead.e164, at, this.actor).lastInsertRowid,
        );
        this.take.run(at, leadId);
        return { ok: true, attemptId, e164: lead.e164 };
      })
      .immediate();
  }

  /** The dial's result: the attempt closed, the lead done or due again as its campaign's rules say. */
  finish(attemptId: number, result: DialResult, interactionId: number | null, now: Date): void {
    this.sqlite.transaction(() => {
      this.sqlite
        .prepare(
          "UPDATE lead_attempts SET result = ?, interaction_id = ? WHERE id = ? AND result = 'dialling'",
        )
        .run(result, interactionId, attemptId);
      const row = this.sqlite
        .prepare('SELECT lead_id AS leadId FROM lead_attempts WHERE id = ?')
        .get(attemptId) as { leadId: number } | undefined;
      if (row !== undefined) this.reschedule(row.leadId, result, now);
    })();
  }

  /** The call's record, once the call has one: its wrap-up finds the lead by it. */
  linkCall(attemptId: number, interactionId: number): void {
    this.sqlite
      .prepare(
        'UPDATE lead_attempts SET interaction_id = ? WHERE id = ? AND interaction_id IS NULL',
      )
      .run(interactionId, attemptId);
  }

  /**
   * The call never left (not registered, no audio window): the attempt is
   * taken back and the lead is due again at once, so a refusal on this side
   * never counts against the client's attempts.
   */
  withdraw(attemptId: number, now: Date): void {
    this.sqlite.transaction(() => {
      const row = this.sqlite
        .prepare("SELECT lead_id AS leadId FROM lead_attempts WHERE id = ? AND result = 'dialling'")
        .get(attemptId) as { leadId: number } | undefined;
      if (row === undefined) return;
      this.sqlite.prepare('DELETE FROM lead_attempts WHERE id = ?').run(attemptId);
      this.sqlite
        .prepare(
          `UPDATE leads SET due_at = @at, attempts = attempts - 1,
             last_result = (SELECT result FROM lead_attempts WHERE lead_id = @lead ORDER BY id DESC LIMIT 1),
             last_attempt_at = (SELECT started_at FROM lead_attempts WHERE lead_id = @lead ORDER BY id DESC LIMIT 1)
           WHERE id = @lead`,
        )
        .run({ at: now.toISOString(), lead: row.leadId });
    })();
  }

  /** The lead of the attempt a call record belongs to, if the call was a lead's dial. */
  leadOfCall(interactionId: number): number | undefined {
    return (
      this.sqlite
        .prepare('SELECT lead_id AS leadId FROM lead_attempts WHERE interaction_id = ?')
        .get(interactionId) as { leadId: number } | undefined
    )?.leadId;
  }

  /** Due again after the campaign's delay for this result, or done once its maximum is reached. */
  retry(leadId: number, result: Exclude<DialResult, 'answered'>, now: Date): void {
    this.reschedule(leadId, result, now);
  }

  /** At start: attempts a crash left 'dialling' are cut off; their leads wait the cut-off delay. */
  recover(now: Date): number {
    return this.sqlite.transaction(() => {
      const open = this.sqlite
        .prepare("SELECT id, lead_id AS leadId FROM lead_attempts WHERE result = 'dialling'")
        .all() as { id: number; leadId: number }[];
      const cut = this.sqlite.prepare("UPDATE lead_attempts SET result = 'cutOff' WHERE id = ?");
      for (const attempt of open) {
        cut.run(attempt.id);
        this.reschedule(attempt.leadId, 'cutOff', now);
      }
      return open.length;
    })();
  }

  private reschedule(leadId: number, result: DialResult | 'cutOff', now: Date): void {
    const lead = this.lead.get(leadId);
    if (lead === undefined) return;
    if (result === 'answered') {
      // Talked to: the wrap-up's outcome decides what follows (done, a callback).
      this.sqlite
        .prepare("UPDATE leads SET state = 'done', last_result = ?, due_at = NULL WHERE id = ?")
        .run(result, leadId);
      return;
    }
    const parsed = retryRulesSchema.safeParse(JSON.parse(lead.retryRules) as unknown);
    const rule = (parsed.success ? parsed.data[result] : undefined) ?? defaultRetryRules[result];
    const sameResults = (
      this.sqlite
        .prepare('SELECT count(*) AS n FROM lead_attempts WHERE lead_id = ? AND result = ?')
        .get(leadId, result) as { n: number }
    ).n;
    if (sameResults >= rule.max)
      this.sqlite
        .prepare("UPDATE leads SET state = 'done', last_result = ?, due_at = NULL WHERE id = ?")
        .run(result, leadId);
    else
      this.sqlite
        .prepare('UPDATE leads SET last_result = ?, due_at = ? WHERE id = ?')
        .run(result, new Date(now.getTime() + rule.delayMinutes * 60_000).toISOString(), leadId);
  }
}
