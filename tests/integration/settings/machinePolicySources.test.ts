import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { LivePolicy } from '../../../src-main/core/settings/livePolicy';
import { watchPolicyFile } from '../../../src-main/core/settings/machinePolicyFile';
import { policyKeys } from '../../../src-main/core/settings/policyKeys';
import { MachinePolicySources } from '../../../src-main/core/settings/policySources';
import {
  admlTemplate,
  admxTemplate,
  policyTemplateFiles,
  templateLanguages,
} from '../../../src-main/core/settings/policyTemplates';
import { SettingsService } from '../../../src-main/core/settings/settingsService';

const repo = path.resolve(import.meta.dirname, '../../..');
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('machine policy from the registry (as policy-watcher reports it) and the file', () => {
  it('takes registry values by name: strings, DWORD switches and numbers, JSON lists', () => {
    const sources = new MachinePolicySources(silentLogger);
    const { policy, problems } = sources.valuesChanged({
      SipWsUrl: 'wss://pbx.center.example:8443',
      SettingsLanguage: 'en',
      PrivacyMaskCard: 0,
      CallsWrapUpLimitSeconds: 45,
      UpdatesRing: 'pilot',
      CallsDepartments: '[{"name":"Бухгалтерія","number":"2002"}]',
      UpdatesWindow: '{"from":"20:00","to":"08:00"}',
    });
    expect(problems).toEqual([]);
    expect(policy.sip.wsUrl).toBe('wss://pbx.center.example:8443');
    expect(policy.settings).toEqual({ language: 'en' });
    expect(policy.privacy.maskCard).toBe(false);
    expect(policy.calls.wrapUp).toEqual({ limitSeconds: 45, whenTimeUp: 'stay' });
    expect(policy.calls.departments).toEqual([{ name: 'Бухгалтерія', number: '2002' }]);
    expect(policy.updates).toMatchObject({ ring: 'pilot', window: { from: '20:00', to: '08:00' } });
  });

  it('the registry wins over the file key by key; the file’s other keys stay', () => {
    const sources = new MachinePolicySources(silentLogger);
    sources.fileChanged(
      JSON.stringify({
        sip: { wsUrl: 'wss://old.example', plainWebSocketHosts: ['lab.example'] },
        calls: { whenNotReady: 'decline' },
      }),
    );
    const { policy } = sources.valuesChanged({ SipWsUrl: 'wss://new.example' });
    expect(policy.sip).toEqual({
      wsUrl: 'wss://new.example',
      plainWebSocketHosts: ['lab.example'],
    });
    expect(policy.calls.whenNotReady).toBe('decline');
  });

  it('a bad key is named as IT wrote it and ignored; the rest still applies', () => {
    const sources = new MachinePolicySources(silentLogger);
    const { policy, problems } = sources.valuesChanged({
      SipWsUrl: 'ftp://pbx.example',
      CallsDepartments: '[{"name": "Бухгалтерія"',
      PrivacyMaskCard: 7,
      SettingsColour: 'red',
      SettingsLanguage: 'en',
      CallsWhenNotReady: 'decline',
    });
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SipWsUrl \(sip\.wsUrl\): /),
        'CallsDepartments (calls.departments): not valid JSON',
        'PrivacyMaskCard (privacy.maskCard): must be 0 or 1 (REG_DWORD)',
        'SettingsColour: not a policy key',
      ]),
    );
    expect(policy.sip.wsUrl).toBeUndefined();
    expect(policy.privacy.maskCard).toBe(true);
    expect(policy.settings.language).toBe('en');
    expect(policy.calls.whenNotReady).toBe('decline');
  });
});

