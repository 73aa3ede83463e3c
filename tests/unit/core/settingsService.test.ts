import { defaultPerformancePolicy } from '../../../src-shared/performance/performancePolicy';
import { defaultCallingRules } from '../../../src-shared/campaigns/callingRules';
import { describe, expect, it } from 'vitest';
import type { JsonStore, Logger } from '../../../src-main/core/platform/ports';
import {
  emptyPolicy,
  offeredLists,
  parseMachinePolicy,
} from '../../../src-main/core/settings/machinePolicy';
import {
  SettingLockedError,
  SettingsService,
} from '../../../src-main/core/settings/settingsService';
import {
  defaultUserSettings,
  settingsPatchSchema,
  type UserSettings,
} from '../../../src-shared/settings/userSettingsSchema';

function memoryStore(initial?: unknown): JsonStore<UserSettings> & { saved: unknown } {
  const store = {
    saved: initial,
    read: () => store.saved,
    write: (value: UserSettings) => {
      store.saved = structuredClone(value);
    },
  };
  return store;
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const noop = () => undefined;
  return { warnings, debug: noop, info: noop, error: noop, warn: (m) => warnings.push(m) };
}

describe('SettingsService', () => {
  it('starts in Ukrainian, following the system theme', () => {
    const service = new SettingsService(memoryStore(), emptyPolicy, recordingLogger());
    expect(service.view()).toEqual({ values: defaultUserSettings, locked: [] });
  });

  it('saves a change, tells listeners, and a new service reads it back', () => {
    const store = memoryStore();
    const service = new SettingsService(store, emptyPolicy, recordingLogger());
    const seen: string[] = [];
    service.onChanged((view) => seen.push(view.values.language));
    service.update({ language: 'en' });
    expect(seen).toEqual(['en']);
    expect(new SettingsService(store, emptyPolicy, recordingLogger()).view().values.language).toBe(
      'en',
    );
  });

  it('keeps valid values from a damaged file and resets the rest, saying so', () => {
    const logger = recordingLogger();
    const service = new SettingsService(
      memoryStore({ language: 'en', theme: 'neon' }),
      emptyPolicy,
      logger,
    );
    expect(service.view().values).toEqual({ ...defaultUserSettings, language: 'en' });
    expect(logger.warnings).toHaveLength(1);
    expect(
      new SettingsService(memoryStore('garbage'), emptyPolicy, logger).view().values.language,
    ).toBe('uk');
  });

  it('shows policy values as locked and refuses to change them', () => {
    const policy = parseMachinePolicy(JSON.stringify({ settings: { language: 'en' } })).policy;
    const store = memoryStore({ language: 'uk', theme: 'dark' });
    const service = new SettingsService(store, policy, recordingLogger());
    expect(service.view()).toEqual({
      values: { ...defaultUserSettings, language: 'en', theme: 'dark' },
      locked: ['language'],
    });
    expect(() => service.update({ language: 'uk' })).toThrow(SettingLockedError);
    expect(store.saved).toEqual({ language: 'uk', theme: 'dark' });
    service.update({ theme: 'light' });
    expect(service.view().values.theme).toBe('light');
  });
});

describe('hotkeys', () => {
  it('take keys as typed in Settings and refuse anything else', () => {
    const ok = settingsPatchSchema.safeParse({
      hotkeys: { ...defaultUserSettings.hotkeys, ready: 'alt+shift+R' },
    });
    expect(ok.success).toBe(true);
    for (const bad of ['', 'F13', 'ctrl+', '<script>', 'mod+mod']) {
      expect(
        settingsPatchSchema.safeParse({ hotkeys: { ...defaultUserSettings.hotkeys, ready: bad } })
          .success,
      ).toBe(false);
    }
  });

  it('fill in on a settings file written before hotkeys existed', () => {
    const service = new SettingsService(
      memoryStore({ language: 'en', theme: 'dark' }),
      emptyPolicy,
      recordingLogger(),
    );
    expect(service.view().values.hotkeys).toEqual(defaultUserSettings.hotkeys);
  });
});

