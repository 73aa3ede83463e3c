import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { recordChange } from '../../../src-main/core/db/changeJournal';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { centralSchemaSql } from '../../../src-main/core/sync/centralSchema';
import { OutboxPush, retryDelayMs } from '../../../src-main/core/sync/outboxPush';
import { connectSyncServer, type SyncServer } from '../../../src-main/core/sync/pgConnection';
import { startTeamSync } from '../../../src-main/core/sync/teamSync';
import type { SyncView } from '../../../src-shared/sync/syncView';
import { startPostgres, type PostgresCluster } from '../../support/postgresCluster';
import { openTempDatabase } from '../../support/tempDatabase';

// The center's PostgreSQL, for real: TLS with a certificate made for the run, SCRAM logins,
// one role per operator, the schema IT runs once.
let cluster: PostgresCluster;
let db: PultDatabase;

const server = (user: string, password: string): SyncServer => ({
  host: cluster.host,
  port: cluster.port,
  database: 'pult',
  user,
  password,
  ca: readFileSync(cluster.caFile, 'utf8'),
});

beforeAll(async () => {
  cluster = await startPostgres();
  cluster.admin('CREATE DATABASE pult');
  cluster.admin(centralSchemaSql, 'pult');
  cluster.admin(
    `CREATE ROLE op1 LOGIN PASSWORD 'пароль-1' IN ROLE pult_operator;
     CREATE ROLE op2 LOGIN PASSWORD 'пароль-2' IN ROLE pult_operator;
     INSERT INTO pult.members (role, team) VALUES ('op1', 'north'), ('op2', 'north')`,
    'pult',
  );
}, 60_000);
afterAll(() => {
  cluster.stop();
});
beforeEach(async () => {
  db = await openTempDatabase();
  cluster.admin('TRUNCATE pult.changes, pult.workstations, pult.feed, pult.clients', 'pult');
});
afterEach(async () => {
  await db.close();
});

/** A change made here, as every write of the app makes one (its audit and its outbox row). */
function change(entity: string, entityId: number, payload: Record<string, unknown>) {
  db.sqlite.transaction(() =>
    recordChange(db.sqlite, {
      at: new Date().toISOString(),
      actor: 'op1',
      action: `${entity}.update`,
      entity,
      entityId,
      details: {},
      outbox: { op: 'update', payload },
    }),
  )();
}

const onServer = () =>
  cluster
    .admin("SELECT seq || ':' || entity || ':' || operator FROM pult.changes ORDER BY id", 'pult')
    .trim()
    .split('\n')
    .filter((line) => line !== '');

const outbox = () =>
  db.sqlite.prepare('SELECT id, status, last_error AS error FROM outbox ORDER BY id').all() as {
    id: number;
    status: string;
    error: string | null;
  }[];

function push(user = 'op1', password = 'пароль-1') {
  return new OutboxPush({
    sqlite: db.sqlite,
    connect: () => connectSyncServer(server(user, password)),
    clock: { now: () => new Date() },
    logger: silentLogger,
    batch: 2,
    random: () => 0.5,
  });
}

