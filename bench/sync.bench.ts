import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { ClientSearch } from '../src-main/core/clients/clientSearch';
import { ClientEditor } from '../src-main/core/clients/clientEditor';
import { SearchBacklog } from '../src-main/core/clients/searchBacklog';
import { openDatabase, type PultDatabase } from '../src-main/core/db/database';
import { silentLogger } from '../src-main/core/platform/ports';
import { FeedPull } from '../src-main/core/sync/feedPull';
import { OutboxPush } from '../src-main/core/sync/outboxPush';
import { connectSyncServer } from '../src-main/core/sync/pgConnection';
import { threadLanding } from '../src-main/core/sync/threadLanding';
import type { TeamSync } from '../src-main/core/sync/teamSync';
import { clientQuerySchema } from '../src-shared/clients/clientSchemas';
import { runTeamSync, startTeamServer, type TeamServer } from '../tests/support/teamServer';
import type { Bench, Figure } from './benches';
import { percentile, round } from './stats';

const sizes = (process.env['PULT_BENCH_SYNC_WORKSTATIONS'] ?? '20,200')
  .split(',')
  .map(Number)
  .filter((n) => n >= 2);
/** The snapshot's landing thread, run from its source (tsx) as the bench runs. */
const landingThread = path.join(
  import.meta.dirname,
  '../src-main/core/sync/clientLandingThread.ts',
);
const snapshotClients = Number(process.env['PULT_BENCH_SYNC_CLIENTS'] ?? 1_000_000);
const edits = Number(process.env['PULT_BENCH_SYNC_EDITS'] ?? 40);
const totalPushed = Number(process.env['PULT_BENCH_SYNC_CHANGES'] ?? 2_000);
const clock = { now: () => new Date() };

interface Desk {
  role: string;
  db: PultDatabase;
  sync: TeamSync;
  editor: ClientEditor;
  /** When each client id last landed here from the team. */
  landed: Map<number, number>;
}

/** `n` workstations of one team, each a base of its own (copied from one migrated file) running team sync as the app does. */
async function desks(server: TeamServer, n: number, dir: string): Promise<Desk[]> {
  const template = path.join(dir, 'template.sqlite');
  await (await openDatabase(template, { logger: silentLogger })).close();
  const made: Desk[] = [];
  for (let i = 1; i <= n; i++) {
    const role = `ws${i}`;
    const file = path.join(dir, `${role}.sqlite`);
    copyFileSync(template, file);
    const db = await openDatabase(file, { logger: silentLogger });
    // A copied base is a copied identity: each desk is a workstation of its own.
    db.sqlite.prepare('UPDATE sync_state SET workstation = ?').run(uuidv7());
    const landed = new Map<number, number>();
    const sync = runTeamSync(server, db, role, {
      onClients: (ids) => {
        const at = performance.now();
        for (const id of ids) landed.set(id, at);
      },
      yieldBetween: () => new Promise((resolve) => setImmediate(resolve)),
    });
    made.push({ role, db, sync, editor: new ClientEditor(db, clock, 'UA'), landed });
  }
  return made;
}

