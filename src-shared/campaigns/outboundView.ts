import { z } from 'zod';
import { campaignPurposes } from './callingRules';

/** Why the operator passed a lead by; offered again an hour later. */
export const skipReasons = ['notNow', 'needsPreparation', 'numberDoubtful', 'other'] as const;
export type SkipReason = (typeof skipReasons)[number];

/**
 * Working a list: preview shows each lead and waits for Call (or counts down
 * to it, as IT's policy sets); progressive dials the next lead as soon as the
 * last one's wrap-up is saved.
 */
export const outboundModes = ['preview', 'progressive'] as const;
export type OutboundMode = (typeof outboundModes)[number];

/**
 * Where the session stands: a lead on screen, its call ringing or talked on,
 * the wrap-up, nothing callable now (with when the next lead falls due), the
 * list worked through.
 */
export const outboundStages = [
  'idle',
  'preview',
  'dialling',
  'talking',
  'wrapUp',
  'waiting',
  'finished',
] as const;

const leadSchema = z.object({
  leadId: z.number().int(),
  clientId: z.number().int(),
  clientName: z.string(),
  /** The number as the operator may see it (masked where IT's policy says so). */
  number: z.string(),
  city: z.string(),
  attempts: z.number().int(),
  lastResult: z.string().nullable(),
  /** A callback promised to the client: this lead comes first when it is due. */
  callbackDue: z.string().nullable(),
  /** The client's last refusal, to answer it with the offer. */
  lastRefusal: z.object({ reason: z.string(), at: z.string() }).nullable(),
});

export const outboundViewSchema = z.object({
  stage: z.enum(outboundStages),
  campaign: z
    .object({
      id: z.number().int(),
      name: z.string(),
      purpose: z.enum(campaignPurposes),
      scriptName: z.string().nullable(),
      offer: z.string().nullable(),
    })
    .nullable(),
  mode: z.enum(outboundModes),
  paused: z.boolean(),
  lead: leadSchema.nullable(),
  /** The answer of "may I call now?" for the lead on screen, in the operator's words. */
  permission: z.string().nullable(),
  /** Preview: when the lead is dialled by itself, if IT set a countdown. */
  autoDialAt: z.string().nullable(),
  /** Nothing callable now: when the next lead falls due, if any is waiting. */
  nextDueAt: z.string().nullable(),
  /** What happened to the last lead, for a line above the next one. */
  notice: z
    .object({
      kind: z.enum(['notCallable', 'dialFailed', 'lastResult', 'problem']),
      text: z.string(),
    })
    .nullable(),
  /** The operator's callbacks in this list, soonest first; overdue ones flagged. */
  callbacks: z.array(
    z.object({
      leadId: z.number().int(),
      clientName: z.string(),
      dueAt: z.string(),
      overdue: z.boolean(),
    }),
  ),
});
export type OutboundView = z.infer<typeof outboundViewSchema>;

export const outboundStartSchema = z
  .object({ campaignId: z.number().int().positive(), mode: z.enum(outboundModes) })
  .strict();

export const outboundSkipSchema = z.object({ reason: z.enum(skipReasons) }).strict();
export const outboundRemoveSchema = z.object({ level: z.enum(['campaign', 'global']) }).strict();
export const outboundCallbackSchema = z.object({ at: z.iso.datetime() }).strict();