describe('pushing the outbox to the center', () => {
  it('sends every change in order, each stored once; after a crash between the store and the local mark, the retry stores nothing twice', async () => {
    change('client', 1, { fullName: 'Мельник Андрій' });
    change('lead', 7, { state: 'done' });
    change('callback', 3, { dueAt: '2026-12-08T09:00:00Z' });
    const pusher = push();
    await pusher.pushNow();
    expect(onServer()).toEqual(['1:client:op1', '2:lead:op1', '3:callback:op1']);
    expect(outbox().map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
    expect(pusher.state()).toMatchObject({ pending: 0, sent: 3, refused: 0, lastError: null });

    // Killed after the server stored the last two, before they were marked here.
    db.sqlite.prepare("UPDATE outbox SET status = 'pending', sent_at = NULL WHERE id >= 2").run();
    change('client', 1, { city: 'Бровари' });
    await push().pushNow();
    expect(onServer()).toEqual(['1:client:op1', '2:lead:op1', '3:callback:op1', '4:client:op1']);
    expect(outbox().every((row) => row.status === 'sent')).toBe(true);
  });

  it('a change the server refuses for good is set aside with why, and the rest of the queue moves on', async () => {
    change('client', 1, { fullName: 'Мельник Андрій' });
    change('client-card!', 2, { fullName: 'x' });
    change('client', 3, { fullName: 'Бондар Ігор' });
    const pusher = push();
    await pusher.pushNow();
    expect(onServer()).toEqual(['1:client:op1', '3:client:op1']);
    const rows = outbox();
    expect(rows.map((row) => row.status)).toEqual(['sent', 'refused', 'sent']);
    expect(rows[1]?.error).toMatch(/^22023: unknown entity client-card!/);
    expect(pusher.refused()).toMatchObject([{ seq: 2, entity: 'client-card!' }]);
    expect(pusher.state()).toMatchObject({ pending: 0, refused: 1, lastError: null });
  });

  it('the server down: nothing is lost or marked, a retry is planned; once it is back, the queue goes', async () => {
    change('client', 1, { fullName: 'Мельник Андрій' });
    change('client', 2, { fullName: 'Шевченко Олена' });
    cluster.halt();
    const pusher = push();
    try {
      await pusher.pushNow();
      const state = pusher.state();
      expect(state).toMatchObject({ pending: 2, sent: 0, refused: 0 });
      expect(state.lastError).toMatch(/ECONNREFUSED/);
      expect(state.nextTryAt).not.toBeNull();
      expect(outbox().map((row) => row.status)).toEqual(['pending', 'pending']);
    } finally {
      cluster.resume();
    }
    await pusher.pushNow();
    pusher.stop();
    expect(onServer()).toEqual(['1:client:op1', '2:client:op1']);
    expect(pusher.state()).toMatchObject({ pending: 0, lastError: null, nextTryAt: null });
  });

  it("the database, not the client, decides: another operator's role cannot push in this workstation's name, nor write the feed", async () => {
    change('client', 1, { fullName: 'Мельник Андрій' });
    await push().pushNow();
    change('client', 2, { fullName: 'Шевченко Олена' });
    const intruder = push('op2', 'пароль-2');
    await intruder.pushNow();
    expect(outbox()[1]).toMatchObject({ status: 'refused' });
    expect(outbox()[1]?.error).toMatch(/^42501: workstation .* pushes as op1, not op2/);
    expect(onServer()).toEqual(['1:client:op1']);

    const direct = new pg.Client({
      ...server('op2', 'пароль-2'),
      ssl: { ca: server('op2', '').ca },
    });
    await direct.connect();
    try {
      await expect(
        direct.query(
          "INSERT INTO pult.changes (workstation, seq, operator, entity, op, payload, made_at) VALUES (gen_random_uuid(), 9, 'op2', 'client', 'update', '{}', now())",
        ),
      ).rejects.toMatchObject({ code: '42501' });
    } finally {
      await direct.end();
    }
  });

  it('logs in only over TLS with the right password', async () => {
    const plain = new pg.Client({ ...server('op1', 'пароль-1'), ssl: false });
    await expect(plain.connect()).rejects.toThrow(/no pg_hba.conf entry|SSL/);
    change('client', 1, { fullName: 'Мельник Андрій' });
    const wrong = push('op1', 'не той');
    await wrong.pushNow();
    wrong.stop();
    expect(wrong.state()).toMatchObject({ pending: 1, refused: 0 });
    expect(wrong.state().lastError).toMatch(/^28P01: password authentication failed/);
  });
});

describe('team sync on the workstation', () => {
  it('does nothing without a server or a password; with both, each new change reaches the center within moments', async () => {
    const secrets = new Map<string, string>();
    const policy: {
      sync: { server?: { host: string; port: number; database: string; caFile?: string } };
    } = { sync: {} };
    const views: SyncView[] = [];
    const sync = startTeamSync({
      database: () => Promise.resolve({ db }),
      policy,
      secrets: {
        get: (name) => Promise.resolve(secrets.get(name)),
        set: (name, value) => {
          secrets.set(name, value);
          return Promise.resolve();
        },
        delete: (name) => void secrets.delete(name),
        weak: () => false,
      },
      actor: 'op1',
      clock: { now: () => new Date() },
      logger: silentLogger,
      readCa: (file) => readFileSync(file, 'utf8'),
      connect: connectSyncServer,
      onChanged: (view) => views.push(view),
      everyMs: 50,
    });
    try {
      change('client', 1, { fullName: 'Мельник Андрій' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await sync.view()).toMatchObject({ configured: false, pending: 1, sent: 0 });
      // IT's policy names the server, live; still nothing goes without the operator's password.
      policy.sync.server = {
        host: cluster.host,
        port: cluster.port,
        database: 'pult',
        caFile: cluster.caFile,
      };
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(onServer()).toEqual([]);
      expect(await sync.setPassword('пароль-1')).toMatchObject({
        configured: true,
        hasPassword: true,
        pending: 0,
        sent: 1,
        server: `127.0.0.1:${cluster.port}/pult`,
      });
      change('lead', 7, { state: 'done' });
      await vi.waitFor(() => expect(onServer()).toEqual(['1:client:op1', '2:lead:op1']));
      expect(views.at(-1)).toMatchObject({ pending: 0, sent: 2 });
    } finally {
      await sync.stop();
    }
  });
});

describe('the wait before a retry', () => {
  it('doubles from two seconds up to five minutes, jittered by half either way', () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(2_000);
    expect(retryDelayMs(2, () => 0.5)).toBe(4_000);
    expect(retryDelayMs(20, () => 0.5)).toBe(300_000);
    expect(retryDelayMs(1, () => 0)).toBe(1_000);
    expect(retryDelayMs(1, () => 0.999)).toBeLessThan(3_000);
  });
});
