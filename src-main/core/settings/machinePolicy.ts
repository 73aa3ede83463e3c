import { z } from 'zod';
import { userSettingsSchema } from '../../../src-shared/settings/userSettingsSchema';
import { selectableNotReadyReasons } from '../../../src-shared/agent/agentStateView';
import {
  dispositionGroups,
  dispositions,
  type Disposition,
} from '../../../src-shared/calls/wrapUpSchema';
import type { SelectableNotReadyReason } from '../../../src-shared/agent/agentStateView';
import {
  defaultPerformancePolicy,
  performancePolicySchema,
} from '../../../src-shared/performance/performancePolicy';
import { defaultUpdatePolicy, updatePolicySchema } from '../../../src-shared/updates/updatePolicy';
import {
  countryCallingRulesSchema,
  defaultCallingRules,
} from '../../../src-shared/campaigns/callingRules';

/** What the center's lists offer; absent means the built-in list. */
export const workListsSchema = z
  .object({
    notReadyReasons: z.array(z.enum(selectableNotReadyReasons)).min(1).optional(),
    dispositions: z.array(z.enum(dispositions)).min(1).optional(),
    refusalReasons: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
            uk: z.string().trim().min(1).max(100),
            en: z.string().trim().min(1).max(100),
          })
          .strict(),
      )
      .min(1)
      .max(50)
      .optional(),
  })
  .strict();
export type WorkLists = z.infer<typeof workListsSchema>;

/** The lists as offered: IT's choice, in IT's order, grouped as the form shows outcomes. */
export function offeredLists(lists: WorkLists): {
  notReadyReasons: SelectableNotReadyReason[];
  dispositions: { group: 'talked' | 'noContact'; items: Disposition[] }[];
} {
  const chosen = lists.dispositions ?? [...dispositions];
  return {
    notReadyReasons: lists.notReadyReasons ?? [...selectableNotReadyReasons],
    dispositions: dispositionGroups
      .map(({ group, items }) => ({
        group,
        items: chosen.filter((d) => items.includes(d)),
      }))
      .filter((g) => g.items.length > 0),
  };
}

/**
 * IT's machine-wide policy file. Values given here override the user's settings
 * and are shown as locked; a broken file must not stop the app, so it is parsed
 * leniently and its problems are reported, not thrown.
 */
