import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';

/** When, as the server wrote it (`timestamptz` in JSON), read back as this base writes times: ISO, UTC. */
const instant = z.string().transform((text, context) => {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) {
    context.addIssue({ code: 'custom', message: 'not a time' });
    return z.NEVER;
  }
  return at.toISOString();
});

/** A colleague's call as the team's feed carries it (pult.apply_call: the row of pult.calls). */
const feedCallSchema = z.object({
  operator: z.string().min(1).max(200),
  client: z.uuid().nullable(),
  direction: z.enum(['inbound', 'outbound']),
  offered_at: instant,
  talk_seconds: z.number().min(0).max(86_400).nullable(),
  outcome: z.string().max(100).nullable(),
  refusal_reason: z.string().max(100).nullable(),
  notes: z.string().max(20_000),
});

export type TeamCallApplied =
  | { kind: 'stored'; clientId: number | undefined }
  | { kind: 'own' }
  | { kind: 'noClient' }
  | { kind: 'invalid'; problem: string };

/**
 * Colleagues' wrapped-up calls, landed from the team's feed for the client's
 * card history. The desk's own calls come back on the feed too and are
 * skipped: they are here already, with everything the results sheet needs.
 * A call with no client (a number nobody knew) has no card to show it on.
 */
export class TeamCalls {
  private readonly own: BetterSqlite3.Statement<[string]>;
  private readonly store: BetterSqlite3.Statement;
  private readonly clientOf: BetterSqlite3.Statement<[string]>;

  constructor(sqlite: BetterSqlite3.Database) {
    this.own = sqlite.prepare('SELECT 1 FROM interactions WHERE uid = ?');
    this.store = sqlite.prepare(
      `INSERT INTO team_calls (uid, client_uid, operator, direction, offered_at, talk_seconds,
         outcome, refusal_reason, notes, received_at)
       VALUES (@uid, @client, @operator, @direction, @offeredAt, @talkSeconds, @outcome,
         @refusalReason, @notes, @at)
       ON CONFLICT (uid) DO UPDATE SET outcome = excluded.outcome,
         refusal_reason = excluded.refusal_reason, notes = excluded.notes,
         talk_seconds = excluded.talk_seconds, received_at = excluded.received_at`,
    );
    this.clientOf = sqlite.prepare('SELECT id FROM clients WHERE uid = ?');
  }

  apply(uid: string, data: unknown, at: string): TeamCallApplied {
    const parsed = feedCallSchema.safeParse(data);
    if (!parsed.success) return { kind: 'invalid', problem: z.prettifyError(parsed.error) };
    if (this.own.get(uid) !== undefined) return { kind: 'own' };
    const call = parsed.data;
    if (call.client === null) return { kind: 'noClient' };
    this.store.run({
      uid,
      client: call.client,
      operator: call.operator,
      direction: call.direction,
      offeredAt: call.offered_at,
      talkSeconds: call.talk_seconds ?? 0,
      outcome: call.outcome,
      refusalReason: call.refusal_reason,
      notes: call.notes,
      at,
    });
    const row = this.clientOf.get(call.client) as { id: number } | undefined;
    return { kind: 'stored', clientId: row?.id };
  }
}
