import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { targetMetrics } from '../../../src-shared/performance/sheetView';
import { helpRequestSchema, type HelpView } from '../../../src-shared/sync/supervisorView';
import type { PultDatabase } from '../db/database';
import { takeTargets } from '../performance/targetEditions';
import type { Clock, Logger } from '../platform/ports';
import { type ClientLanding, type LandedClients, landingOnMain } from './clientLanding';
import type { FeedEntry, TeamConnection } from './pgConnection';
import { TeamCallbacks } from './teamCallbacks';
import { TeamCalls } from './teamCalls';
import { TeamCampaigns } from './teamCampaigns';
import { TeamClients } from './teamClients';
import { TeamDayOffs } from './teamDayOffs';
import { TeamScriptRuns } from './teamScriptRuns';
import { TeamCatalogues } from '../catalogue/teamCatalogues';
import { TeamScripts } from './teamScripts';

export interface PullResult {
  /** Feed entries read (or clients, for a snapshot). */
  read: number;
  /** Local ids of the clients whose card or list shows something new. */
  clients: number[];
  /** Entries the base could not take (malformed); skipped, logged, counted. */
  skipped: number;
  /** The snapshot left clients' search rows to the backlog (the import worker indexes them). */
  indexLater: boolean;
  /** Day-off requests or decisions landed (the schedule and the supervisor's list read again). */
  dayOffs: number;
  /** Call lists the team was given, landed as this desk's campaigns. */
  campaigns: number;
  /** Script versions and target editions the team's supervisors published, landed. */
  published: number;
  /** Callbacks that joined or left this operator's list. */
  callbacks: number;
  /** Catalogue editions the team's supervisors published, waiting to be taken (takeTeamCatalogue). */
  catalogues: number;
  /** Calls for help and their answers of the last minutes (older ones are past helping). */
  help: HelpView[];
}

/** A call for help older than this is not shown: the call it was about is long over. */
const helpFreshMs = 10 * 60_000;

/** A call for help as the team's feed carries it (pult.feed_help). */
const feedHelpSchema = z.object({
  operator: z.string().min(1).max(200),
  request: helpRequestSchema,
  askedAt: z.string(),
  answeredBy: z.string().max(200).nullable(),
  extension: z.string().max(40).nullable(),
});

/** Targets as the team's feed carries them (pult.publish_targets). */
const teamTargetsSchema = z.object({
  publishedBy: z.string().min(1).max(200),
  editions: z
    .array(
      z.object({
        metric: z.enum(targetMetrics),
        period: z.enum(['day', 'week', 'month']),
        value: z.number(),
        version: z.string().min(1).max(40),
        effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      }),
    )
    .max(1000),
});

