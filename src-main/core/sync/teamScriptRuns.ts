import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { sharedRunSchema } from '../../../src-shared/scripts/scriptRunView';

/** A colleague's ended run as the team's feed carries it (pult.apply_script_run). */
const feedRunSchema = z.object({
  client: z.uuid(),
  operator: z.string().min(1).max(200),
  summary: sharedRunSchema,
});

export type TeamRunApplied =
  | { kind: 'stored'; clientId: number | undefined }
  | { kind: 'own' }
  | { kind: 'invalid'; problem: string };

/**
 * Colleagues' ended script runs, landed from the team's feed for the client's
 * card. This desk's own runs come back on the feed too: they are here
 * already, with their steps, and are not stored twice.
 */
export class TeamScriptRuns {
  private readonly own: BetterSqlite3.Statement<[string]>;
  private readonly store: BetterSqlite3.Statement<[string, string, string, string, string]>;
  private readonly clientOf: BetterSqlite3.Statement<[string]>;

  constructor(sqlite: BetterSqlite3.Database) {
    this.own = sqlite.prepare('SELECT 1 FROM script_runs WHERE uid = ?');
    this.store = sqlite.prepare(
      `INSERT INTO team_script_runs (uid, client_uid, operator, summary, received_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (uid) DO UPDATE SET summary = excluded.summary, received_at = excluded.received_at`,
    );
    this.clientOf = sqlite.prepare('SELECT id FROM clients WHERE uid = ?');
  }

  apply(uid: string, data: unknown, at: string): TeamRunApplied {
    const parsed = feedRunSchema.safeParse(data);
    if (!parsed.success) return { kind: 'invalid', problem: z.prettifyError(parsed.error) };
    if (this.own.get(uid) !== undefined) return { kind: 'own' };
    const { client, operator, summary } = parsed.data;
    this.store.run(uid, client, operator, JSON.stringify(summary), at);
    const row = this.clientOf.get(client) as { id: number } | undefined;
    return { kind: 'stored', clientId: row?.id };
  }
}
