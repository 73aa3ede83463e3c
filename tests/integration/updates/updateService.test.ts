import { existsSync, readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { UpdateService } from '../../../src-main/core/updates/updateService';
import { defaultUpdatePolicy, type UpdatePolicy } from '../../../src-shared/updates/updatePolicy';
import { testUpdateEngine } from '../../support/updateEngine';
import { UpdateServer } from '../../support/updateServer';

// electron-updater against a real HTTP server on loopback: what the service
// downloads, what it refuses, and what it holds, by IT's policy and the
// operator's work.
let server: UpdateServer;
const services: UpdateService[] = [];

beforeAll(async () => {
  server = await UpdateServer.start();
  server.publish('broad', '1.3.0');
  server.publish('corrupt/broad', '1.3.0', { corrupt: true });
  server.publish('rollback/broad', '1.1.0');
});
afterAll(() => server.close());
afterEach(() => {
  for (const service of services.splice(0)) service.stop();
});

function serviceWith(
  policy: Partial<UpdatePolicy>,
  work: { busy?: 'call' | 'wrapUp' | 'outbound'; now?: Date } = {},
) {
  const made = testUpdateEngine('1.2.0');
  const service = new UpdateService({
    engine: made.engine,
    policy: () => ({ ...defaultUpdatePolicy, url: `${server.url}/`, ...policy }),
    running: '1.2.0',
    busy: () => work.busy,
    clock: { now: () => work.now ?? new Date() },
    logger: silentLogger,
  });
  service.start();
  services.push(service);
  return { service, ...made };
}

const downloaded = (cacheDir: string) =>
  existsSync(cacheDir)
    ? readdirSync(cacheDir, { recursive: true }).filter(
        (f) => String(f).endsWith('.deb') || String(f).endsWith('.exe'),
      )
    : [];

describe('updates from the center’s server', () => {
  it('finds a newer version in its ring, downloads and verifies it, and offers it when idle', async () => {
    const { service, cacheDir, installs } = serviceWith({ ring: 'broad' });
    const seen: string[] = [];
    service.onChanged((view) => seen.push(view.state.kind));
    const view = await service.checkNow();
    expect(view.state).toEqual({
      kind: 'ready',
      version: '1.3.0',
      heldBy: null,
      installOnQuit: false,
    });
    expect(seen).toEqual(expect.arrayContaining(['checking', 'downloading', 'ready']));
    expect(downloaded(cacheDir)).toHaveLength(1);
    expect(view.lastCheckAt).not.toBeNull();
    expect(service.installNow()).toEqual({ ok: true });
    expect(installs).toEqual([{ silent: true, runAfter: true }]);
  });

  it('holds a downloaded update during a call and a wrap-up, and offers it once idle', async () => {
    const work: { busy?: 'call' | 'wrapUp' } = { busy: 'call' };
    const { service, installs } = serviceWith({}, work);
    expect((await service.checkNow()).state).toMatchObject({ kind: 'ready', heldBy: 'call' });
    expect(service.installNow()).toEqual({ ok: false, why: 'call' });
    work.busy = 'wrapUp';
    service.workChanged();
    expect(service.view().state).toMatchObject({ kind: 'ready', heldBy: 'wrapUp' });
    expect(service.installNow()).toEqual({ ok: false, why: 'wrapUp' });
    delete work.busy;
    service.workChanged();
    expect(service.view().state).toMatchObject({ kind: 'ready', heldBy: null });
    expect(installs).toEqual([]);
    expect(service.installOnQuit()).toEqual({ ok: true });
    expect(service.view().state).toMatchObject({ installOnQuit: true });
  });

  it('holds it outside IT’s update window', async () => {
    const evening = new Date(2026, 11, 7, 21, 30);
    const noon = new Date(2026, 11, 7, 12, 0);
    const work: { now?: Date } = { now: noon };
    const { service } = serviceWith({ window: { from: '20:00', to: '08:00' } }, work);
    expect((await service.checkNow()).state).toMatchObject({ kind: 'ready', heldBy: 'window' });
    expect(service.installNow()).toEqual({ ok: false, why: 'window' });
    work.now = evening;
    service.workChanged();
    expect(service.view().state).toMatchObject({ heldBy: null });
  });

  it('refuses a file whose sha512 is not the published one, and keeps the running version', async () => {
    const { service, cacheDir, installs } = serviceWith({ url: `${server.url}/corrupt/` });
    const view = await service.checkNow();
    expect(view.state).toMatchObject({
      kind: 'failed',
      problem: 'downloadRefused',
      version: '1.3.0',
    });
    expect(view.state.kind === 'failed' && view.state.detail).toMatch(/sha512/i);
    expect(downloaded(cacheDir)).toEqual([]);
    expect(service.installNow()).toEqual({ ok: false, why: 'notReady' });
    expect(installs).toEqual([]);
    expect(view.running).toBe('1.2.0');
    // Looked at again sooner than the usual few hours.
    expect(Date.parse(view.nextCheckAt ?? '') - Date.now()).toBeLessThan(10 * 60_000);
  });

  it('a held version and an empty ring get nothing', async () => {
    const held = serviceWith({ hold: true });
    expect((await held.service.checkNow()).state).toEqual({
      kind: 'upToDate',
      offered: '1.3.0',
      why: 'held',
    });
    expect(downloaded(held.cacheDir)).toEqual([]);

    const empty = serviceWith({ ring: 'pilot' });
    expect((await empty.service.checkNow()).state).toEqual({
      kind: 'upToDate',
      offered: null,
      why: 'nothingPublished',
    });
    expect(downloaded(empty.cacheDir)).toEqual([]);
  });

  it('a pinned version: nothing newer, and back to it when IT rolls a release back', async () => {
    const pinned = serviceWith({ pinVersion: '1.2.0' });
    expect((await pinned.service.checkNow()).state).toEqual({
      kind: 'upToDate',
      offered: '1.3.0',
      why: 'pinned',
    });
    expect(downloaded(pinned.cacheDir)).toEqual([]);

    const rollback = serviceWith({ url: `${server.url}/rollback/`, pinVersion: '1.1.0' });
    expect((await rollback.service.checkNow()).state).toMatchObject({
      kind: 'ready',
      version: '1.1.0',
    });
    // Without a pin, an older version is never taken.
    const unpinned = serviceWith({ url: `${server.url}/rollback/` });
    expect((await unpinned.service.checkNow()).state).toMatchObject({
      kind: 'upToDate',
      why: 'newest',
    });
  });

  it('a server that is down: a failure to show, and a sooner retry', async () => {
    const { service } = serviceWith({ url: 'http://127.0.0.1:9/' });
    const view = await service.checkNow();
    expect(view.state).toMatchObject({
      kind: 'failed',
      problem: 'serverUnreachable',
      version: null,
    });
    expect(Date.parse(view.nextCheckAt ?? '') - Date.now()).toBeLessThan(10 * 60_000);
  });

  it('off by IT: no server asked', async () => {
    const before = server.requests.length;
    const off = serviceWith({ enabled: false });
    expect((await off.service.checkNow()).state).toEqual({ kind: 'off', why: 'disabled' });
    expect(server.requests.length).toBe(before);
  });
});
