import { z } from 'zod';
import { campaignPurposes, mayCallReasons } from './callingRules';
import { clockRangeSchema } from './clientCallRules';
import { retryRulesSchema } from './retryRules';

/** A campaign as the Outbound section lists it: its leads by where they stand. */
export const campaignViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  purpose: z.enum(campaignPurposes),
  status: z.enum(['active', 'paused', 'closed']),
  offerCode: z.string().nullable(),
  scriptName: z.string().nullable(),
  /** A re-offer rule: built by itself, for those who refused with this reason, once the offer is in force. */
  reofferReason: z.string().nullable(),
  builtAt: z.string().nullable(),
  /** The team's list (team mode): its leads come from the center, a few at a time. */
  shared: z.boolean().default(false),
  leads: z.object({
    total: z.number().int(),
    dueNow: z.number().int(),
    dueLater: z.number().int(),
    done: z.number().int(),
    /** The operators' callbacks promised in this list. */
    callbacks: z.number().int(),
    /** Leads by their last result (agreed, refused, busy …), for the list's progress. */
    byResult: z.record(z.string(), z.number().int()),
    /** Held, by the reason "may I call now?" gave. */
    held: z.partialRecord(z.enum(mayCallReasons), z.number().int()),
  }),
});
export type CampaignView = z.infer<typeof campaignViewSchema>;

/** The number the client sees, as a PBX takes it: digits, a leading + allowed. */
export const callerIdSchema = z.string().regex(/^\+?[0-9]{3,15}$/);

export const campaignCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    purpose: z.enum(campaignPurposes),
    offerCode: z.string().trim().min(1).max(40).optional(),
    /** The script the list's calls run (a published script's name). */
    scriptName: z.string().trim().min(1).max(200).optional(),
    /** The number the client sees, as the PBX takes it. */
    callerId: callerIdSchema.optional(),
    /** When a lead is tried again after each result, and how often at most; absent: the defaults. */
    retryRules: retryRulesSchema.optional(),
    /**
     * A re-offer rule: the list is built by itself, of those who refused with
     * this reason, as soon as its offer (a tariff) comes into force.
     */
    reofferReason: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/)
      .optional(),
    /** The list's own calling hours (the client's local time), within the country's. */
    hours: clockRangeSchema.optional(),
  })
  .strict()
  .refine((c) => c.reofferReason === undefined || c.offerCode !== undefined, {
    error: 'a re-offer needs its offer',
    path: ['offerCode'],
  });

export const leadSourceSchema = z
  .object({
    /** Only the clients who refused with this reason (its code): a re-offer. */
    refusedWith: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/)
      .optional(),
    /** Only the clients with this tag (an imported file's list tag). */
    tag: z.string().normalize('NFC').trim().min(1).max(50).optional(),
  })
  .strict()
  .refine((source) => source.refusedWith === undefined || source.tag === undefined, {
    error: 'one source at a time',
  });

export const buildSummarySchema = z.object({
  added: z.number().int(),
  due: z.number().int(),
  notNow: z.partialRecord(z.enum(mayCallReasons), z.number().int()),
});