export const machinePolicySchema = z.object({
  settings: userSettingsSchema.partial().strict().default({}),
  externalLinkAllowlist: z.array(z.string().min(1)).default([]),
  /** The Not Ready reasons, wrap-up outcomes and refusal reasons this center uses. */
  lists: workListsSchema.default({}),
  /** The PBX every workstation must use; shown locked in Settings. */
  sip: z
    .object({
      wsUrl: z
        .string()
        .regex(/^wss?:\/\/\S+$/)
        .optional(),
      /** Hosts a PBX may be reached on by plain ws:// (a lab, an old PBX); everything else needs wss://. */
      plainWebSocketHosts: z.array(z.string().trim().min(1).max(253)).max(20).default([]),
    })
    .strict()
    .default({ plainWebSocketHosts: [] }),
  calls: z
    .object({
      /** Inbound calls while Not Ready or in wrap-up: declined at once, or ringing anyway. */
      whenNotReady: z.enum(['decline', 'ringWithoutAutoAnswer']).default('ringWithoutAutoAnswer'),
      /** How this PBX wants external numbers dialled. */
      dialRules: z
        .object({
          format: z.enum(['e164', 'international', 'national']).default('e164'),
          externalPrefix: z
            .string()
            .regex(/^[0-9*#]{0,4}$/)
            .default(''),
        })
        .strict()
        .default({ format: 'e164', externalPrefix: '' }),
      /** Wrap-up: unlimited (0), or time-boxed; when time is up, back to work or stay until done. */
      wrapUp: z
        .object({
          limitSeconds: z.number().int().min(0).max(3600).default(0),
          whenTimeUp: z.enum(['ready', 'stay']).default('stay'),
        })
        .strict()
        .default({ limitSeconds: 0, whenTimeUp: 'stay' }),
      /** The department lines calls are transferred to (technical support, billing, …). */
      departments: z
        .array(
          z
            .object({
              name: z.string().trim().min(1).max(80),
              /** As people write it ("044 123 45 67", "2002"); dialled by the dial rules. */
              number: z.string().regex(/^[0-9A-Za-z+*#._ ()-]{1,40}$/),
            })
            .strict(),
        )
        .max(50)
        .default([]),
    })
    .strict()
    .default({
      whenNotReady: 'ringWithoutAutoAnswer',
      dialRules: { format: 'e164', externalPrefix: '' },
      wrapUp: { limitSeconds: 0, whenTimeUp: 'stay' },
      departments: [],
    }),
  /** Which script a call gets: by the line the caller dialled. */
  scripts: z
    .object({
      lines: z
        .array(
          z
            .object({
              /** The dialled number as people write it ("0 800 300 500") or an extension. */
              line: z.string().regex(/^[0-9A-Za-z+*#._ ()-]{1,40}$/),
              /** The script's name, as the Scripts section lists it. */
              script: z.string().trim().min(1).max(200),
            })
            .strict(),
        )
        .max(500)
        .default([]),
      /**
       * Who may edit and publish scripts (their Windows user names); absent,
       * anyone at this workstation may; the others see scripts read-only.
       */
      editors: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
      /** What an operator may do in a run: go back a step, and finish a script before its end. */
      operatorsMay: z
        .object({
          goBack: z.boolean().default(true),
          finishEarly: z.boolean().default(true),
        })
        .strict()
        .default({ goBack: true, finishEarly: true }),
      /** A folder of script files IT ships (*.json): published as they are, read-only here. */
      folder: z.string().trim().min(1).max(1000).optional(),
      /** The SIP header carrying the dialled number, when the PBX does not leave it in To. */
      lineHeader: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/)
        .optional(),
    })
    .strict()
    .default({ lines: [], operatorsMay: { goBack: true, finishEarly: true } }),
  privacy: z
    .object({
      /**
       * The card shows phones, e-mail and personal account masked; the operator
       * sees them in full by giving a reason (audited). IT may turn it off.
       */
      maskCard: z.boolean().default(true),
    })
    .strict()
    .default({ maskCard: true }),
  /** The center's reference files, where IT keeps them; absent, the ones Pult ships. */
  referenceFiles: z
    .object({
      /** The catalogue (order types, products, tariffs, promotions, articles, complaint categories). */
      catalogue: z.string().trim().min(1).max(1000).optional(),
      /** A newer edition of the KATOTTG codifier (kodifikator.xlsx, as data.gov.ua publishes it). */
      codifier: z.string().trim().min(1).max(1000).optional(),
    })
    .strict()
    .default({}),
  /** The performance sheet's targets, achievements, average score and the schedule file. */
  performance: performancePolicySchema.default(defaultPerformancePolicy),
  /** Self-update: the center's server, the ring, a pinned or held version, the install window. */
  updates: updatePolicySchema.default(defaultUpdatePolicy),
  /** Outbound lists: the calling rules per country of the number (they replace the shipped ones). */
  outbound: z
    .object({
      countries: z
        .record(z.string().regex(/^[A-Z]{2}$/), countryCallingRulesSchema)
        .default(defaultCallingRules),
      /** Preview: seconds before the lead on screen is dialled by itself; 0 waits for Call. */
      previewAutoDialSeconds: z.number().int().min(0).max(120).default(0),
    })
    .strict()
    .default({ countries: defaultCallingRules, previewAutoDialSeconds: 0 }),
  /** Team mode: the center's PostgreSQL; each operator logs in with their own role. */
  sync: z
    .object({
      server: z
        .object({
          host: z.string().trim().min(1).max(253),
          port: z.number().int().min(1).max(65535).default(5432),
          database: z.string().trim().min(1).max(63).default('pult'),
          /** The CA that signed the server's certificate (a PEM file); the system's CAs when absent. */
          caFile: z.string().trim().min(1).max(1000).optional(),
        })
        .strict()
        .optional(),
    })
    .strict()
    .default({}),
});
export type MachinePolicy = z.infer<typeof machinePolicySchema>;

export const emptyPolicy: MachinePolicy = {
  settings: {},
  lists: {},
  externalLinkAllowlist: [],
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
  updates: defaultUpdatePolicy,
  outbound: { countries: defaultCallingRules, previewAutoDialSeconds: 0 },
  sync: {},
};

export type PolicyParseResult =
  { ok: true; policy: MachinePolicy } | { ok: false; policy: MachinePolicy; problem: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object schema under a key's default or optional, if it is one. */
function objectSchemaOf(schema: z.ZodType): z.ZodObject | undefined {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional)
    inner = inner.unwrap() as z.ZodType;
  return inner instanceof z.ZodObject ? inner : undefined;
}

/**
 * The keys of `value` that `schema` accepts, one by one: a key it does not
 * know, or whose value it refuses, is left out and named in `problems`
 * (e.g. `settings.language: Invalid option`); sections are looked into the
 * same way, so one bad key costs only itself.
 */
function acceptedKeys(
  schema: z.ZodObject,
  value: Record<string, unknown>,
  at: string,
  problems: string[],
): Record<string, unknown> {
  const accepted: Record<string, unknown> = {};
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const [key, item] of Object.entries(value)) {
    const name = at === '' ? key : `${at}.${key}`;
    const field = shape[key];
    if (field === undefined) {
      problems.push(`${name}: not a policy key`);
      continue;
    }
    const section = objectSchemaOf(field);
    if (section !== undefined && isRecord(item)) {
      accepted[key] = acceptedKeys(section, item, name, problems);
      continue;
    }
    const parsed = field.safeParse(item);
    if (parsed.success) accepted[key] = item;
    else problems.push(`${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return accepted;
}

/**
 * IT's policy, from wherever it came (the file, the registry): each key is
 * checked on its own, and one that is unknown or wrong is reported by name
 * and ignored while the rest still applies (a typo in one setting must not
 * unlock every other).
 */
export function policyFromObject(json: Record<string, unknown>): PolicyParseResult {
  const problems: string[] = [];
  const parsed = machinePolicySchema.safeParse(
    acceptedKeys(machinePolicySchema, json, '', problems),
  );
  if (!parsed.success) {
    // Keys that pass alone but not together (none today): the policy is ignored whole, and said why.
    return { ok: false, policy: emptyPolicy, problem: z.prettifyError(parsed.error) };
  }
  return problems.length === 0
    ? { ok: true, policy: parsed.data }
    : { ok: false, policy: parsed.data, problem: problems.join('; ') };
}

/** The policy file's text as an object; a file that is not a JSON object is ignored whole, and said why. */
export function policyFileObject(
  text: string | undefined,
): { ok: true; json: Record<string, unknown> } | { ok: false; problem: string } {
  if (text === undefined || text.trim() === '') return { ok: true, json: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON: ${String(error)}` };
  }
  return isRecord(json) ? { ok: true, json } : { ok: false, problem: 'not a JSON object' };
}

/** IT's policy file alone (no registry): its keys checked one by one. */
export function parseMachinePolicy(text: string | undefined): PolicyParseResult {
  const file = policyFileObject(text);
  return file.ok
    ? policyFromObject(file.json)
    : { ok: false, policy: emptyPolicy, problem: file.problem };
}
