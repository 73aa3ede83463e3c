import { z } from 'zod';
import { isPattern } from '../regexPattern';
import { dispositions } from '../calls/wrapUpSchema';

/**
 * A call script as a graph of typed nodes (DOMAIN.md: скрипти). The schema
 * holds the structure and its limits, so a hostile file (unknown node types,
 * 10,000 nodes, megabytes of text, `__proto__` keys) is refused where it
 * enters; whether a draft may be published is the graph's own check
 * (core/scripts/publishCheck).
 */

export const maxScriptNodes = 2000;
export const maxScriptText = 5000;

const nodeId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a node id is 1 to 64 letters, digits, _ or -');
const text = z.string().normalize('NFC').max(maxScriptText);
const label = z.string().normalize('NFC').trim().min(1).max(200);
const next = nodeId.optional();

/** What an input node asks for; missing in a draft, required to publish. */
export const scriptInputTypes = [
  'text',
  'number',
  'money',
  'date',
  'timeSlot',
  'phone',
  'yesNo',
  'choiceList',
] as const;

/** Client fields an input may write to. */
export const scriptClientFields = ['email', 'city', 'address', 'personalAccount', 'notes'] as const;
export type ScriptClientField = (typeof scriptClientFields)[number];

const say = z.strictObject({ id: nodeId, type: z.literal('say'), text, next });
const question = z.strictObject({
  id: nodeId,
  type: z.literal('question'),
  text,
  /** The answer is kept as answers.<variable>. */
  variable: nodeId,
  choices: z
    .array(z.strictObject({ id: nodeId, label, next }))
    .min(1)
    .max(20),
});
const input = z.strictObject({
  id: nodeId,
  type: z.literal('input'),
  text,
  variable: nodeId,
  inputType: z.enum(scriptInputTypes).optional(),
  required: z.boolean().default(false),
  min: z.number().optional(),
  max: z.number().optional(),
  pattern: z
    .string()
    .max(200)
    .refine(isPattern, 'not a valid pattern (a JavaScript regular expression)')
    .optional(),
  options: z.array(label).max(50).optional(),
  clientField: z.enum(scriptClientFields).optional(),
  next,
});
const branch = z.strictObject({
  id: nodeId,
  type: z.literal('branch'),
  on: z.strictObject({
    source: z.enum(['answer', 'variable', 'clientField']),
    name: nodeId,
  }),
  cases: z.array(z.strictObject({ equals: z.string().max(200), next })).max(20),
  otherwise: next,
});
const setVariable = z.strictObject({
  id: nodeId,
  type: z.literal('setVariable'),
  variable: nodeId,
  value: z.string().max(500),
  next,
});
const offer = z.strictObject({
  id: nodeId,
  type: z.literal('offer'),
  item: label,
  text,
  accepted: next,
  refused: next,
});
const order = z.strictObject({ id: nodeId, type: z.literal('order'), orderType: label, next });
const transfer = z.strictObject({ id: nodeId, type: z.literal('transfer'), department: label });
const jump = z.strictObject({ id: nodeId, type: z.literal('jump'), target: next });
const end = z.strictObject({
  id: nodeId,
  type: z.literal('end'),
  /** Pre-set for wrap-up; the operator may still change it. */
  outcome: z.enum(dispositions).optional(),
  /** A refusal reason's code (the center's list); a refused offer on the way gives its own. */
  refusalReason: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
});

/** Every kind of step a script has, in the order the editor offers them. */
export const scriptNodeTypes = [
  'say',
  'question',
  'input',
  'branch',
  'setVariable',
  'offer',
  'order',
  'transfer',
  'jump',
  'end',
] as const;

export const scriptNodeSchema = z.discriminatedUnion('type', [
  say,
  question,
  input,
  branch,
  setVariable,
  offer,
  order,
  transfer,
  jump,
  end,
]);
export type ScriptNode = z.infer<typeof scriptNodeSchema>;

export const scriptGraphSchema = z.strictObject({
  name: label,
  start: nodeId,
  nodes: z.array(scriptNodeSchema).min(1).max(maxScriptNodes),
});
export type ScriptGraph = z.infer<typeof scriptGraphSchema>;

/** Where a node leads: each way on, with what the editor calls it. */
export function exitsOf(node: ScriptNode): { via: string; to: string | undefined }[] {
  switch (node.type) {
    case 'say':
    case 'input':
    case 'setVariable':
    case 'order':
      return [{ via: 'next', to: node.next }];
    case 'question':
      return node.choices.map((choice) => ({ via: `choice:${choice.id}`, to: choice.next }));
    case 'branch':
      return [
        ...node.cases.map((c, i) => ({ via: `case:${i}`, to: c.next })),
        { via: 'otherwise', to: node.otherwise },
      ];
    case 'offer':
      return [
        { via: 'accepted', to: node.accepted },
        { via: 'refused', to: node.refused },
      ];
    case 'jump':
      return [{ via: 'target', to: node.target }];
    case 'transfer':
    case 'end':
      return [];
  }
}

/** A run stops here: the call's outcome is set (end) or the caller goes on to a colleague (transfer). */
export function isFinal(node: ScriptNode): boolean {
  return node.type === 'end' || node.type === 'transfer';
}

/** True only while scriptNodeTypes names every node type the schema has, and no other. */
export type ScriptNodeTypesListed = [(typeof scriptNodeTypes)[number], ScriptNode['type']] extends [
  ScriptNode['type'],
  (typeof scriptNodeTypes)[number],
]
  ? true
  : never;
export const scriptNodeTypesListed: ScriptNodeTypesListed = true;
