import type BetterSqlite3 from 'better-sqlite3';
import type { Disposition } from '../../../src-shared/calls/wrapUpSchema';
import { mayCallText } from '../../../src-shared/campaigns/callingRules';
import type {
  DialError,
  OutboundMode,
  OutboundView,
  SkipReason,
} from '../../../src-shared/campaigns/outboundView';
import type { CallView, EndCause } from '../../../src-shared/telephony/callView';
import type { Clock, Logger } from '../platform/ports';
import type { DialAttempts, DialResult } from './dialAttempts';
import type { LeadOutcomes } from './leadOutcomes';
import type { LeadPicker, PickedLead } from './leadPicker';

export interface OutboundDeskDeps {
  sqlite: BetterSqlite3.Database;
  picker: Pick<LeadPicker, 'next' | 'check'>;
  attempts: Pick<DialAttempts, 'start' | 'finish' | 'withdraw' | 'linkCall' | 'leadOfCall'>;
  outcomes: Pick<LeadOutcomes, 'wrappedUp' | 'skip' | 'remove' | 'callback'>;
  /** Places the call through the call controller (the PBX's dial rules, the campaign's caller ID). */
  dial: (
    e164: string,
    callerId: string | null,
  ) => { ok: true; id: number } | { ok: false; error: DialError };
  /** The operator's state: progressive dials only while Ready; nothing is dialled during another call. */
  agentState: () => string;
  clock: Clock;
  logger: Logger;
  actor: string;
  language: () => 'uk' | 'en';
  autoDialSeconds: () => number;
  showNumber: (e164: string) => string;
  onChanged: (view: OutboundView) => void;
  /** How often a session with nothing callable looks again (a lead falls due, the hour opens). */
  pollMs?: number;
  /** A team list's leads come from the center and what becomes of them goes back (team mode). */
  team?: TeamListPort;
}

/** What the desk asks of a team list (sync's TeamLeads): leads, and telling the center. */
export interface TeamListPort {
  /** More leads from the center when few are held here; how many came. */
  refill(campaignId: number): Promise<number>;
  /** Tells the center what became of the leads held here. */
  settle(): Promise<unknown>;
  /** The session ends: untried leads go back to the team. */
  giveBack(campaignId: number): Promise<unknown>;
}

interface Session {
  campaignId: number;
  mode: OutboundMode;
  paused: boolean;
}

interface Dialling {
  attemptId: number;
  leadId: number;
  callId: number;
  interactionId: number | null;
  answered: boolean;
}

/** What a call that was never talked on says of the number, for its retry rule. */
export function dialResultOf(cause: EndCause | null): Exclude<DialResult, 'answered' | 'machine'> {
  if (cause === 'busy') return 'busy';
  // Not picked up, declined, or the operator gave up while it rang: tried again later.
  if (
    cause === 'noAnswer' ||
    cause === 'canceled' ||
    cause === 'rejected' ||
    cause === 'unavailable'
  )
    return 'noAnswer';
  return 'failed';
}

/**
 * One operator working one call list. Preview puts the next lead on screen
 * (its card, its last refusal, the offer and the script) and dials on Call,
 * or by itself after IT's countdown; progressive dials the next lead as soon
 * as the operator is Ready again after the last wrap-up. Every dial is
 * checked once more just before it leaves and written before the INVITE; the
 * call's end and its wrap-up decide what becomes of the lead.
 */