const until = async (done: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 5) => {
  const end = performance.now() + timeoutMs;
  while (!(await done())) {
    if (performance.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return true;
};

async function teamOf(n: number): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-sync-bench-'));
  const server = await startTeamServer(
    Array.from({ length: n }, (_, i) => ({ role: `ws${i + 1}`, team: 'north' })),
    { maxConnections: 2 * n + 50 },
  );
  const team = await desks(server, n, dir);
  try {
    await until(
      async () => (await Promise.all(team.map((d) => d.sync.view()))).every((v) => v.live),
      60_000,
    );
    // The clients the edits touch, made on the first desk and landed everywhere.
    const first = team[0]!;
    const ids: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const made = first.editor.create(
        { fullName: `Клієнт ${i}`, phones: [{ raw: `067${1_000_000 + i}` }] },
        first.role,
      );
      if (made.ok) ids.push(made.id);
    }
    await first.sync.pushNow();
    const uids = ids.map(
      (id) =>
        (first.db.sqlite.prepare('SELECT uid FROM clients WHERE id = ?').get(id) as { uid: string })
          .uid,
    );
    const localId = (desk: Desk, uid: string) =>
      (
        desk.db.sqlite.prepare('SELECT id FROM clients WHERE uid = ?').get(uid) as
          { id: number } | undefined
      )?.id;
    await until(
      () => team.every((d) => uids.every((uid) => localId(d, uid) !== undefined)),
      60_000,
    );

    // An edit on one desk → landed on every other (the card then reads it again).
    const samples: number[] = [];
    let missed = 0;
    for (let e = 0; e < edits; e++) {
      const editor = team[(e * 7) % n]!;
      const uid = uids[e % uids.length]!;
      const id = localId(editor, uid)!;
      const before = performance.now();
      const result = editor.editor.update(
        id,
        {
          fullName: `Клієнт ${(e % uids.length) + 1}`,
          phones: [{ raw: `067${1_000_001 + (e % uids.length)}` }],
          notes: `Правка ${e}`,
        },
        editor.role,
      );
      if (result === 'notFound' || !result.ok) throw new Error('edit not saved');
      const others = team.filter((d) => d !== editor);
      await until(
        () => others.every((d) => (d.landed.get(localId(d, uid)!) ?? 0) > before),
        10_000,
      );
      for (const d of others) {
        const at = d.landed.get(localId(d, uid)!) ?? 0;
        if (at > before) samples.push(at - before);
        else missed += 1;
      }
    }

    // Every desk with new clients, all pushing at once: the rate the center stores them. (Here
    // the desks share one process, and each also lands everyone else's clients meanwhile.)
    const each = Math.max(1, Math.round(totalPushed / n));
    for (const d of team)
      for (let i = 0; i < each; i++) d.editor.create({ fullName: `${d.role} клієнт ${i}` }, d.role);
    const total = n * each;
    const sent = async () =>
      (await Promise.all(team.map((d) => d.sync.view()))).reduce((sum, v) => sum + v.sent, 0);
    const base = await sent();
    const started = performance.now();
    await Promise.all(team.map((d) => d.sync.pushNow()));
    await until(async () => (await sent()) - base >= total, 300_000, 50);
    const pushSeconds = (performance.now() - started) / 1000;

    return [
      {
        name: `sync.editVisible.p95Ms.${n}ws`,
        value: round(percentile(samples, 95), 1),
        unit: 'ms',
        n: samples.length,
      },
      {
        name: `sync.editVisible.p50Ms.${n}ws`,
        value: round(percentile(samples, 50), 1),
        unit: 'ms',
        n: samples.length,
      },
      { name: `sync.editVisible.missed.${n}ws`, value: missed, unit: 'count', n: edits * (n - 1) },
      {
        name: `sync.push.changesPerSecond.${n}ws`,
        value: round(total / pushSeconds, 0),
        unit: 'changes/s',
        n: total,
      },
    ];
  } finally {
    for (const d of team) {
      await d.sync.stop();
      await d.db.close();
    }
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A new workstation joins a team of `snapshotClients`: the COPY snapshot until the base finds a client by phone. */
async function snapshot(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-sync-snapshot-'));
  const server = await startTeamServer([{ role: 'ws1', team: 'north' }]);
  try {
    server.rows(`INSERT INTO pult.clients (uid, team, fields, phones, tags)
      SELECT gen_random_uuid(), 'north',
        jsonb_build_object('fullName', 'Клієнт ' || i, 'address', 'вул. Шевченка, ' || (i % 200),
          'city', 'Київ', 'email', '', 'personalAccount', 'ОР-' || i, 'notes', '', 'doNotCall', i % 97 = 0),
        jsonb_build_object('+380' || (670000000 + i), jsonb_build_object('raw', '0' || (670000000 + i), 'label', '', 'feed', 0)),
        CASE WHEN i % 10 = 0 THEN '{"VIP": {"feed": 0}}'::jsonb ELSE '{}'::jsonb END
      FROM generate_series(1, ${snapshotClients}) i`);
    const db = await openDatabase(path.join(dir, 'new.sqlite'), { logger: silentLogger });
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    stalls.enable();
    const started = performance.now();
    const connection = await connectSyncServer(server.login('ws1'));
    const result = await new FeedPull({
      sqlite: db.sqlite,
      clock,
      logger: silentLogger,
      yieldBetween: () => new Promise((resolve) => setImmediate(resolve)),
      // The clients land on a thread of their own, as in the app.
      clientLanding: () => threadLanding(landingThread, { file: db.file }),
    }).pull(connection);
    await connection.close();
    stalls.disable();
    const landedSeconds = (performance.now() - started) / 1000;
    // The search rows, as the import worker builds them after a snapshot.
    const backlog = new SearchBacklog(db.sqlite);
    while (backlog.indexNext() > 0);
    const probe = Math.floor(snapshotClients / 2);
    const found = new ClientSearch(db.sqlite).find(
      clientQuerySchema.parse({ text: `0${670000000 + probe}` }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (found.items[0]?.fullName !== `Клієнт ${probe}`)
      throw new Error('the snapshot is not searchable');
    await db.close();
    return [
      { name: 'sync.snapshot1M.s', value: round(seconds, 1), unit: 's', n: result.read },
      {
        name: 'sync.snapshot1M.landedS',
        value: round(landedSeconds, 1),
        unit: 's',
        n: result.read,
      },
      {
        name: 'sync.snapshot1M.mainMaxStallMs',
        value: round(stalls.max / 1e6, 1),
        unit: 'ms',
        n: result.read,
      },
      {
        name: 'sync.snapshot1M.mainP99StallMs',
        value: round(stalls.percentile(99) / 1e6, 1),
        unit: 'ms',
        n: result.read,
      },
    ];
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rate the center stores one workstation's queue (5,000 client edits waiting), nothing else running. */
async function pushRate(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-sync-push-'));
  const server = await startTeamServer([{ role: 'ws1', team: 'north' }]);
  try {
    const db = await openDatabase(path.join(dir, 'ws1.sqlite'), { logger: silentLogger });
    const editor = new ClientEditor(db, clock, 'UA');
    const count = 5_000;
    for (let i = 0; i < count; i++)
      editor.create({ fullName: `Клієнт ${i}`, phones: [{ raw: `067${1_000_000 + i}` }] }, 'ws1');
    const push = new OutboxPush({
      sqlite: db.sqlite,
      connect: () => connectSyncServer(server.login('ws1')),
      clock,
      logger: silentLogger,
    });
    const started = performance.now();
    await push.pushNow();
    const seconds = (performance.now() - started) / 1000;
    if (push.state().pending !== 0) throw new Error('the queue did not go');
    await db.close();
    return [
      {
        name: 'sync.push.changesPerSecond',
        value: round(count / seconds, 0),
        unit: 'changes/s',
        n: count,
      },
    ];
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// One entry each, so each figure is printed as soon as it is measured.
export const syncBenches: Bench[] = [
  { name: 'sync.', run: pushRate },
  { name: 'sync.', run: snapshot },
  ...sizes.map((n) => ({ name: 'sync.', run: () => teamOf(n) })),
];
