import type { Logger } from '../platform/ports';
import { policyFileObject, policyFromObject, type MachinePolicy } from './machinePolicy';
import { policyKeys, type PolicyKey } from './policyKeys';

/**
 * Values as the registry (HKLM\Software\Policies\Pult, then HKCU) or macOS
 * managed preferences hold them: flat, by value name, strings, numbers
 * (DWORD) and booleans.
 */
export type PolicyValues = Record<string, string | number | boolean | undefined>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One registry value as its key takes it; a wrong one is named in `problems`. */
function valueFor(key: PolicyKey, raw: string | number | boolean, problems: string[]): unknown {
  const wrong = (what: string) => {
    problems.push(`${key.name} (${key.path}): ${what}`);
    return undefined;
  };
  switch (key.kind.type) {
    case 'json':
      if (typeof raw !== 'string') return wrong('must be a JSON text (REG_SZ)');
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return wrong('not valid JSON');
      }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 0 || raw === 1) return raw === 1;
      if (raw === '0' || raw === '1') return raw === '1';
      return wrong('must be 0 or 1 (REG_DWORD)');
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(n) && String(raw).trim() !== '' ? n : wrong('must be a number');
    }
    default:
      return typeof raw === 'string' ? raw : String(raw);
  }
}

/** Registry-shaped values as policy.json would hold them (nested by path). */
export function policyObjectFromValues(
  values: PolicyValues,
  problems: string[],
): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  const known = new Set(policyKeys.map((key) => key.name));
  for (const name of Object.keys(values))
    if (!known.has(name) && values[name] !== undefined) problems.push(`${name}: not a policy key`);
  for (const key of policyKeys) {
    const raw = values[key.name];
    if (raw === undefined) continue;
    const value = valueFor(key, raw, problems);
    if (value === undefined) continue;
    const segments = key.path.split('.');
    let at = json;
    for (const segment of segments.slice(0, -1)) {
      const next = at[segment];
      at = isRecord(next) ? next : (at[segment] = {});
    }
    at[segments.at(-1) ?? key.path] = value;
  }
  return json;
}

/** `over` on top of `under`, key by key: sections merge, a value set in `over` wins. */
export function layeredPolicy(
  under: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    merged[key] = isRecord(below) && isRecord(value) ? layeredPolicy(below, value) : value;
  }
  return merged;
}

export interface PolicyInForce {
  policy: MachinePolicy;
  /** Keys ignored, by name and why ("SipWsUrl (sip.wsUrl): Invalid string…"). */
  problems: string[];
}

/**
 * IT's policy from every place IT may put it: the file (ProgramData,
 * /etc/pult) under the registry or managed preferences, which win key by
 * key, as Group Policy wins over a file an installer dropped. Each source
 * reports as it changes; the policy in force is made again from both.
 */
export class MachinePolicySources {
  private fileText: string | undefined;
  private values: PolicyValues = {};

  constructor(private readonly logger: Logger) {}

  fileChanged(text: string | undefined): PolicyInForce {
    this.fileText = text;
    return this.inForce();
  }

  valuesChanged(values: PolicyValues): PolicyInForce {
    this.values = { ...values };
    return this.inForce();
  }

  inForce(): PolicyInForce {
    const problems: string[] = [];
    const file = policyFileObject(this.fileText);
    if (!file.ok) problems.push(`policy.json: ${file.problem}`);
    const fromValues = policyObjectFromValues(this.values, problems);
    const result = policyFromObject(layeredPolicy(file.ok ? file.json : {}, fromValues));
    if (!result.ok) problems.push(...result.problem.split('; ').map((p) => this.named(p)));
    // What was wrong is named; the keys that were right still apply.
    if (problems.length > 0) this.logger.error('machine policy: keys ignored', { problems });
    return { policy: result.policy, problems };
  }

  /** A problem with a key IT set in the registry is named as IT wrote it there: "SipWsUrl (sip.wsUrl): …". */
  private named(problem: string): string {
    const key = policyKeys.find(
      (k) => this.values[k.name] !== undefined && problem.startsWith(`${k.path}:`),
    );
    return key === undefined ? problem : `${key.name} (${problem}`.replace(':', '):');
  }
}
