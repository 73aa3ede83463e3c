import { z } from 'zod';

// The operator's states and Not Ready reasons as both processes see them.

/** The reasons an operator chooses from. */
export const selectableNotReadyReasons = [
  'break',
  'lunch',
  'training',
  'meeting',
  'technical',
  'personal',
] as const;
export type SelectableNotReadyReason = (typeof selectableNotReadyReasons)[number];
/** All reasons: also "starting" (at launch, before the shift begins) and "away" (after idleness), which Pult sets itself. */
export const notReadyReasons = ['starting', ...selectableNotReadyReasons, 'away'] as const;
export const notReadyReasonSchema = z.enum(notReadyReasons);
export type NotReadyReason = z.infer<typeof notReadyReasonSchema>;

export const agentStateViewSchema = z.object({
  name: z.enum(['ready', 'notReady', 'onCall', 'wrapUp']),
  reason: notReadyReasonSchema.optional(),
  pendingNotReady: notReadyReasonSchema.optional(),
  since: z.iso.datetime(),
});
export type AgentStateView = z.infer<typeof agentStateViewSchema>;
