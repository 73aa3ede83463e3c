import type BetterSqlite3 from 'better-sqlite3';
import type { Clock, Logger } from '../platform/ports';
import type { FeedEntry, TeamClientRow, TeamConnection } from './pgConnection';
import { TeamClients } from './teamClients';
import { TeamScriptRuns } from './teamScriptRuns';

export interface PullResult {
  /** Feed entries read (or clients, for a snapshot). */
  read: number;
  /** Local ids of the clients whose card or list shows something new. */
  clients: number[];
  /** Entries the base could not take (malformed); skipped, logged, counted. */
  skipped: number;
  /** The snapshot left clients' search rows to the backlog (the import worker indexes them). */
  indexLater: boolean;
}

/** Small enough that a chunk of a snapshot holds the phone line (main) for well under 50 ms. */
const rowsPerTransaction = 200;

/**
 * Team sync's pull: the team's feed lands in this base from the cursor on, in
 * the server's order, the cursor moving in the same transaction as what it
 * applied, so a crash or a cut connection neither loses nor doubles an entry.
 * A workstation that never pulled starts from a snapshot of the team's
 * clients (COPY), then follows the feed from where the snapshot stood. An
 * entry the base cannot take is logged and skipped: one bad entry never
 * stops the team's feed.
 */
export class FeedPull {
  private readonly clients: TeamClients;
  private readonly runs: TeamScriptRuns;
  private readonly setCursor: BetterSqlite3.Statement<[number]>;
  private readonly snapshotTaken: BetterSqlite3.Statement<[number, string]>;

  constructor(
    private readonly deps: {
      sqlite: BetterSqlite3.Database;
      clock: Clock;
      logger: Logger;
      batch?: number;
      /** Lets the phone line run between chunks of a snapshot. */
      yieldBetween?: () => Promise<void>;
    },
  ) {
    this.clients = new TeamClients(deps.sqlite);
    this.runs = new TeamScriptRuns(deps.sqlite);
    this.setCursor = deps.sqlite.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1');
    this.snapshotTaken = deps.sqlite.prepare(
      'UPDATE sync_state SET cursor = ?, snapshot_at = ? WHERE id = 1',
    );
  }

  cursor(): number {
    return (
      this.deps.sqlite.prepare('SELECT cursor FROM sync_state WHERE id = 1').get() as {
        cursor: number;
      }
    ).cursor;
  }

  /** Everything new on the team's feed (a snapshot first, the first time). */
  async pull(
    connection: Pick<TeamConnection, 'feed' | 'snapshot'>,
    /** Asked between batches: sync stopping (the app quitting) does not wait for the whole feed. */
    stopping: () => boolean = () => false,
  ): Promise<PullResult> {
    const result: PullResult = { read: 0, clients: [], skipped: 0, indexLater: false };
    const taken = this.deps.sqlite
      .prepare('SELECT snapshot_at AS at FROM sync_state WHERE id = 1')
      .get() as { at: string | null };
    if (taken.at === null) await this.snapshot(connection, result, stopping);
    while (!stopping()) {
      const entries = await connection.feed(this.cursor(), this.deps.batch ?? 500);
      if (entries.length === 0) break;
      this.applyEntries(entries, result);
    }
    return result;
  }

  private async snapshot(
    connection: Pick<TeamConnection, 'snapshot'>,
    result: PullResult,
    stopping: () => boolean,
  ): Promise<void> {
    const started = this.deps.clock.now().getTime();
    // Each chunk in a transaction of its own, the phone line running between chunks. What
    // landed stays; the next start takes the snapshot again and skips nothing.
    const inChunks = async <T>(items: T[], land: (chunk: T[]) => void) => {
      if (stopping()) throw new Error('team sync stopped during the snapshot');
      for (let at = 0; at < items.length; at += rowsPerTransaction) {
        land(items.slice(at, at + rowsPerTransaction));
        await this.deps.yieldBetween?.();
      }
    };
    const { cursor } = await connection.snapshot(
      (rows) => {
        result.indexLater = true;
        return inChunks(rows, (chunk) => this.applyRows(chunk, result));
      },
      (entries) => inChunks(entries, (chunk) => this.applyRuns(chunk, result)),
    );
    this.snapshotTaken.run(cursor, this.deps.clock.now().toISOString());
    this.deps.logger.info('sync: the team snapshot has landed', {
      clients: result.read,
      ms: this.deps.clock.now().getTime() - started,
    });
  }

  private applyRows(rows: TeamClientRow[], result: PullResult): void {
    const at = this.deps.clock.now().toISOString();
    this.deps.sqlite.transaction(() => {
      const applied = this.clients.applyMany(rows, at);
      applied.forEach((one, index) => this.note(one, String(rows[index]?.uid), result));
      result.read += rows.length;
    })();
  }

  /** Colleagues' script runs from the snapshot (the feed carries later ones). */
  private applyRuns(entries: FeedEntry[], result: PullResult): void {
    const at = this.deps.clock.now().toISOString();
    this.deps.sqlite.transaction(() => {
      for (const entry of entries) this.noteRun(entry, at, result);
    })();
  }

  private applyEntries(entries: FeedEntry[], result: PullResult): void {
    const at = this.deps.clock.now().toISOString();
    this.deps.sqlite.transaction(() => {
      for (const entry of entries) {
        result.read += 1;
        // Calls of colleagues are not landed here yet: this base's calls are the operator's own
        // (their results sheet counts them).
        if (entry.entity === 'client')
          this.note(this.clients.apply(entry.uid, entry.data, at), entry.uid, result);
        else if (entry.entity === 'scriptRun') this.noteRun(entry, at, result);
      }
      this.setCursor.run(entries.at(-1)?.id ?? this.cursor());
    })();
  }

  /** A colleague's ended run: on the client's card (the open card reads it again). */
  private noteRun(entry: FeedEntry, at: string, result: PullResult): void {
    const applied = this.runs.apply(entry.uid, entry.data, at);
    if (applied.kind === 'invalid') {
      result.skipped += 1;
      this.deps.logger.warn('sync: a script run from the team could not be taken; skipped', {
        uid: entry.uid.slice(0, 40),
        problem: applied.problem,
      });
    } else if (applied.kind === 'stored' && applied.clientId !== undefined) {
      result.clients.push(applied.clientId);
    }
  }

  private note(applied: ReturnType<TeamClients['apply']>, uid: string, result: PullResult): void {
    if (applied.kind === 'invalid') {
      result.skipped += 1;
      this.deps.logger.warn('sync: a client from the team could not be taken; skipped', {
        uid: uid.slice(0, 40),
        problem: applied.problem,
      });
    } else if (applied.kind === 'created' || applied.kind === 'updated') {
      result.clients.push(applied.clientId);
    }
  }
}
