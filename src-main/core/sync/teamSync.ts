import type { PultDatabase } from '../db/database';
import type { SyncView } from '../../../src-shared/sync/syncView';
import type { HelpView } from '../../../src-shared/sync/supervisorView';
import type { Clock, Logger, SecretStore } from '../platform/ports';
import type { MachinePolicy } from '../settings/machinePolicy';
import type { JobDatabase } from '../clients/fileJobs/fileJobTypes';
import { FeedPull } from './feedPull';
import { threadLanding } from './threadLanding';
import { isAnswerOnALiveConnection, OutboxPush, retryDelayMs } from './outboxPush';
import type { SyncServer, TeamConnection } from './pgConnection';

const passwordSecret = 'sync-password';
/** A clock further than this from the server's is worth a warning (issue 19). */
export const clockSkewWarnMs = 60_000;

/**
 * Team mode on this workstation: when IT's policy names the center's server
 * and the operator has given their password, the outbox is pushed soon after
 * each change (the outbox's pending index is looked at every second), after a failure as the push's
 * backoff says, and at once when asked; the team's feed is pulled when the
 * server says it grew (LISTEN), after each push, and every few seconds while
 * that word cannot come. Nothing is sent without a server: a workstation
 * works alone as before, and offline is normal: it catches up when back.
 */