export class OutboundDesk {
  private session: Session | undefined;
  private lead: PickedLead | undefined;
  private dialling: Dialling | undefined;
  private wrapUpFor: { leadId: number; interactionId: number } | undefined;
  private notice: OutboundView['notice'] = null;
  private autoDialAt: Date | undefined;
  private autoDialTimer: ReturnType<typeof setTimeout> | undefined;
  private waitTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: OutboundDeskDeps) {}

  /** A session is open and not paused: an update must wait for it. */
  working(): boolean {
    return this.session !== undefined && !this.session.paused;
  }

  start(campaignId: number, mode: OutboundMode): boolean {
    const exists = this.deps.sqlite
      .prepare("SELECT 1 FROM campaigns WHERE id = ? AND status = 'active'")
      .get(campaignId);
    if (exists === undefined || this.dialling !== undefined) return false;
    this.session = { campaignId, mode, paused: false };
    this.lead = undefined;
    this.notice = null;
    this.clearTimers();
    this.advance();
    this.changed();
    return true;
  }

  /** Ends the session; a call in progress goes on and its wrap-up still reaches its lead. */
  stop(): void {
    const campaignId = this.session?.campaignId;
    if (campaignId !== undefined && this.deps.team !== undefined)
      void this.deps.team.giveBack(campaignId).catch((error: unknown) =>
        this.deps.logger.warn('outbound: could not give leads back to the team', {
          error: String(error),
        }),
      );
    this.session = undefined;
    this.lead = undefined;
    this.notice = null;
    this.clearTimers();
    this.changed();
  }

  pause(): void {
    if (this.session === undefined) return;
    this.session.paused = true;
    this.clearTimers();
    this.changed();
  }

  resume(): void {
    if (this.session === undefined) return;
    this.session.paused = false;
    // Progressive goes on with the lead on screen (one a failed dial left there) when Ready.
    if (
      this.lead !== undefined &&
      this.dialling === undefined &&
      this.session.mode === 'progressive' &&
      this.deps.agentState() === 'ready'
    )
      this.dialLead(this.lead);
    else this.advance();
    this.changed();
  }

  /** Call the lead on screen. */
  call(): boolean {
    if (this.lead === undefined || this.dialling !== undefined) return false;
    this.dialLead(this.lead);
    this.changed();
    return true;
  }

  skip(reason: SkipReason): boolean {
    return this.decide((lead, now) =>
      this.deps.outcomes.skip(lead.leadId, reason, this.deps.actor, now),
    );
  }

  remove(level: 'campaign' | 'global'): boolean {
    return this.decide((lead, now) =>
      this.deps.outcomes.remove(lead.leadId, level, this.deps.actor, now),
    );
  }

  callback(at: Date): boolean | 'past' {
    const lead = this.lead;
    if (lead === undefined || this.dialling !== undefined) return false;
    if (!this.deps.outcomes.callback(lead.leadId, at, this.deps.actor, this.deps.clock.now()))
      return 'past';
    this.lead = undefined;
    this.clearTimers();
    this.advance();
    this.changed();
    return true;
  }

  /** Something the desk follows failed (the base refused a write): said where the operator looks. */
  reportProblem(): void {
    this.notice = { kind: 'problem' };
    this.changed();
  }

  /** The calls changed: the session's dial rang, was answered or ended. */
  callsChanged(list: readonly CallView[]): void {
    const dialling = this.dialling;
    if (dialling === undefined) return;
    const call = list.find((c) => c.id === dialling.callId);
    if (call === undefined) return;
    const now = this.deps.clock.now();
    if (call.interactionId !== null && dialling.interactionId === null) {
      dialling.interactionId = call.interactionId;
      this.deps.attempts.linkCall(dialling.attemptId, call.interactionId);
    }
    if (call.answeredAt !== null && !dialling.answered) {
      dialling.answered = true;
      this.changed();
    }
    if (call.state !== 'ended') return;
    this.dialling = undefined;
    this.lead = undefined;
    const result: DialResult = dialling.answered ? 'answered' : dialResultOf(call.endCause);
    this.deps.attempts.finish(dialling.attemptId, result, dialling.interactionId, now);
    if (dialling.answered && dialling.interactionId !== null)
      this.wrapUpFor = { leadId: dialling.leadId, interactionId: dialling.interactionId };
    else this.notice = this.resultNotice(dialling.leadId, result);
    this.advance();
    this.changed();
  }

  /**
   * A wrap-up was saved (before the operator is Ready again): a lead's call
   * moves its lead, in this session or left by an earlier one.
   */
  wrappedUp(wrapUp: {
    interactionId: number;
    disposition: Disposition;
    callbackAt?: string | undefined;
  }): void {
    const leadId =
      this.wrapUpFor?.interactionId === wrapUp.interactionId
        ? this.wrapUpFor.leadId
        : this.deps.attempts.leadOfCall(wrapUp.interactionId);
    if (leadId === undefined) return;
    this.deps.outcomes.wrappedUp(leadId, wrapUp, this.deps.actor, this.deps.clock.now());
    if (this.wrapUpFor?.leadId === leadId) {
      this.wrapUpFor = undefined;
      this.notice = this.resultNotice(leadId, wrapUp.disposition);
    }
    this.advance();
    this.changed();
  }

  /** The operator's state changed: Ready again after a wrap-up lets progressive go on. */
  agentChanged(): void {
    const state = this.deps.agentState();
    // The wrap-up's time ran out without an outcome: the lead stays as its call left it.
    if (this.wrapUpFor !== undefined && state !== 'wrapUp' && state !== 'onCall')
      this.wrapUpFor = undefined;
    if (this.lead === undefined) this.advance();
    else if (
      this.session?.mode === 'progressive' &&
      !this.session.paused &&
      state === 'ready' &&
      this.dialling === undefined
    )
      this.dialLead(this.lead);
    this.changed();
  }

  view(): OutboundView {
    const session = this.session;
    const campaign = session === undefined ? undefined : this.campaign(session.campaignId);
    const now = this.deps.clock.now();
    const lead = this.lead === undefined ? null : this.leadView(this.lead.leadId);
    const nextDueAt =
      session !== undefined && this.lead === undefined && this.dialling === undefined
        ? this.nextDue(session.campaignId)
        : null;
    return {
      stage: this.stage(nextDueAt),
      campaign: campaign ?? null,
      mode: session?.mode ?? 'preview',
      paused: session?.paused ?? false,
      lead,
      permission: this.lead === undefined ? null : mayCallText({ ok: true }, this.deps.language()),
      autoDialAt: this.autoDialAt?.toISOString() ?? null,
      nextDueAt,
      notice: this.notice,
      callbacks:
        session === undefined
          ? []
          : (
              this.deps.sqlite
                .prepare(
                  `SELECT l.id AS leadId, c.full_name AS clientName, l.due_at AS dueAt FROM leads l
                   JOIN clients c ON c.id = l.client_id
                   WHERE l.campaign_id = ? AND l.state = 'callback' AND l.owner = ? AND l.due_at IS NOT NULL
                     AND (l.reserved_until IS NULL OR l.reserved_until > ?)
                   ORDER BY l.due_at LIMIT 50`,
                )
                .all(session.campaignId, this.deps.actor, now.toISOString()) as {
                leadId: number;
                clientName: string;
                dueAt: string;
              }[]
            ).map((row) => ({ ...row, overdue: Date.parse(row.dueAt) < now.getTime() })),
    };
  }

  private stage(nextDueAt: string | null): OutboundView['stage'] {
    if (this.session === undefined) return 'idle';
    if (this.dialling !== undefined) return this.dialling.answered ? 'talking' : 'dialling';
    if (this.wrapUpFor !== undefined) return 'wrapUp';
    if (this.lead !== undefined) return 'preview';
    return nextDueAt === null ? 'finished' : 'waiting';
  }

  /** The next lead on screen (and, progressive and Ready, dialled), or a look again later. */
  private advance(): void {
    const session = this.session;
    clearTimeout(this.waitTimer);
    if (session === undefined || session.paused) return;
    if (this.lead !== undefined || this.dialling !== undefined || this.wrapUpFor !== undefined)
      return;
    const state = this.deps.agentState();
    if (state === 'onCall' || state === 'wrapUp') return;
    const now = this.deps.clock.now();
    this.askTheTeam(session.campaignId);
    const picked = this.deps.picker.next(session.campaignId, now, this.deps.actor);
    if (picked === undefined) {
      this.waitTimer = setTimeout(() => {
        this.advance();
        this.changed();
      }, this.deps.pollMs ?? 5000);
      return;
    }
    this.lead = picked;
    if (session.mode === 'progressive') {
      if (state === 'ready') this.dialLead(picked);
      return;
    }
    const seconds = this.deps.autoDialSeconds();
    if (seconds > 0) {
      this.autoDialAt = new Date(now.getTime() + seconds * 1000);
      this.autoDialTimer = setTimeout(() => {
        this.autoDialAt = undefined;
        if (this.lead === picked && this.dialling === undefined && this.session?.paused === false)
          this.call();
      }, seconds * 1000);
    }
  }

  /** Checked again, written, then dialled: in that order, every time. */
  private dialLead(lead: PickedLead): void {
    this.clearTimers();
    const now = this.deps.clock.now();
    const answer = this.deps.picker.check(lead.leadId, now);
    if (answer === undefined || !answer.ok) {
      this.notice = {
        kind: 'notCallable',
        text: answer === undefined ? '' : mayCallText(answer, this.deps.language()),
      };
      this.lead = undefined;
      this.advance();
      return;
    }
    const started = this.deps.attempts.start(lead.leadId, now);
    if (!started.ok) {
      this.lead = undefined;
      this.advance();
      return;
    }
    const campaign =
      this.session === undefined ? undefined : this.campaign(this.session.campaignId);
    const placed = this.deps.dial(started.e164, campaign?.callerId ?? null);
    if (!placed.ok) {
      // Nothing left this desk: the attempt is taken back, and the operator told why.
      this.deps.attempts.withdraw(started.attemptId, now);
      this.deps.logger.warn('outbound: the lead was not dialled', { error: placed.error });
      this.notice = { kind: 'dialFailed', error: placed.error };
      // Progressive stops rather than fail on every lead in turn.
      if (this.session !== undefined) this.session.paused = true;
      return;
    }
    // The last lead's result stays in view while the next one rings; a failed dial's does not.
    if (this.notice?.kind === 'dialFailed') this.notice = null;
    this.dialling = {
      attemptId: started.attemptId,
      leadId: lead.leadId,
      callId: placed.id,
      interactionId: null,
      answered: false,
    };
  }

  private decide(act: (lead: PickedLead, now: Date) => void): boolean {
    const lead = this.lead;
    if (lead === undefined || this.dialling !== undefined) return false;
    act(lead, this.deps.clock.now());
    this.lead = undefined;
    this.clearTimers();
    this.advance();
    this.changed();
    return true;
  }

  private campaign(id: number) {
    return this.deps.sqlite
      .prepare(
        `SELECT id, name, purpose, script_name AS scriptName, offer_code AS offer, caller_id AS callerId
         FROM campaigns WHERE id = ?`,
      )
      .get(id) as (NonNullable<OutboundView['campaign']> & { callerId: string | null }) | undefined;
  }

  private leadView(leadId: number): OutboundView['lead'] {
    const row = this.deps.sqlite
      .prepare(
        `SELECT l.id AS leadId, l.client_id AS clientId, c.full_name AS clientName, l.e164, c.city,
           l.attempts, l.last_result AS lastResult,
           CASE WHEN l.state = 'callback' THEN l.due_at END AS callbackDue
         FROM leads l JOIN clients c ON c.id = l.client_id WHERE l.id = ?`,
      )
      .get(leadId) as
      | (Omit<NonNullable<OutboundView['lead']>, 'number' | 'lastRefusal'> & { e164: string })
      | undefined;
    if (row === undefined) return null;
    const label = this.deps.language() === 'uk' ? 'label_uk' : 'label_en';
    const refusal = this.deps.sqlite
      .prepare(
        `SELECT r.${label} AS reason, x.at FROM (
           SELECT refusal_reason_id AS reasonId, offered_at AS at FROM offers
             WHERE client_id = @client AND result = 'refused'
           UNION ALL
           SELECT refusal_reason_id, offered_at FROM interactions
             WHERE client_id = @client AND outcome = 'refused'
         ) x JOIN refusal_reasons r ON r.id = x.reasonId ORDER BY x.at DESC LIMIT 1`,
      )
      .get({ client: row.clientId }) as { reason: string; at: string } | undefined;
    const { e164, ...rest } = row;
    return { ...rest, number: this.deps.showNumber(e164), lastRefusal: refusal ?? null };
  }

  private nextDue(campaignId: number): string | null {
    const row = this.deps.sqlite
      .prepare(
        `SELECT min(due_at) AS at FROM leads
         WHERE campaign_id = ? AND (state = 'due' OR (state = 'callback' AND owner = ?))`,
      )
      .get(campaignId, this.deps.actor) as { at: string | null };
    return row.at;
  }

  private resultNotice(leadId: number, result: DialResult | Disposition): OutboundView['notice'] {
    const row = this.deps.sqlite
      .prepare(
        `SELECT c.full_name AS name, l.state, l.due_at AS dueAt FROM leads l
         JOIN clients c ON c.id = l.client_id WHERE l.id = ?`,
      )
      .get(leadId) as { name: string; state: string; dueAt: string | null } | undefined;
    if (row === undefined) return null;
    const again = row.dueAt !== null && (row.state === 'due' || row.state === 'callback');
    return { kind: 'lastResult', clientName: row.name, result, nextAt: again ? row.dueAt : null };
  }

  /** A team list running low here: more leads from the center, drawn as soon as they come. */
  private askTheTeam(campaignId: number): void {
    this.deps.team
      ?.refill(campaignId)
      .then((taken) => {
        if (taken > 0 && this.session?.campaignId === campaignId && this.lead === undefined) {
          this.advance();
          this.changed();
        }
      })
      .catch((error: unknown) =>
        this.deps.logger.warn('outbound: no leads from the team', { error: String(error) }),
      );
  }

  private clearTimers(): void {
    clearTimeout(this.autoDialTimer);
    clearTimeout(this.waitTimer);
    this.autoDialAt = undefined;
  }

  private changed(): void {
    this.deps.onChanged(this.view());
    // Whatever moved a team list's lead (a dial, a wrap-up, a skip) is told to the center.
    this.deps.team
      ?.settle()
      .catch((error: unknown) =>
        this.deps.logger.warn('outbound: could not tell the team', { error: String(error) }),
      );
  }
}
