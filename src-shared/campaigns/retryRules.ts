import { z } from 'zod';

/** Results of a dial that come back to the list, each with its own retry rule. */
export const retriedResults = ['noAnswer', 'busy', 'failed', 'machine', 'cutOff'] as const;
export type RetriedResult = (typeof retriedResults)[number];

const retryRuleSchema = z
  .object({
    delayMinutes: z.number().int().min(1).max(43_200),
    /** Attempts with this result after which the lead is done. */
    max: z.number().int().min(1).max(50),
  })
  .strict();
export type RetryRule = z.infer<typeof retryRuleSchema>;

/**
 * A list's retry rules by result (campaigns.retry_rules); absent results take
 * the defaults. `cutOff` is a dial a crash or a power loss cut: never
 * dialled again at once.
 */
export const retryRulesSchema = z
  .object({
    noAnswer: retryRuleSchema.optional(),
    busy: retryRuleSchema.optional(),
    failed: retryRuleSchema.optional(),
    machine: retryRuleSchema.optional(),
    cutOff: retryRuleSchema.optional(),
  })
  .strict();
export type RetryRules = z.infer<typeof retryRulesSchema>;

export const defaultRetryRules: Required<RetryRules> = {
  noAnswer: { delayMinutes: 120, max: 5 },
  busy: { delayMinutes: 15, max: 5 },
  failed: { delayMinutes: 60, max: 3 },
  machine: { delayMinutes: 240, max: 3 },
  cutOff: { delayMinutes: 30, max: 3 },
};