export function startTeamSync(deps: {
  /** The base, and where it is for a thread of its own (the snapshot's clients land there). */
  database: () => Promise<{ db: PultDatabase; location?: JobDatabase }>;
  /** The bundled clientLandingThread; without it a snapshot lands on main, in short transactions. */
  landingThread?: string | URL;
  policy: Pick<MachinePolicy, 'sync'>;
  secrets: SecretStore;
  actor: string;
  clock: Clock;
  logger: Logger;
  readCa: (file: string) => string;
  connect: (server: SyncServer) => Promise<TeamConnection>;
  listen?: (
    server: SyncServer,
    onWake: () => void,
    onLost: (error: unknown) => void,
  ) => Promise<{ close(): Promise<void> }>;
  onChanged: (view: SyncView) => void;
  /** Calls for help (and their answers) that came with the team's feed, while still fresh. */
  onHelp?: (help: HelpView[]) => void;
  /** A catalogue edition from the team's supervisors waits: a worker takes it into the catalogue. */
  onCatalogue?: () => void;
  /** Clients others changed, landed here: the open card and lists read them again. */
  onClients?: (clientIds: number[]) => void;
  /** A snapshot left clients' search rows to the backlog: the import worker indexes them. */
  onSearchBacklog?: () => void;
  /** How often the outbox (and, without LISTEN, the feed) is looked at. */
  everyMs?: number;
  yieldBetween?: () => Promise<void>;
}) {
  let push: OutboxPush | undefined;
  let pull: FeedPull | undefined;
  let hasPassword = false;
  let stopped = false;
  let shared: Promise<TeamConnection> | undefined;
  let live: TeamConnection | undefined;
  let closeShared: (() => Promise<void>) | undefined;
  let listener: { close(): Promise<void> } | undefined;
  let listening = false;
  let listenFailures = 0;
  let listenRetryAt = 0;
  let listenTimer: ReturnType<typeof setTimeout> | undefined;
  let pullTimer: ReturnType<typeof setTimeout> | undefined;
  let pullFailures = 0;
  let pulling: Promise<void> | undefined;
  /** Pulls asked for; one asked while another ran gets a round of its own after it. */
  let asked = 0;
  let lastPullAt: Date | null = null;
  let lastPullError: string | null = null;
  let pulledSinceStart = 0;
  let clockSkewMs: number | null = null;
  let supervisor: boolean | null = null;

  const serverOf = () => deps.policy.sync.server;
  const login = async (): Promise<SyncServer> => {
    const server = serverOf();
    const password = await deps.secrets.get(passwordSecret);
    if (server === undefined || password === undefined) throw new Error('team sync is not set up');
    return {
      host: server.host,
      port: server.port,
      database: server.database,
      user: deps.actor,
      password,
      ca: server.caFile === undefined ? undefined : deps.readCa(server.caFile),
    };
  };
  /**
   * One connection for pushes and pulls, kept while it works: a failed call
   * drops it and the next round logs in again. Its calls take turns: a
   * snapshot's transaction, a push and a pull never interleave on it.
   */
  const connect = async (): Promise<TeamConnection> => {
    const made = await deps.connect(await login());
    const skew = (await made.serverTime()).getTime() - deps.clock.now().getTime();
    clockSkewMs = Number.isFinite(skew) ? skew : null;
    if (clockSkewMs !== null && Math.abs(clockSkewMs) > clockSkewWarnMs)
      deps.logger.warn("sync: this PC's clock is off the server's", { skewMs: clockSkewMs });
    supervisor = (await made.whoAmI()).supervisor;
    const told = supervisor;
    deps
      .database()
      .then(({ db }) =>
        db.sqlite.prepare('UPDATE sync_state SET supervisor = ? WHERE id = 1').run(told ? 1 : 0),
      )
      .catch((error: unknown) =>
        deps.logger.warn('sync: whether this operator supervises could not be kept', {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    let turn: Promise<unknown> = Promise.resolve();
    const drop = (error: unknown): never => {
      if (live === kept) {
        live = undefined;
        shared = undefined;
        closeShared = undefined;
      }
      void made.close().catch(() => undefined);
      throw error;
    };
    const guard =
      <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        const run = turn.then(() => call(...args));
        turn = run.catch(() => undefined);
        return run.catch((error: unknown) => {
          // A refusal (of a change, of a decision) says nothing about the connection.
          if (isAnswerOnALiveConnection(error)) throw error;
          return drop(error);
        });
      };
    const kept: TeamConnection = {
      pushMany: guard((workstation, changes) => made.pushMany(workstation, changes)),
      uploadClients: guard((workstation, rows) => made.uploadClients(workstation, rows)),
      feed: guard((after, limit) => made.feed(after, limit)),
      snapshot: guard((onRows, onEntries) => made.snapshot(onRows, onEntries)),
      serverTime: guard(() => made.serverTime()),
      takeLeads: guard((campaign, count) => made.takeLeads(campaign, count)),
      finishLead: guard((lead, result) => made.finishLead(lead, result)),
      returnLeads: guard((leads) => made.returnLeads(leads)),
      reportLead: guard((lead, report) => made.reportLead(lead, report)),
      publishCampaign: guard((campaign) => made.publishCampaign(campaign)),
      publishScript: guard((uid, graph) => made.publishScript(uid, graph)),
      publishTargets: guard((editions) => made.publishTargets(editions)),
      publishCatalogue: guard((sha256, body) => made.publishCatalogue(sha256, body)),
      whoAmI: guard(() => made.whoAmI()),
      askHelp: guard((uid, request) => made.askHelp(uid, request)),
      openCallbacks: guard(() => made.openCallbacks()),
      takeCallback: guard((uid) => made.takeCallback(uid)),
      answerHelp: guard((uid, extension) => made.answerHelp(uid, extension)),
      teamFigures: guard((from, to) => made.teamFigures(from, to)),
      peerRange: guard((from, to) => made.peerRange(from, to)),
      decideDayOff: guard((uid, approve, note) => made.decideDayOff(uid, approve, note)),
      clashes: guard(() => made.clashes()),
      resolveClash: guard((id, keep) => made.resolveClash(id, keep)),
      // Kept open for the next round; closed when sync stops.
      close: () => Promise.resolve(),
    };
    closeShared = () => made.close();
    live = kept;
    return kept;
  };
  const connection = (): Promise<TeamConnection> => {
    shared ??= connect().catch((error: unknown) => {
      shared = undefined;
      throw error;
    });
    return shared;
  };

  let opening: Promise<OutboxPush> | undefined;
  const open = (): Promise<OutboxPush> => {
    opening ??= made().catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
  const made = async (): Promise<OutboxPush> => {
    const { db, location } = await deps.database();
    const { landingThread } = deps;
    // What the center said last time, until it answers again: a supervisor who starts offline
    // keeps their section (which says the center is out of reach).
    const remembered = db.sqlite
      .prepare('SELECT supervisor FROM sync_state WHERE id = 1')
      .pluck()
      .get() as number | null;
    if (supervisor === null && remembered !== null) supervisor = remembered === 1;
    push = new OutboxPush({
      sqlite: db.sqlite,
      clock: deps.clock,
      logger: deps.logger,
      connect: connection,
    });
    pull = new FeedPull({
      sqlite: db.sqlite,
      clock: deps.clock,
      logger: deps.logger,
      actor: deps.actor,
      db,
      ...(deps.yieldBetween === undefined ? {} : { yieldBetween: deps.yieldBetween }),
      ...(landingThread === undefined || location === undefined
        ? {}
        : { clientLanding: () => threadLanding(landingThread, location) }),
    });
    push.onChanged((state) => {
      deps.onChanged(view());
      // What the server made of our changes comes back through the feed.
      if (state.lastError === null) void pullNow();
    });
    if (remembered !== null) deps.onChanged(view());
    return push;
  };

  const pullNow = (): Promise<void> => {
    if (!ready() || pull === undefined) return Promise.resolve();
    asked += 1;
    if (pulling !== undefined) return pulling;
    const puller = pull;
    pulling = (async () => {
      let served: number;
      do {
        served = asked;
        try {
          const result = await puller.pull(await connection(), () => stopped);
          pulledSinceStart += result.read;
          lastPullAt = deps.clock.now();
          lastPullError = null;
          pullFailures = 0;
          if (result.indexLater) deps.onSearchBacklog?.();
          if (result.clients.length > 0) deps.onClients?.(result.clients);
          if (result.help.length > 0) deps.onHelp?.(result.help);
          if (result.catalogues > 0) deps.onCatalogue?.();
        } catch (error) {
          lastPullError = error instanceof Error ? error.message : String(error);
          // A connection the server dropped fails the first call after: the retry logs in again.
          pullFailures += 1;
          const wait = pullFailures === 1 ? 0 : retryDelayMs(pullFailures - 1);
          deps.logger.warn('sync: could not read the team feed; tries again soon', {
            error: lastPullError,
            inMs: wait,
          });
          clearTimeout(pullTimer);
          if (!stopped) {
            pullTimer = setTimeout(() => void pullNow(), wait);
            pullTimer.unref();
          }
        }
      } while (asked !== served && !stopped);
    })().finally(() => {
      pulling = undefined;
      deps.onChanged(view());
    });
    return pulling;
  };

  /** Listens again after a wait that grows with each failure, without waiting for the clock's look. */
  const listenLater = () => {
    listenFailures += 1;
    const wait = retryDelayMs(listenFailures);
    listenRetryAt = deps.clock.now().getTime() + wait;
    clearTimeout(listenTimer);
    listenTimer = setTimeout(() => void startListening(), wait);
    listenTimer.unref();
  };
  const startListening = async () => {
    if (deps.listen === undefined || listener !== undefined || !ready()) return;
    if (deps.clock.now().getTime() < listenRetryAt) return;
    try {
      const made = await deps.listen(
        await login(),
        () => void pullNow(),
        (error) => {
          if (stopped) return;
          deps.logger.warn('sync: the feed listener was cut; it listens again soon', {
            error: String(error),
          });
          const lost = listener;
          listener = undefined;
          listening = false;
          void lost?.close();
          deps.onChanged(view());
          listenLater();
        },
      );
      // Sync stopped while the login was under way: nobody is left to listen.
      if (stopped) {
        await made.close();
        return;
      }
      listener = made;
      listening = true;
      listenFailures = 0;
      // Whatever came while no one listened.
      void pullNow();
      deps.onChanged(view());
    } catch (error) {
      deps.logger.warn('sync: could not listen for the team feed', { error: String(error) });
      if (!stopped) listenLater();
    }
  };

  const view = (): SyncView => {
    const server = serverOf();
    const state = push?.state();
    return {
      configured: server !== undefined,
      server: server === undefined ? null : `${server.host}:${server.port}/${server.database}`,
      user: deps.actor,
      hasPassword,
      pending: state?.pending ?? 0,
      toUpload: state?.toUpload ?? 0,
      sent: state?.sent ?? 0,
      refused: state?.refused ?? 0,
      lastError: state?.lastError ?? lastPullError,
      nextTryAt: state?.nextTryAt ?? null,
      lastPushAt: state?.lastPushAt ?? null,
      refusedChanges: push?.refused(20) ?? [],
      cursor: pull?.cursor() ?? 0,
      pulled: pulledSinceStart,
      lastPullAt: lastPullAt?.toISOString() ?? null,
      live: listening,
      clockSkewSeconds: clockSkewMs === null ? null : Math.round(clockSkewMs / 1000),
      supervisor,
      dayOffsWaiting: pull?.dayOffsWaiting() ?? 0,
    };
  };

  const ready = () => serverOf() !== undefined && hasPassword && !stopped;
  const tick = async () => {
    if (!ready()) return;
    const pusher = await open();
    if (pusher.due()) await pusher.pushNow();
    await startListening();
    // Without the server's word, the feed is read by the clock.
    if (!listening) await pullNow();
  };
  const timer = setInterval(() => {
    tick().catch((error: unknown) =>
      deps.logger.warn('sync: could not look at the outbox', { error: String(error) }),
    );
  }, deps.everyMs ?? 1_000);
  timer.unref();
  void deps.secrets
    .get(passwordSecret)
    .then((password) => {
      hasPassword = password !== undefined;
      return open().then(() => {
        deps.onChanged(view());
        return tick();
      });
    })
    .catch(() => undefined);

  return {
    view: async () => {
      await open().catch(() => undefined);
      return view();
    },
    /** The operator's password for their role on the center's server; syncs at once. */
    async setPassword(password: string) {
      await deps.secrets.set(passwordSecret, password);
      hasPassword = true;
      const pusher = await open();
      if (ready()) {
        await pusher.pushNow();
        await startListening();
        await pullNow();
      }
      return view();
    },
    /** Syncs now (the operator's "Send now", a policy that now names a server). */
    async pushNow() {
      const pusher = await open();
      if (ready()) {
        await pusher.pushNow();
        await pullNow();
      }
      return view();
    },
    /** Reads the team's feed now. */
    pullNow: async () => {
      await open();
      await pullNow();
      return view();
    },
    /** The connection leads and other shared work go through; fails when offline. */
    connection: () =>
      ready() ? connection() : Promise.reject(new Error('team sync is not set up')),
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(listenTimer);
      clearTimeout(pullTimer);
      push?.stop();
      await listener?.close();
      await pulling;
      const close = closeShared;
      shared = undefined;
      closeShared = undefined;
      await close?.().catch(() => undefined);
    },
  };
}

export type TeamSync = ReturnType<typeof startTeamSync>;