describe('a live change', () => {
  it('IT rewrites the policy file: the new values reach the services that hold the policy, and the locks move', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-policy-live-'));
    const file = path.join(dir, 'policy.json');
    writeFileSync(
      file,
      JSON.stringify({ settings: { language: 'uk' }, calls: { whenNotReady: 'decline' } }),
    );
    const sources = new MachinePolicySources(silentLogger);
    const live = new LivePolicy(sources.fileChanged(readFileSync(file, 'utf8')));
    // As services hold it: the policy object, and a section of it taken at start.
    const calls = live.current.calls;
    const settings = new SettingsService(
      { read: () => ({}), write: () => undefined },
      live.current,
      silentLogger,
    );
    expect(settings.view().locked).toEqual(['language']);
    const changed = new Promise<string[]>((resolve) => live.onChanged(resolve));
    live.onChanged(() => settings.policyChanged());
    const shown = new Promise<string[]>((resolve) => settings.onChanged((v) => resolve(v.locked)));
    stops.push(
      watchPolicyFile(file, (text) => live.apply(sources.fileChanged(text)), 50),
      () => rmSync(dir, { recursive: true, force: true }),
    );
    await new Promise((r) => setTimeout(r, 120));
    writeFileSync(
      file,
      JSON.stringify({
        settings: { theme: 'dark' },
        calls: {
          whenNotReady: 'ringWithoutAutoAnswer',
          departments: [{ name: 'ІТ', number: '2003' }],
        },
      }),
    );
    expect((await changed).sort()).toEqual(['calls', 'settings']);
    expect(await shown).toEqual(['theme']);
    expect(calls.whenNotReady).toBe('ringWithoutAutoAnswer');
    expect(live.current.calls.departments).toEqual([{ name: 'ІТ', number: '2003' }]);
    expect(settings.view().values.theme).toBe('dark');
  });

  it('a change that breaks a key: that key is as if unset (as it would be at a restart), the others apply, and it says which', () => {
    const sources = new MachinePolicySources(silentLogger);
    const live = new LivePolicy(sources.fileChanged('{"calls":{"whenNotReady":"decline"}}'));
    const sections = live.apply(
      sources.fileChanged('{"calls":{"whenNotReady":"never"},"privacy":{"maskCard":false}}'),
    );
    expect(sections.sort()).toEqual(['calls', 'privacy']);
    expect(live.current.privacy.maskCard).toBe(false);
    expect(live.current.calls.whenNotReady).toBe('ringWithoutAutoAnswer');
    expect(live.problems()).toEqual([expect.stringMatching(/^calls\.whenNotReady: /)]);
  });
});

describe('Group Policy templates made from the schema', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  const asArray = <T>(value: T | T[] | undefined): T[] =>
    value === undefined ? [] : Array.isArray(value) ? value : [value];

  it('ADMX and both ADMLs are well-formed, hold every key, and every string they refer to exists', () => {
    const admx = admxTemplate(policyKeys);
    expect(SyntaxValidator.validate(admx)).toBe(true);
    const policies = asArray(
      (parser.parse(admx) as { policyDefinitions: { policies: { policy: unknown } } })
        .policyDefinitions.policies.policy,
    ) as Record<string, string>[];
    expect(policies.map((p) => p['name'])).toEqual(policyKeys.map((k) => k.name));
    for (const policy of policies) expect(policy['key']).toBe('Software\\Policies\\Pult');
    // The operator's own preferences may also be set per user; the center's rules only per machine.
    expect(policies.find((p) => p['name'] === 'SettingsLanguage')?.['class']).toBe('Both');
    expect(policies.find((p) => p['name'] === 'SipWsUrl')?.['class']).toBe('Machine');
    const referenced = new Set([...admx.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]));
    const presentations = new Set(
      [...admx.matchAll(/\$\(presentation\.([^)]+)\)/g)].map((m) => m[1]),
    );
    for (const language of templateLanguages) {
      const adml = admlTemplate(policyKeys, language);
      expect(SyntaxValidator.validate(adml)).toBe(true);
      const resources = (
        parser.parse(adml) as {
          policyDefinitionResources: {
            resources: {
              stringTable: { string: unknown };
              presentationTable: { presentation: unknown };
            };
          };
        }
      ).policyDefinitionResources.resources;
      const strings = new Set(
        asArray(resources.stringTable.string as Record<string, string>[]).map((s) => s['id']),
      );
      const shown = new Set(
        asArray(resources.presentationTable.presentation as Record<string, string>[]).map(
          (p) => p['id'],
        ),
      );
      for (const id of referenced) expect(strings.has(id), `${language}: string ${id}`).toBe(true);
      for (const id of presentations)
        expect(shown.has(id), `${language}: presentation ${id}`).toBe(true);
    }
    expect(admlTemplate(policyKeys, 'uk-UA')).toContain('Мова інтерфейсу');
  });

  it('the templates shipped in resources/policy and the README’s table are the ones the schema makes', () => {
    for (const [name, text] of Object.entries(policyTemplateFiles(policyKeys)))
      expect(readFileSync(path.join(repo, 'resources/policy', name), 'utf8'), name).toBe(text);
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('<!-- policy-keys:start'),
      readme.indexOf('<!-- policy-keys:end'),
    );
    const rows = table
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|')[2]?.trim());
    expect(rows).toEqual(policyKeys.map((k) => `\`${k.name}\``));
  });
});
