import { z } from 'zod';
import { scriptGraphSchema } from './scriptGraph';

/** Why a draft cannot be published, each shown on its node (core/scripts/publishCheck). */
export const publishProblemKinds = [
  'noStart',
  'duplicateId',
  'pathWithoutEnd',
  'leadsNowhere',
  'unreachable',
  'loopWithoutExit',
  'unresolvedPlaceholder',
  'inputWithoutType',
] as const;

export const publishProblemSchema = z.object({
  nodeId: z.string(),
  kind: z.enum(publishProblemKinds),
  detail: z.string().optional(),
});
export type PublishProblemView = z.infer<typeof publishProblemSchema>;

export const scriptVersionInfoSchema = z.object({
  versionId: z.number().int(),
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  /** A draft scheduled to be published then. */
  publishAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

/** A script as the editor opens it: its latest version's graph, its versions, and what stands in the way of publishing. */
export const scriptEditorViewSchema = z.object({
  scriptId: z.number().int(),
  name: z.string(),
  /** IT's policy lets this operator edit scripts; the others see them read-only. */
  canEdit: z.boolean(),
  versions: z.array(scriptVersionInfoSchema),
  /** The latest version: the draft being edited, or the live one. */
  latest: scriptVersionInfoSchema,
  graph: scriptGraphSchema,
  problems: z.array(publishProblemSchema),
  /** What node forms offer: IT's department lines and the center's refusal reasons. */
  departments: z.array(z.string()),
  refusalReasons: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type ScriptEditorView = z.infer<typeof scriptEditorViewSchema>;

/** What each step of a version earned over its runs (core/scripts/branchStats). */
export const branchStatsSchema = z.object({
  versionId: z.number().int(),
  runs: z.number().int(),
  ended: z.number().int(),
  nodes: z.array(
    z.object({
      nodeId: z.string(),
      reached: z.number().int(),
      stoppedHere: z.number().int(),
      endedHere: z.number().int(),
      averageSeconds: z.number().nullable(),
      answers: z.record(z.string(), z.number()),
    }),
  ),
});
export type BranchStatsView = z.infer<typeof branchStatsSchema>;
