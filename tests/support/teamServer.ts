import { readFileSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';
import { ClientEditor } from '../../src-main/core/clients/clientEditor';
import type { PultDatabase } from '../../src-main/core/db/database';
import { type Logger, silentLogger } from '../../src-main/core/platform/ports';
import type { ClientLanding } from '../../src-main/core/sync/clientLanding';
import { centralSchemaSql } from '../../src-main/core/sync/centralSchema';
import { FeedPull, type PullResult } from '../../src-main/core/sync/feedPull';
import { OutboxPush } from '../../src-main/core/sync/outboxPush';
import {
  connectSyncServer,
  listenForFeed,
  type SyncServer,
} from '../../src-main/core/sync/pgConnection';
import { startTeamSync } from '../../src-main/core/sync/teamSync';
import { startPostgres } from './postgresCluster';
import { openTempDatabase } from './tempDatabase';

export interface TeamMember {
  role: string;
  team: string;
  supervisor?: boolean;
}

/** The center's PostgreSQL with Pult's schema and a role per operator (password: "pw-" + role). */
export async function startTeamServer(
  members: TeamMember[],
  options: { maxConnections?: number } = {},
) {
  const cluster = await startPostgres(options);
  cluster.admin('CREATE DATABASE pult');
  cluster.admin(centralSchemaSql, 'pult');
  cluster.admin(
    members
      .map(
        (m) =>
          `CREATE ROLE ${m.role} LOGIN PASSWORD 'pw-${m.role}' IN ROLE pult_operator;
           INSERT INTO pult.members (role, team, supervisor) VALUES ('${m.role}', '${m.team}', ${m.supervisor === true});`,
      )
      .join('\n'),
    'pult',
  );
  const ca = readFileSync(cluster.caFile, 'utf8');
  const login = (role: string, port = cluster.port): SyncServer => ({
    host: cluster.host,
    port,
    database: 'pult',
    user: role,
    password: `pw-${role}`,
    ca,
  });
  return {
    cluster,
    login,
    /** Runs SQL as the superuser; the rows psql prints, one a line. */
    rows: (sql: string) =>
      cluster
        .admin(sql, 'pult')
        .trim()
        .split('\n')
        .filter((line) => line !== ''),
    /** Everything the teams shared, gone: the next test starts from an empty center. */
    reset: () =>
      cluster.admin(
        'TRUNCATE pult.changes, pult.workstations, pult.feed, pult.clients, pult.clashes, pult.calls, pult.script_runs, pult.leads, pult.day_offs, pult.campaigns, pult.scripts, pult.targets, pult.help_requests, pult.callbacks, pult.catalogues, pult.orders, pult.order_statuses',
        'pult',
      ),
    stop: () => cluster.stop(),
  };
}
export type TeamServer = Awaited<ReturnType<typeof startTeamServer>>;

/** IT's policy key `sync` naming this server, as a workstation reads it. */
export function syncPolicyOf(server: TeamServer) {
  return {
    server: {
      host: server.cluster.host,
      port: server.cluster.port,
      database: 'pult',
      caFile: server.cluster.caFile,
    },
  };
}

/** SQL as an operator's own role, as a hand-written client would try it (row-level security applies). */
export async function asRole<T>(
  server: TeamServer,
  role: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const login = server.login(role);
  const client = new pg.Client({ ...login, ssl: { ca: login.ca } });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Team sync as the app runs it on a workstation (the policy naming this
 * server, the operator's password given, LISTEN on), for `role` on `db`.
 */
export function runTeamSync(
  server: TeamServer,
  db: PultDatabase,
  role: string,
  more: Partial<Parameters<typeof startTeamSync>[0]> = {},
) {
  return startTeamSync({
    database: () => Promise.resolve({ db }),
    policy: { sync: syncPolicyOf(server) },
    secrets: {
      get: () => Promise.resolve(`pw-${role}`),
      set: () => Promise.resolve(),
      delete: () => undefined,
      weak: () => false,
    },
    actor: role,
    clock: { now: () => new Date() },
    logger: silentLogger,
    readCa: () => server.login(role).ca ?? '',
    connect: connectSyncServer,
    listen: listenForFeed,
    onChanged: () => undefined,
    ...more,
  });
}

/**
 * One operator's workstation as team sync runs it: a base of its own, the
 * editor the card saves through, the push and the pull. `sync()` is one
 * round: push what waits, then pull what the team did.
 */
export async function teamWorkstation(
  server: TeamServer,
  role: string,
  options: {
    port?: number;
    db?: PultDatabase;
    /** Where a snapshot's clients land (the app's thread); main by default. */
    clientLanding?: () => ClientLanding;
    logger?: Logger;
  } = {},
) {
  const db = options.db ?? (await openTempDatabase());
  const clock = { now: () => new Date() };
  const connect = () => connectSyncServer(server.login(role, options.port));
  const push = new OutboxPush({
    sqlite: db.sqlite,
    connect,
    clock,
    logger: silentLogger,
    random: () => 0.5,
  });
  const pull = new FeedPull({
    sqlite: db.sqlite,
    clock,
    logger: options.logger ?? silentLogger,
    actor: role,
    db,
    ...(options.clientLanding === undefined ? {} : { clientLanding: options.clientLanding }),
  });
  const editor = new ClientEditor(db, clock, 'UA');
  const idOf = (uid: string) =>
    (
      db.sqlite.prepare('SELECT id FROM clients WHERE uid = ?').get(uid) as
        { id: number } | undefined
    )?.id;
  return {
    db,
    editor,
    push,
    role,
    async pull(): Promise<PullResult> {
      const connection = await connect();
      try {
        return await pull.pull(connection);
      } finally {
        await connection.close();
      }
    },
    async sync(): Promise<PullResult> {
      await push.pushNow();
      return this.pull();
    },
    idOf,
    uidOf: (id: number) =>
      (db.sqlite.prepare('SELECT uid FROM clients WHERE id = ?').get(id) as { uid: string }).uid,
    /** The client as the card shows it: its fields, phones and tags. */
    client(uid: string) {
      const id = idOf(uid);
      if (id === undefined) return undefined;
      const row = db.sqlite
        .prepare(
          `SELECT full_name AS fullName, address, city, email, personal_account AS personalAccount,
             notes, do_not_call AS doNotCall FROM clients WHERE id = ?`,
        )
        .get(id) as Record<string, unknown>;
      return {
        ...row,
        doNotCall: row.doNotCall === 1,
        phones: (
          db.sqlite
            .prepare('SELECT e164, label FROM client_phones WHERE client_id = ? ORDER BY e164')
            .all(id) as { e164: string; label: string }[]
        ).map((p) => (p.label === '' ? p.e164 : `${p.e164} ${p.label}`)),
        tags: (
          db.sqlite
            .prepare(
              'SELECT t.name FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = ? ORDER BY t.name',
            )
            .all(id) as { name: string }[]
        ).map((t) => t.name),
      };
    },
    /** Saves the card as the operator would: everything it shows, with `changes` made. */
    edit(uid: string, changes: Record<string, unknown>) {
      const current = this.client(uid);
      if (current === undefined) throw new Error(`no client ${uid} on ${role}'s workstation`);
      const id = idOf(uid)!;
      const phones = db.sqlite
        .prepare('SELECT raw, label FROM client_phones WHERE client_id = ? ORDER BY id')
        .all(id) as { raw: string; label: string }[];
      const result = editor.update(id, { ...current, phones, ...changes }, role);
      if (result === 'notFound' || !result.ok)
        throw new Error(`not saved: ${JSON.stringify(result)}`);
    },
    close: () => db.close(),
  };
}
export type TeamWorkstation = Awaited<ReturnType<typeof teamWorkstation>>;

/**
 * A TCP relay in front of the server that a test can cut: every connection
 * through it drops at once, as a network does, and new ones are taken again.
 */
export async function cuttableRelay(
  targetPort: number,
  options: { cutAfterBytesUp?: number } = {},
) {
  const sockets = new Set<net.Socket>();
  let up = 0;
  let cutOnce = options.cutAfterBytesUp !== undefined;
  const relay = net.createServer((inbound) => {
    const outbound = net.connect(targetPort, '127.0.0.1');
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    // Cut once, when this many bytes went towards the server: in the middle of a push.
    inbound.on('data', (chunk: Buffer) => {
      up += chunk.length;
      if (cutOnce && up >= (options.cutAfterBytesUp ?? 0)) {
        cutOnce = false;
        for (const socket of sockets) socket.destroy();
      }
    });
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    port: (relay.address() as net.AddressInfo).port,
    cut() {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}
