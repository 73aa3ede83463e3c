import type BetterSqlite3 from 'better-sqlite3';
import type { SyncView } from '../../../src-shared/sync/syncView';
import type { Clock, Logger, SecretStore } from '../platform/ports';
import type { MachinePolicy } from '../settings/machinePolicy';
import { OutboxPush, type PushConnection } from './outboxPush';
import type { SyncServer } from './pgConnection';

const passwordSecret = 'sync-password';

/**
 * Team mode on this workstation: when IT's policy names the center's server
 * and the operator has given their password, the outbox is pushed soon after
 * each change (looked at every few seconds), after a failure as the push's
 * backoff says, and at once when asked. Nothing is pushed without a server:
 * a workstation works alone as before.
 */
export function startTeamSync(deps: {
  database: () => Promise<{ db: { sqlite: BetterSqlite3.Database } }>;
  policy: Pick<MachinePolicy, 'sync'>;
  secrets: SecretStore;
  actor: string;
  clock: Clock;
  logger: Logger;
  readCa: (file: string) => string;
  connect: (server: SyncServer) => Promise<PushConnection>;
  onChanged: (view: SyncView) => void;
  /** How often a pending outbox is looked at. */
  everyMs?: number;
}) {
  let push: OutboxPush | undefined;
  let hasPassword = false;
  let stopped = false;
  const serverOf = () => deps.policy.sync.server;
  const open = async (): Promise<OutboxPush> => {
    if (push !== undefined) return push;
    const { db } = await deps.database();
    push = new OutboxPush({
      sqlite: db.sqlite,
      clock: deps.clock,
      logger: deps.logger,
      connect: async () => {
        const server = serverOf();
        const password = await deps.secrets.get(passwordSecret);
        if (server === undefined || password === undefined)
          throw new Error('team sync is not set up');
        return deps.connect({
          host: server.host,
          port: server.port,
          database: server.database,
          user: deps.actor,
          password,
          ca: server.caFile === undefined ? undefined : deps.readCa(server.caFile),
        });
      },
    });
    push.onChanged(() => deps.onChanged(view()));
    return push;
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
      sent: state?.sent ?? 0,
      refused: state?.refused ?? 0,
      lastError: state?.lastError ?? null,
      nextTryAt: state?.nextTryAt ?? null,
      lastPushAt: state?.lastPushAt ?? null,
      refusedChanges: push?.refused(20) ?? [],
    };
  };

  const ready = () => serverOf() !== undefined && hasPassword && !stopped;
  const tick = async () => {
    if (!ready()) return;
    const pusher = await open();
    if (pusher.due()) await pusher.pushNow();
  };
  const timer = setInterval(() => {
    tick().catch((error: unknown) =>
      deps.logger.warn('sync: could not look at the outbox', { error: String(error) }),
    );
  }, deps.everyMs ?? 5_000);
  timer.unref();
  void deps.secrets
    .get(passwordSecret)
    .then((password) => {
      hasPassword = password !== undefined;
      return open().then(() => deps.onChanged(view()));
    })
    .catch(() => undefined);

  return {
    view: async () => {
      await open().catch(() => undefined);
      return view();
    },
    /** The operator's password for their role on the center's server; pushes at once. */
    async setPassword(password: string) {
      await deps.secrets.set(passwordSecret, password);
      hasPassword = true;
      const pusher = await open();
      if (ready()) await pusher.pushNow();
      return view();
    },
    /** Pushes now (the operator's "Send now", a policy that now names a server). */
    async pushNow() {
      const pusher = await open();
      if (ready()) await pusher.pushNow();
      return view();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      push?.stop();
    },
  };
}

export type TeamSync = ReturnType<typeof startTeamSync>;
