import { z } from 'zod';
import { dispositions } from '../calls/wrapUpSchema';
import { scriptInputTypes, scriptNodeTypes } from './scriptGraph';

/**
 * A script run as the runner draws it: the node to act on with its text
 * filled in, the ways on (numbered for the keyboard), and what was answered.
 */

/** One way on from the node: a question's choice, or an offer accepted or refused for a reason. */
export const runChoiceSchema = z.object({
  value: z.string(),
  kind: z.enum(['choice', 'accept', 'refuse']),
  /** The choice's label, or the refusal reason's in the operator's language. */
  label: z.string(),
});

export const runAnswerSchema = z.object({
  nodeId: z.string(),
  /** The question asked (its text, cut short). */
  prompt: z.string(),
  kind: z.enum(['choice', 'input', 'accept', 'refuse']),
  /** What the client answered, as the runner shows it. */
  value: z.string(),
});
export type RunAnswer = z.infer<typeof runAnswerSchema>;

/** The node as the runner draws it. */
export const runNodeSchema = z.object({
  id: z.string(),
  type: z.enum(scriptNodeTypes),
  text: z.string(),
  /** An offer's product or tariff; an order node's order type. */
  item: z.string().nullable(),
  choices: z.array(runChoiceSchema),
  input: z
    .object({
      inputType: z.enum(scriptInputTypes).nullable(),
      required: z.boolean(),
      min: z.number().nullable(),
      max: z.number().nullable(),
      options: z.array(z.string()),
    })
    .nullable(),
  /** A transfer's department line, with its number when IT's policy lists it. */
  department: z.object({ name: z.string(), number: z.string().nullable() }).nullable(),
  /** An end's outcome and refusal reason, pre-set for wrap-up. */
  outcome: z.enum(dispositions).nullable(),
  refusalReason: z.string().nullable(),
  /** The refusal reason in the operator's language. */
  refusalLabel: z.string().nullable(),
});
export type RunNode = z.infer<typeof runNodeSchema>;

/**
 * Where a pick would take the run (a choice, yes or no, an offer's answer,
 * or going on from a text), worked out by main before the key is pressed:
 * the runner draws it at once and the answer is written meanwhile. Nothing
 * typed is foreseen: it is checked first.
 */
export interface RunStepAhead {
  /** The choice's value; null for going on from a text or an order. */
  value: string | null;
  node: RunNode;
  ended: boolean;
  canGoBack: boolean;
  canFinish: boolean;
  /** The answer's row in the run's answers (one given earlier to the same node leaves its place). */
  answer: RunAnswer | null;
  /** The steps after that one, as far as main looked. */
  ahead: RunStepAhead[];
}
export const runStepAheadSchema: z.ZodType<RunStepAhead> = z.object({
  value: z.string().nullable(),
  node: runNodeSchema,
  ended: z.boolean(),
  canGoBack: z.boolean(),
  canFinish: z.boolean(),
  answer: runAnswerSchema.nullable(),
  get ahead() {
    return z.array(runStepAheadSchema);
  },
});

export const scriptRunViewSchema = z.object({
  runId: z.number().int(),
  scriptId: z.number().int(),
  scriptName: z.string(),
  version: z.number().int(),
  clientId: z.number().int().nullable(),
  interactionId: z.number().int().nullable(),
  startedAt: z.string(),
  ended: z.boolean(),
  canGoBack: z.boolean(),
  /** IT lets the operator finish the script before its end. */
  canFinish: z.boolean(),
  /** The author's try of a draft with a sample client: counted nowhere. */
  test: z.boolean(),
  node: runNodeSchema,
  answers: z.array(runAnswerSchema),
  /** The steps one pick away (and a few beyond), drawn before the key is pressed. */
  ahead: z.array(runStepAheadSchema),
});
export type ScriptRunView = z.infer<typeof scriptRunViewSchema>;

export const scriptListingSchema = z.object({
  scriptId: z.number().int(),
  name: z.string(),
  liveVersion: z.number().int().nullable(),
  latestVersion: z.number().int(),
  latestStatus: z.enum(['draft', 'published']),
});

/** Why the run did not go on; the runner says it on the field. */
export const runProblems = [
  'required',
  'tooLong',
  'notANumber',
  'notMoney',
  'tooSmall',
  'tooLarge',
  'notADate',
  'notATimeSlot',
  'notAPhone',
  'notYesNo',
  'notAnOption',
  'patternMismatch',
  'noType',
  'noSuchChoice',
  'leadsNowhere',
  'runEnded',
  /** The answer is to go in the client's card, and the card does not take it (an e-mail that is none). */
  'clientFieldInvalid',
  /** The run had gone on from the step answered (another window, a foreseen step that was not): it is shown where it stands. */
  'moved',
] as const;

/** A run in a list (the operator's unfinished runs, a client's runs on the card). */
export const runSummarySchema = z.object({
  runId: z.number().int(),
  scriptName: z.string(),
  version: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  clientId: z.number().int().nullable(),
  interactionId: z.number().int().nullable(),
  nodeText: z.string(),
  answers: z.array(runAnswerSchema),
  outcome: z.enum(dispositions).nullable(),
  /** A colleague who ran it at their desk (team mode: the call was transferred here, the client rang again); null for a run of this desk. */
  by: z.string().nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/**
 * An ended run as it travels to the team: what the card shows of it, in the
 * words of the operator who ran it. Its steps stay at their desk.
 */
export const sharedRunSchema = runSummarySchema
  .pick({
    scriptName: true,
    version: true,
    startedAt: true,
    endedAt: true,
    nodeText: true,
    answers: true,
    outcome: true,
  })
  .extend({ answers: z.array(runAnswerSchema).max(2000) });
export type SharedRun = z.infer<typeof sharedRunSchema>;
