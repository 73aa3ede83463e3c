import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../src-main/ipc/channels';
import { invokeContract } from '../../../src-main/ipc/contract';
import { dispatchInvoke, type InvokeHandlers } from '../../../src-main/ipc/dispatch';
import { IpcRejection } from '../../../src-main/ipc/result';
import { silentLogger } from '../../../src-main/core/platform/ports';
import {
  defaultUserSettings,
  type SettingsView,
} from '../../../src-shared/settings/userSettingsSchema';

const appOrigin = 'app://pult';
const fromApp = { url: 'app://pult/index.html', isTopFrame: true };
const view: SettingsView = { values: { ...defaultUserSettings }, locked: [] };

function handlers(overrides: Partial<InvokeHandlers> = {}): InvokeHandlers {
  // Only the channels these tests call; the rest are never reached.
  return {
    'app.info': () => ({ name: 'Pult', version: '1.0.0', platform: 'linux' }),
    'settings.get': () => view,
    'settings.update': (patch) => ({ ...view, values: { ...view.values, ...patch } }),
    'status.get': () => {
      throw new Error('not used');
    },
    'links.openExternal': () => ({ opened: false }),
    ...overrides,
  } as InvokeHandlers;
}

describe('dispatchInvoke', () => {
  it('runs the handler with the parsed request and returns its value', async () => {
    const result = await dispatchInvoke(
      handlers(),
      'settings.update',
      { language: 'en' },
      fromApp,
      appOrigin,
      silentLogger,
    );
    expect(result).toEqual({
      ok: true,
      value: { values: { ...defaultUserSettings, language: 'en' }, locked: [] },
    });
  });

  it('refuses a channel that is not in the contract', async () => {
    const result = await dispatchInvoke(
      handlers(),
      'fs.readFile',
      '/etc/passwd',
      fromApp,
      appOrigin,
      silentLogger,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
    const notAString = await dispatchInvoke(
      handlers(),
      42,
      undefined,
      fromApp,
      appOrigin,
      silentLogger,
    );
    expect(notAString).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', isTopFrame: true }],
    ['an iframe of the app', { url: 'app://pult/index.html', isTopFrame: false }],
    ['a file: page', { url: 'file:///tmp/x.html', isTopFrame: true }],
    ['an unknown sender', { url: undefined, isTopFrame: true }],
    ['a look-alike host', { url: 'app://pult.evil/index.html', isTopFrame: true }],
  ])('refuses %s before the handler runs', async (_name, sender) => {
    let ran = false;
    const result = await dispatchInvoke(
      handlers({ 'app.info': () => ((ran = true), { name: '', version: '', platform: '' }) }),
      'app.info',
      undefined,
      sender,
      appOrigin,
      silentLogger,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });
    expect(ran).toBe(false);
  });

  it.each([
    ['a wrong type', { language: 42 }, 'language'],
    ['a value outside the list', { language: 'ru' }, 'language'],
    ['a setting sent with no value', { language: undefined }, 'language'],
    ['an unknown key', { language: 'en', admin: true }, ''],
    ['not an object', 'en', ''],
    ['null', null, ''],
  ])('refuses %s with the place it is wrong', async (_name, payload, path) => {
    let ran = false;
    const result = await dispatchInvoke(
      handlers({ 'settings.update': () => ((ran = true), view) }),
      'settings.update',
      payload,
      fromApp,
      appOrigin,
      silentLogger,
    );
    expect(ran).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalidRequest');
      expect(result.error.issues?.map((i) => i.path)).toContain(path);
    }
  });

  it('turns a handler crash into an internal error without its details', async () => {
    const result = await dispatchInvoke(
      handlers({
        'app.info': () => {
          throw new Error('secret path /home/op/db');
        },
      }),
      'app.info',
      undefined,
      fromApp,
      appOrigin,
      silentLogger,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Internal error in app.info' },
    });
  });

  it('passes an expected refusal through with its code and message', async () => {
    const result = await dispatchInvoke(
      handlers({
        'settings.update': () => {
          throw new IpcRejection('settingLocked', 'locked by policy');
        },
      }),
      'settings.update',
      { theme: 'dark' },
      fromApp,
      appOrigin,
      silentLogger,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'settingLocked', message: 'locked by policy' },
    });
  });

  it('never lets a response outside the contract reach the renderer', async () => {
    const result = await dispatchInvoke(
      handlers({ 'app.info': () => ({ name: 'Pult' }) as never }),
      'app.info',
      undefined,
      fromApp,
      appOrigin,
      silentLogger,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidResponse' } });
  });

  it('refuses media answers and call actions outside the contract, before any handler', async () => {
    const seen: unknown[] = [];
    const h = handlers({
      'media.respond': (r) => {
        seen.push(r);
        return { ok: true };
      },
      'calls.act': (a) => {
        seen.push(a);
        return { done: true };
      },
    });
    const bad: [string, unknown][] = [
      [
        'media.respond',
        { id: 1, ok: true, description: { type: 'offer', sdp: 'x'.repeat(70_000) } },
      ],
      ['media.respond', { id: 1, ok: true, state: { seq: 1, iceGatheringState: 'bogus' } }],
      ['media.respond', { id: -1, ok: false, error: 'x' }],
      ['calls.act', { action: 'dtmf', id: 1, tones: '1; DROP TABLE' }],
      ['calls.act', { action: 'transfer', id: 1, target: 'sip:evil@elsewhere' }],
      ['calls.act', { action: 'explode', id: 1 }],
    ];
    for (const [channel, payload] of bad) {
      const result = await dispatchInvoke(h, channel, payload, fromApp, appOrigin, silentLogger);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    }
    expect(seen).toEqual([]);
    const good = await dispatchInvoke(
      h,
      'calls.act',
      { action: 'dtmf', id: 1, tones: '12#' },
      fromApp,
      appOrigin,
      silentLogger,
    );
    expect(good).toEqual({ ok: true, value: { done: true } });
  });

  it('has a schema for exactly the channels the preload exposes', () => {
    expect(Object.keys(invokeContract).sort()).toEqual([...invokeChannels].sort());
  });
});
