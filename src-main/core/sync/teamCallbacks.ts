import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { TeamCallbackView } from '../../../src-shared/sync/supervisorView';
import type { Clock } from '../platform/ports';
import { Refusal } from '../platform/refusal';
import { askCenter } from './askCenter';
import { sqlStateOf } from './outboxPush';
import type { TeamConnection } from './pgConnection';

const instant = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)))
  .transform((text) => new Date(text).toISOString());

/** A callback as the team's feed carries it to its owner's desks (pult.feed_callback). */
const feedCallbackSchema = z.object({
  owner: z.string().min(1).max(200),
  clientUid: z.uuid(),
  dueAt: instant,
  note: z.string().max(2000),
  status: z.enum(['pending', 'done', 'cancelled']),
  takenFrom: z.string().max(200).nullable(),
});

export type TeamCallbackApplied =
  { kind: 'changed' } | { kind: 'unchanged' } | { kind: 'invalid'; problem: string };

export type TeamCallbackProblem = 'teamOffline' | 'alreadyDecided';
export class TeamCallbackRefusal extends Refusal<TeamCallbackProblem> {}

/**
 * Callbacks and the team (issue 19). From the feed: a callback taken from
 * this operator by a colleague leaves their list (cancelled here, the
 * colleague keeps the promise); one this operator took, or made at another of
 * their desks, joins it. Landed with `sync_state.applying` set, so the
 * callbacks' triggers do not send the center back what it just said.
 */
export class TeamCallbacks {
  private readonly local: BetterSqlite3.Statement<[string], { id: number }>;
  private readonly clientOf: BetterSqlite3.Statement<[string], { id: number }>;
  private readonly applying: BetterSqlite3.Statement<[number]>;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly actor: string | undefined,
  ) {
    this.local = sqlite.prepare('SELECT id FROM callbacks WHERE uid = ?');
    this.clientOf = sqlite.prepare('SELECT id FROM clients WHERE uid = ?');
    this.applying = sqlite.prepare('UPDATE sync_state SET applying = ? WHERE id = 1');
  }

  /** Runs inside the pull's transaction. */
  apply(uid: string, data: unknown, at: string): TeamCallbackApplied {
    const parsed = feedCallbackSchema.safeParse(data);
    if (!parsed.success) return { kind: 'invalid', problem: z.prettifyError(parsed.error) };
    const callback = parsed.data;
    this.applying.run(1);
    try {
      const here = this.local.get(uid);
      if (here !== undefined) {
        const changes =
          callback.owner === this.actor
            ? this.sqlite
                .prepare(
                  `UPDATE callbacks SET due_at = ?, note = ?, status = ?, updated_at = ?
                   WHERE id = ? AND (due_at, note, status) IS NOT (?, ?, ?)`,
                )
                .run(
                  callback.dueAt,
                  callback.note,
                  callback.status,
                  at,
                  here.id,
                  callback.dueAt,
                  callback.note,
                  callback.status,
                ).changes
            : // A colleague took it: off this operator's list.
              this.sqlite
                .prepare(
                  "UPDATE callbacks SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'pending'",
                )
                .run(at, here.id).changes;
        return { kind: changes > 0 ? 'changed' : 'unchanged' };
      }
      if (callback.owner !== this.actor || callback.status !== 'pending')
        return { kind: 'unchanged' };
      const client = this.clientOf.get(callback.clientUid);
      if (client === undefined) return { kind: 'unchanged' };
      this.sqlite
        .prepare(
          `INSERT INTO callbacks (uid, client_id, due_at, status, note, created_by, created_at, updated_at)
           VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)`,
        )
        .run(uid, client.id, callback.dueAt, callback.note, callback.owner, at, at);
      return { kind: 'changed' };
    } finally {
      this.applying.run(0);
    }
  }
}

/** The team's overdue callbacks a colleague may take, and taking one. */
export class OpenCallbacks {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly deps: {
      clock: Clock;
      connection: () => Promise<Pick<TeamConnection, 'openCallbacks' | 'takeCallback'>>;
      pullNow: () => Promise<unknown>;
    },
  ) {}

  /** Null when the center cannot be reached. */
  async list(): Promise<TeamCallbackView[] | null> {
    let open;
    try {
      open = await (await this.deps.connection()).openCallbacks();
    } catch (error) {
      if (sqlStateOf(error) !== undefined) throw error;
      return null;
    }
    const client = this.sqlite.prepare<[string], { id: number; fullName: string }>(
      'SELECT id, full_name AS fullName FROM clients WHERE uid = ?',
    );
    return open.map((callback) => {
      const here = client.get(callback.client);
      return {
        uid: callback.uid,
        clientId: here?.id ?? null,
        clientName: here?.fullName ?? null,
        owner: callback.owner,
        dueAt: callback.dueAt.toISOString(),
        note: callback.note,
      };
    });
  }

  /** Takes a colleague's overdue callback; it joins this operator's list once the feed brings it. */
  async take(uid: string): Promise<void> {
    await askCenter(
      this.deps.connection,
      (connection) => connection.takeCallback(uid),
      { offline: 'teamOffline', refusals: { '55000': 'alreadyDecided' } },
      (problem: TeamCallbackProblem) => new TeamCallbackRefusal(problem),
    );
    await this.deps.pullNow();
  }
}
