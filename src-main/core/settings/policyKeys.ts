import { z } from 'zod';
import { machinePolicySchema } from './machinePolicy';

/**
 * Every key IT can set, read off the policy's one schema: its path in
 * policy.json, its value name in the registry (HKLM\Software\Policies\Pult)
 * and macOS managed preferences, and the kind of value it takes there. The
 * validation, the registry reading, the Group Policy templates and the
 * README's table all come from this list, so a key added to the schema
 * appears everywhere at once.
 */
export type PolicyValueKind =
  | { type: 'string' }
  | { type: 'enum'; options: readonly string[] }
  | { type: 'number'; min: number | undefined; max: number | undefined }
  | { type: 'boolean' }
  /** Lists and records: a JSON text in one string value (as VS Code's policies do). */
  | { type: 'json' };

export interface PolicyKey {
  /** Where it sits in policy.json: 'sip.wsUrl'. */
  path: string;
  /** Its registry value name: 'SipWsUrl'. */
  name: string;
  /** The top-level section it belongs to (the Group Policy category). */
  section: string;
  kind: PolicyValueKind;
  /** A per-user value (HKCU) is allowed: the operator's own preferences, not the center's rules. */
  perUser: boolean;
}

function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional)
    inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** An object every field of which may be left out: IT sets its keys one by one. */
function isSection(schema: z.ZodType): schema is z.ZodObject {
  if (!(schema instanceof z.ZodObject)) return false;
  return Object.values(schema.shape as Record<string, z.ZodType>).every(
    (field) => field instanceof z.ZodOptional || field instanceof z.ZodDefault,
  );
}

function kindOf(schema: z.ZodType): PolicyValueKind {
  if (schema instanceof z.ZodString) return { type: 'string' };
  if (schema instanceof z.ZodEnum) return { type: 'enum', options: schema.options as string[] };
  if (schema instanceof z.ZodNumber)
    return {
      type: 'number',
      min: schema.minValue ?? undefined,
      max: schema.maxValue ?? undefined,
    };
  if (schema instanceof z.ZodBoolean) return { type: 'boolean' };
  return { type: 'json' };
}

const pascal = (segment: string) => segment.charAt(0).toUpperCase() + segment.slice(1);

function collect(schema: z.ZodObject, at: string[], keys: PolicyKey[]): void {
  const shape: Record<string, z.ZodType> = schema.shape;
  for (const [key, field] of Object.entries(shape)) {
    const inner = unwrapped(field);
    const path = [...at, key];
    if (isSection(inner)) {
      collect(inner, path, keys);
      continue;
    }
    keys.push({
      path: path.join('.'),
      name: path.map(pascal).join(''),
      section: path[0] ?? key,
      kind: kindOf(inner),
      // The operator's own preferences; everything else is the center's rule, machine-wide.
      perUser: path[0] === 'settings',
    });
  }
}

export const policyKeys: readonly PolicyKey[] = (() => {
  const keys: PolicyKey[] = [];
  collect(machinePolicySchema, [], keys);
  return keys;
})();
