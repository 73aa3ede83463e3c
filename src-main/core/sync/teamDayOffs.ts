import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';

const instant = (text: string) => new Date(text).toISOString();
const isInstant = (text: string) => !Number.isNaN(new Date(text).getTime());

/** A day-off request as the team's feed carries it (pult.day_off_state). */
const feedDayOffSchema = z.object({
  operator: z.string().min(1).max(200),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reason: z.string().max(2000),
  status: z.enum(['submitted', 'approved', 'rejected']),
  decidedBy: z.string().max(200).nullable(),
  decidedAt: z.string().refine(isInstant).nullable(),
  note: z.string().max(500),
  requestedAt: z.string().refine(isInstant),
});

export type TeamDayOffApplied =
  { kind: 'own' } | { kind: 'team' } | { kind: 'invalid'; problem: string };

/**
 * Day-off requests from the team's feed (the center shows one only to its
 * operator and the team's supervisors). The operator's own request takes
 * its decision, who made it and why; one made at another of the operator's
 * desks (a new PC) comes back whole. A colleague's lands in the supervisor's
 * list, to approve or reject.
 */
export class TeamDayOffs {
  private readonly decide: BetterSqlite3.Statement;
  private readonly restore: BetterSqlite3.Statement;
  private readonly store: BetterSqlite3.Statement;

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly actor: string | undefined,
  ) {
    this.decide = sqlite.prepare(
      `UPDATE day_off_requests SET status = @status, decided_by = @decidedBy,
         decided_at = @decidedAt, decision_note = @note WHERE uid = @uid`,
    );
    // Not through the outbox: it came from the center, which has it already.
    this.restore = sqlite.prepare(
      `INSERT INTO day_off_requests (uid, day, reason, status, decided_by, decided_at,
         decision_note, created_by, created_at)
       VALUES (@uid, @day, @reason, @status, @decidedBy, @decidedAt, @note, @operator, @requestedAt)`,
    );
    this.store = sqlite.prepare(
      `INSERT INTO team_day_offs (uid, operator, day, reason, status, decided_by, decided_at,
         decision_note, requested_at, received_at)
       VALUES (@uid, @operator, @day, @reason, @status, @decidedBy, @decidedAt, @note,
         @requestedAt, @at)
       ON CONFLICT (uid) DO UPDATE SET status = excluded.status, decided_by = excluded.decided_by,
         decided_at = excluded.decided_at, decision_note = excluded.decision_note,
         received_at = excluded.received_at`,
    );
  }

  apply(uid: string, data: unknown, at: string): TeamDayOffApplied {
    const parsed = feedDayOffSchema.safeParse(data);
    if (!parsed.success) return { kind: 'invalid', problem: z.prettifyError(parsed.error) };
    const request = parsed.data;
    const row = {
      uid,
      operator: request.operator,
      day: request.day,
      reason: request.reason,
      status: request.status,
      decidedBy: request.decidedBy,
      decidedAt: request.decidedAt === null ? null : instant(request.decidedAt),
      note: request.note === '' ? null : request.note,
      requestedAt: instant(request.requestedAt),
      at,
    };
    if (this.decide.run(row).changes > 0) return { kind: 'own' };
    if (request.operator === this.actor) {
      this.restore.run(row);
      return { kind: 'own' };
    }
    this.store.run(row);
    return { kind: 'team' };
  }
}
