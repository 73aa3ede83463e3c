import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { Disposition } from '../../../src-shared/calls/wrapUpSchema';
import type { SkipReason } from '../../../src-shared/campaigns/outboundView';
import { recordChange } from '../db/changeJournal';
import { markDoNotCall } from '../db/clientChanges';
import type { DialAttempts } from './dialAttempts';

/** How long a skipped lead waits before it is offered again. */
const skipDelayMinutes = 60;

/**
 * What the operator decides about a lead, and what a talked-to lead's wrap-up
 * makes of it. Each decision is one transaction with its audit event.
 */
export class LeadOutcomes {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly attempts: Pick<DialAttempts, 'retry'>,
  ) {}

  /**
   * The wrap-up of a call the lead was talked to on: a callback keeps the lead
   * as the operator's own task at the promised time; an answering machine or a
   * line that turned out busy is tried again by the campaign's rules; a wrong
   * number leaves the list; anything else (agreed, refused, a question
   * answered) is the lead done, with its outcome.
   */
  wrappedUp(
    leadId: number,
    wrapUp: { disposition: Disposition; callbackAt?: string | undefined },
    actor: string,
    now: Date,
  ): void {
    const { disposition } = wrapUp;
    this.sqlite.transaction(() => {
      if (disposition === 'callback' && wrapUp.callbackAt !== undefined)
        this.sqlite
          .prepare(
            `UPDATE leads SET state = 'callback', due_at = ?, owner = ?, last_result = 'callback', held_reason = NULL
             WHERE id = ?`,
          )
          .run(new Date(wrapUp.callbackAt).toISOString(), actor, leadId);
      else if (disposition === 'noAnswer' || disposition === 'busy')
        this.attempts.retry(leadId, disposition === 'noAnswer' ? 'machine' : 'busy', now);
      else
        this.sqlite
          .prepare(
            'UPDATE leads SET state = ?, last_result = ?, due_at = NULL, owner = NULL WHERE id = ?',
          )
          .run(disposition === 'wrongNumber' ? 'removed' : 'done', disposition, leadId);
      this.closePromisedCallbacks(leadId, actor, now);
    })();
  }

  /** Not this one now: offered again in an hour, the reason kept. */
  skip(leadId: number, reason: SkipReason, actor: string, now: Date): void {
    const dueAt = new Date(now.getTime() + skipDelayMinutes * 60_000).toISOString();
    this.change(leadId, actor, now, 'lead.skip', { reason }, () =>
      this.sqlite
        .prepare(
          "UPDATE leads SET due_at = ?, last_result = ? WHERE id = ? AND state IN ('due','callback')",
        )
        .run(dueAt, `skipped:${reason}`, leadId),
    );
  }

  /**
   * Off the list: this campaign's do-not-call, or, when the client asked not
   * to be called at all, the global one, which ends every advertising call at
   * once and marks the card.
   */
  remove(leadId: number, level: 'campaign' | 'global', actor: string, now: Date): void {
    const lead = this.sqlite
      .prepare('SELECT client_id AS clientId, campaign_id AS campaignId FROM leads WHERE id = ?')
      .get(leadId) as { clientId: number; campaignId: number } | undefined;
    if (lead === undefined) return;
    const at = now.toISOString();
    this.change(leadId, actor, now, 'lead.remove', { level }, () => {
      this.sqlite
        .prepare(
          `INSERT INTO dnc_entries (uid, level, client_id, campaign_id, reason, created_by, created_at)
           VALUES (?, ?, ?, ?, 'removed from a call list', ?, ?)`,
        )
        .run(
          uuidv7(),
          level,
          lead.clientId,
          level === 'campaign' ? lead.campaignId : null,
          actor,
          at,
        );
      this.sqlite
        .prepare("UPDATE leads SET state = 'removed', due_at = NULL, last_result = ? WHERE id = ?")
        .run(`removed:${level}`, leadId);
      if (level === 'global')
        markDoNotCall(this.sqlite, lead.clientId, { at, actor, action: 'client.doNotCall' });
    });
  }

  /** A callback agreed without a call (or before it): the operator's own, due at that time. */
  callback(leadId: number, dueAt: Date, actor: string, now: Date): boolean {
    if (dueAt.getTime() <= now.getTime()) return false;
    this.change(leadId, actor, now, 'lead.callback', { dueAt: dueAt.toISOString() }, () =>
      this.sqlite
        .prepare(
          `UPDATE leads SET state = 'callback', due_at = ?, owner = ?, last_result = 'callback'
           WHERE id = ? AND state IN ('due','callback')`,
        )
        .run(dueAt.toISOString(), actor, leadId),
    );
    return true;
  }

  /** The callbacks promised to this client by this operator that are now kept. */
  private closePromisedCallbacks(leadId: number, actor: string, now: Date): void {
    const at = now.toISOString();
    this.sqlite
      .prepare(
        `UPDATE callbacks SET status = 'done', updated_at = ?
         WHERE status = 'pending' AND created_by = ? AND due_at <= ?
           AND client_id = (SELECT client_id FROM leads WHERE id = ?)`,
      )
      .run(at, actor, at, leadId);
  }

  private change(
    leadId: number,
    actor: string,
    now: Date,
    action: string,
    details: Record<string, unknown>,
    apply: () => unknown,
  ): void {
    this.sqlite.transaction(() => {
      apply();
      recordChange(this.sqlite, {
        at: now.toISOString(),
        actor,
        action,
        entity: 'lead',
        entityId: leadId,
        details,
        outbox: { op: 'update', payload: { leadId, action, ...details } },
      });
    })();
  }
}
