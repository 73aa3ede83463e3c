import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTeamSync } from '../../../src-main/core/sync/teamSync';
import {
  cuttableRelay,
  runTeamSync,
  startTeamServer,
  teamWorkstation,
  type TeamServer,
  type TeamWorkstation,
} from '../../support/teamServer';
import { tempDatabaseFile } from '../../support/tempDatabase';

const repo = path.resolve(import.meta.dirname, '../../..');
let server: TeamServer;
const open: TeamWorkstation[] = [];

beforeAll(async () => {
  server = await startTeamServer([
    { role: 'op1', team: 'north' },
    { role: 'op2', team: 'north' },
  ]);
}, 60_000);
afterAll(() => server.stop());
beforeEach(() => {
  server.reset();
});
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
});

/** `count` clients made on `ws`, each its own change in the outbox. */
function makeClients(ws: TeamWorkstation, count: number) {
  for (let i = 1; i <= count; i++)
    ws.editor.create(
      { fullName: `Клієнт ${i}`, phones: [{ raw: `067${1_000_000 + i}` }] },
      ws.role,
    );
}

/** What the center holds of this workstation: changes stored (and how many distinct) and clients. */
const onServer = () => {
  const [changes, distinct, clients] = server
    .rows(
      `SELECT count(*) || ' ' || count(DISTINCT seq) || ' ' || (SELECT count(*) FROM pult.clients) FROM pult.changes`,
    )[0]!
    .split(' ')
    .map(Number);
  return { changes, distinct, clients };
};

describe('faults in the middle of a push', () => {
  it('the connection cut mid-push: nothing lost, nothing doubled, and the rest goes on the next round', async () => {
    // Each round trip carries up to 200 changes (about 60 kB): the cut falls inside the fourth.
    const relay = await cuttableRelay(server.cluster.port, { cutAfterBytesUp: 200_000 });
    const ws = await teamWorkstation(server, 'op1', { port: relay.port });
    open.push(ws);
    makeClients(ws, 1_000);
    await ws.push.pushNow();
    const cut = ws.push.state();
    expect(cut.lastError).not.toBeNull();
    expect(cut.pending).toBeGreaterThan(0);
    expect(cut.pending).toBeLessThan(1_000);
    expect(onServer().changes).toBe(1_000 - cut.pending);

    await ws.push.pushNow();
    expect(ws.push.state()).toMatchObject({ pending: 0, refused: 0, lastError: null });
    expect(onServer()).toEqual({ changes: 1_000, distinct: 1_000, clients: 1_000 });
    await relay.close();
  });

  it('the workstation killed (SIGKILL) mid-push: after it starts again, nothing lost, nothing doubled', async () => {
    const file = tempDatabaseFile();
    const ws = await teamWorkstation(server, 'op1', {
      db: await (await import('../../support/tempDatabase')).openTempDatabase(file),
    });
    makeClients(ws, 400);
    await ws.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/support/pushChild.ts', file, JSON.stringify(server.login('op1'))],
      { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await vi.waitFor(() => expect(onServer().changes).toBeGreaterThanOrEqual(60), {
      timeout: 30_000,
      interval: 5,
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toContain('finished');
    expect(onServer().changes).toBeLessThan(400);

    const again = await teamWorkstation(server, 'op1', {
      db: await (await import('../../support/tempDatabase')).openTempDatabase(file),
    });
    open.push(again);
    await again.push.pushNow();
    expect(again.push.state()).toMatchObject({ pending: 0, refused: 0, lastError: null });
    expect(onServer()).toEqual({ changes: 400, distinct: 400, clients: 400 });
  });
});

describe('team sync running on two workstations', () => {
  it('an edit on one shows on the other within moments, woken by the server; after PostgreSQL restarts, sync resumes by itself', async () => {
    const a = await teamWorkstation(server, 'op1');
    const b = await teamWorkstation(server, 'op2');
    open.push(a, b);
    const changedOnB: number[] = [];
    const running = [a, b].map((ws) =>
      runTeamSync(server, ws.db, ws.role, {
        ...(ws === b ? { onClients: (ids: number[]) => changedOnB.push(...ids) } : {}),
        // The clock-driven look is slow here: what arrives quickly arrives by LISTEN.
        everyMs: ws === b ? 60_000 : 100,
      }),
    );
    const [syncA, syncB] = running as [
      ReturnType<typeof startTeamSync>,
      ReturnType<typeof startTeamSync>,
    ];
    try {
      await vi.waitFor(async () => expect((await syncB.view()).live).toBe(true), {
        timeout: 10_000,
      });
      const made = a.editor.create(
        { fullName: 'Ткаченко Марія', phones: [{ raw: '0671112233' }] },
        'op1',
      );
      if (!made.ok) throw new Error('not made');
      const uid = a.uidOf(made.id);
      await vi.waitFor(() => expect(b.client(uid)).toMatchObject({ fullName: 'Ткаченко Марія' }), {
        timeout: 10_000,
      });
      expect(changedOnB).toContain(b.idOf(uid));

      // The center goes down and comes back; both carry on without anyone's help.
      server.cluster.halt();
      a.edit(uid, { city: 'Житомир' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await syncA.view()).pending).toBe(1);
      server.cluster.resume();
      await vi.waitFor(() => expect(b.client(uid)).toMatchObject({ city: 'Житомир' }), {
        timeout: 30_000,
        interval: 200,
      });
      expect((await syncA.view()).pending).toBe(0);
    } finally {
      await syncA.stop();
      await syncB.stop();
    }
  }, 60_000);
});