/** Small enough that a chunk of a snapshot's entries holds the phone line (main) for well under 50 ms. */
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
  private readonly calls: TeamCalls;
  private readonly dayOffs: TeamDayOffs;
  private readonly campaigns: TeamCampaigns;
  private readonly callbacks: TeamCallbacks;
  private readonly scripts: TeamScripts | undefined;
  private readonly catalogues: TeamCatalogues;
  private readonly setCursor: BetterSqlite3.Statement<[number]>;
  private readonly snapshotTaken: BetterSqlite3.Statement<[number, string]>;

  constructor(
    private readonly deps: {
      sqlite: BetterSqlite3.Database;
      clock: Clock;
      logger: Logger;
      /** The operator this desk pulls for: their day-off requests made at another desk come back. */
      actor?: string;
      /** The base as the script library writes it: scripts the team's supervisors publish land. */
      db?: PultDatabase;
      batch?: number;
      /** Lets the phone line run between chunks of a snapshot. */
      yieldBetween?: () => Promise<void>;
      /** Where a snapshot's clients land (the app's: a thread of their own); main by default. */
      clientLanding?: () => ClientLanding;
    },
  ) {
    this.clients = new TeamClients(deps.sqlite);
    this.runs = new TeamScriptRuns(deps.sqlite);
    this.calls = new TeamCalls(deps.sqlite);
    this.dayOffs = new TeamDayOffs(deps.sqlite, deps.actor);
    this.campaigns = new TeamCampaigns(deps.sqlite);
    this.callbacks = new TeamCallbacks(deps.sqlite, deps.actor);
    this.catalogues = new TeamCatalogues(deps.sqlite);
    this.scripts = deps.db === undefined ? undefined : new TeamScripts(deps.db, deps.clock);
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

  /** Colleagues' day-off requests landed here that wait for a decision (a supervisor's desk). */
  dayOffsWaiting(): number {
    return (
      this.deps.sqlite
        .prepare("SELECT count(*) AS n FROM team_day_offs WHERE status = 'submitted'")
        .get() as { n: number }
    ).n;
  }

  /** Everything new on the team's feed (a snapshot first, the first time). */
  async pull(
    connection: Pick<TeamConnection, 'feed' | 'snapshot'>,
    /** Asked between batches: sync stopping (the app quitting) does not wait for the whole feed. */
    stopping: () => boolean = () => false,
  ): Promise<PullResult> {
    const result: PullResult = {
      read: 0,
      clients: [],
      skipped: 0,
      indexLater: false,
      dayOffs: 0,
      campaigns: 0,
      published: 0,
      help: [],
      callbacks: 0,
      catalogues: 0,
    };
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
    const clientsLanding =
      this.deps.clientLanding?.() ?? landingOnMain(this.deps.sqlite, this.deps.yieldBetween);
    const noteLanded = (landed: LandedClients) => {
      result.read += landed.read;
      for (const clientId of landed.clients) result.clients.push(clientId);
      for (const { uid, problem } of landed.skipped) {
        result.skipped += 1;
        this.deps.logger.warn('sync: a client from the team could not be taken; skipped', {
          uid,
          problem,
        });
      }
    };
    // One batch lands while the next is read: the server writes and this desk lands at once.
    let landing: Promise<void> = Promise.resolve();
    let cursor: number;
    try {
      ({ cursor } = await connection.snapshot(
        async (lines) => {
          await landing;
          if (stopping()) throw new Error('team sync stopped during the snapshot');
          result.indexLater = true;
          landing = clientsLanding
            .land(lines, this.deps.clock.now().toISOString())
            .then(noteLanded);
          // Its failure surfaces where it is awaited (the next batch, or the end); until then
          // it must not count as unhandled.
          landing.catch(() => undefined);
        },
        async (entries) => {
          // Calls and runs are about the clients: those land first.
          await landing;
          await inChunks(entries, (chunk) => this.applySnapshotEntries(chunk, result));
        },
      ));
      await landing;
    } finally {
      await landing.catch(() => undefined);
      await clientsLanding.close();
    }
    this.snapshotTaken.run(cursor, this.deps.clock.now().toISOString());
    this.deps.logger.info('sync: the team snapshot has landed', {
      clients: result.read,
      ms: this.deps.clock.now().getTime() - started,
    });
  }

  /** Colleagues' script runs and calls, and day-off requests, from the snapshot (the feed carries later ones). */
  private applySnapshotEntries(entries: FeedEntry[], result: PullResult): void {
    const at = this.deps.clock.now().toISOString();
    this.deps.sqlite.transaction(() => {
      for (const entry of entries) this.land(entry, at, result);
    })();
  }

  private applyEntries(entries: FeedEntry[], result: PullResult): void {
    const at = this.deps.clock.now().toISOString();
    this.deps.sqlite.transaction(() => {
      for (const entry of entries) {
        result.read += 1;
        this.land(entry, at, result);
      }
      this.setCursor.run(entries.at(-1)?.id ?? this.cursor());
    })();
  }

  /**
   * One entry of the feed (or the snapshot) into this base. A colleague's run or call is on the
   * client's card (the open card reads it again); a day-off request is on the operator's schedule
   * or the supervisor's list. An entity this version does not know is passed over: a newer
   * server's feed still flows.
   */
  private land(entry: FeedEntry, at: string, result: PullResult): void {
    const skip = (what: string, problem: string) => {
      result.skipped += 1;
      this.deps.logger.warn(`sync: ${what} from the team could not be taken; skipped`, {
        uid: entry.uid.slice(0, 40),
        problem,
      });
    };
    if (entry.entity === 'client') {
      this.note(this.clients.apply(entry.uid, entry.data, at), entry.uid, result);
    } else if (entry.entity === 'scriptRun' || entry.entity === 'call') {
      const applied =
        entry.entity === 'call'
          ? this.calls.apply(entry.uid, entry.data, at)
          : this.runs.apply(entry.uid, entry.data, at);
      if (applied.kind === 'invalid') skip(`a ${entry.entity}`, applied.problem);
      else if (applied.kind === 'stored' && applied.clientId !== undefined)
        result.clients.push(applied.clientId);
    } else if (entry.entity === 'dayOff') {
      const applied = this.dayOffs.apply(entry.uid, entry.data, at);
      if (applied.kind === 'invalid') skip('a day-off request', applied.problem);
      else result.dayOffs += 1;
    } else if (entry.entity === 'script' && this.scripts !== undefined) {
      const applied = this.scripts.apply(entry.uid, entry.data);
      if (applied.kind === 'invalid') skip('a script', applied.problem);
      else if (applied.kind === 'published') result.published += 1;
    } else if (entry.entity === 'targets') {
      const parsed = teamTargetsSchema.safeParse(entry.data);
      if (!parsed.success) skip('targets', z.prettifyError(parsed.error));
      else
        result.published += takeTargets(
          this.deps.sqlite,
          parsed.data.editions,
          `team:${parsed.data.publishedBy}`,
          at,
        );
    } else if (entry.entity === 'callback') {
      const applied = this.callbacks.apply(entry.uid, entry.data, at);
      if (applied.kind === 'invalid') skip('a callback', applied.problem);
      else if (applied.kind === 'changed') result.callbacks += 1;
    } else if (entry.entity === 'help') {
      const parsed = feedHelpSchema.safeParse(entry.data);
      if (!parsed.success) skip('a call for help', z.prettifyError(parsed.error));
      else if (this.deps.clock.now().getTime() - Date.parse(parsed.data.askedAt) < helpFreshMs)
        result.help.push({ uid: entry.uid, ...parsed.data });
    } else if (entry.entity === 'catalogue') {
      const landed = this.catalogues.land(entry.data, at);
      if (landed.kind === 'invalid') skip('a catalogue', landed.problem);
      else if (landed.kind === 'stored') result.catalogues += 1;
    } else if (entry.entity === 'campaign') {
      const applied = this.campaigns.apply(entry.uid, entry.data, at);
      if (applied.kind === 'invalid') skip('a call list', applied.problem);
      else result.campaigns += 1;
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