describe('parseMachinePolicy', () => {
  it('treats a missing or empty file as no policy', () => {
    expect(parseMachinePolicy(undefined)).toEqual({ ok: true, policy: emptyPolicy });
    expect(parseMachinePolicy('  ')).toEqual({ ok: true, policy: emptyPolicy });
  });
  it('reads the allowlist and locked settings', () => {
    const result = parseMachinePolicy(
      '{"externalLinkAllowlist":["example.org"],"settings":{"theme":"dark"}}',
    );
    expect(result).toEqual({
      ok: true,
      policy: {
        externalLinkAllowlist: ['example.org'],
        lists: {},
        settings: { theme: 'dark' },
        sip: { plainWebSocketHosts: [] },
        calls: {
          whenNotReady: 'ringWithoutAutoAnswer',
          dialRules: { format: 'e164', externalPrefix: '' },
          wrapUp: { limitSeconds: 0, whenTimeUp: 'stay' },
          departments: [],
        },
        scripts: { lines: [], operatorsMay: { goBack: true, finishEarly: true } },
        privacy: { maskCard: true },
        referenceFiles: {},
        performance: defaultPerformancePolicy,
        updates: { enabled: true, ring: 'broad', hold: false, checkEveryHours: 4 },
        outbound: { countries: defaultCallingRules, previewAutoDialSeconds: 0 },
        sync: {},
      },
    });
  });
  it('reads the department lines and the dialling rules', () => {
    const result = parseMachinePolicy(
      '{"calls":{"departments":[{"name":"Технічна підтримка","number":"2001"}],"dialRules":{"format":"national","externalPrefix":"9"}}}',
    );
    expect(result).toMatchObject({
      ok: true,
      policy: {
        calls: {
          departments: [{ name: 'Технічна підтримка', number: '2001' }],
          dialRules: { format: 'national', externalPrefix: '9' },
        },
      },
    });
    expect(
      parseMachinePolicy('{"calls":{"departments":[{"name":"x","number":"sip:a@b"}]}}').ok,
    ).toBe(false);
  });
  it("offers IT's lists in IT's order, outcomes grouped; unknown entries refuse the policy", () => {
    const parsed = parseMachinePolicy(
      '{"lists":{"notReadyReasons":["lunch","break"],"dispositions":["noAnswer","info","sale"]}}',
    );
    expect(parsed.ok).toBe(true);
    expect(offeredLists(parsed.policy.lists)).toEqual({
      notReadyReasons: ['lunch', 'break'],
      dispositions: [
        { group: 'talked', items: ['info', 'sale'] },
        { group: 'noContact', items: ['noAnswer'] },
      ],
    });
    expect(offeredLists({}).notReadyReasons).toHaveLength(6);
    expect(parseMachinePolicy('{"lists":{"dispositions":["nap"]}}').ok).toBe(false);
    expect(
      parseMachinePolicy('{"lists":{"refusalReasons":[{"code":"a b","uk":"x","en":"x"}]}}').ok,
    ).toBe(false);
  });
  it('lets IT have Not Ready decline inbound calls', () => {
    expect(parseMachinePolicy('{"calls":{"whenNotReady":"decline"}}')).toMatchObject({
      ok: true,
      policy: { calls: { whenNotReady: 'decline' } },
    });
    expect(parseMachinePolicy('{"calls":{"whenNotReady":"ignore"}}').ok).toBe(false);
  });
  it.each([
    ['{not json', 'not valid JSON'],
    ['{"settings":{"language":"xx"}}', 'settings.language'],
    ['{"settings":{"sipPassword":"x"}}', 'settings.sipPassword: not a policy key'],
    ['[]', 'not a JSON object'],
  ])('ignores a broken policy %s and names what is wrong', (text, named) => {
    const result = parseMachinePolicy(text);
    expect(result.ok).toBe(false);
    expect(result.policy).toEqual(emptyPolicy);
    if (!result.ok) expect(result.problem).toContain(named);
  });
  it('ignores only the key that is wrong: the rest of the policy still applies', () => {
    const result = parseMachinePolicy(
      JSON.stringify({
        settings: { language: 'xx', theme: 'dark' },
        calls: { whenNotReady: 'ignore', departments: [{ name: 'Бухгалтерія', number: '2002' }] },
        privacy: { maskCard: false },
        nonsense: 1,
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.split('; ')).toEqual([
      expect.stringMatching(/^settings\.language: /),
      expect.stringMatching(/^calls\.whenNotReady: /),
      'nonsense: not a policy key',
    ]);
    expect(result.policy.settings).toEqual({ theme: 'dark' });
    expect(result.policy.calls.whenNotReady).toBe('ringWithoutAutoAnswer');
    expect(result.policy.calls.departments).toEqual([{ name: 'Бухгалтерія', number: '2002' }]);
    expect(result.policy.privacy.maskCard).toBe(false);
  });
});
