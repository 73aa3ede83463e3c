import { z } from 'zod';
import { campaignPurposes } from './callingRules';

/** Why a dial could not leave the desk. */
export const dialErrors = ['notRegistered', 'noAudioWindow', 'invalidNumber'] as const;
export type DialError = (typeof dialErrors)[number];

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
  /**
   * What happened to the last lead, for a line above the next one: facts the
   * window words in the operator's language (the results' words are its own).
   */
  notice: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('lastResult'),
        clientName: z.string(),
        /** A dial's result or the wrap-up's outcome (campaigns.results.*). */
        result: z.string(),
        /** When the lead is tried again, if it is. */
        nextAt: z.string().nullable(),
      }),
      /** Not dialled: "may I call now?" said no just before (its reason, in words). */
      z.object({ kind: z.literal('notCallable'), text: z.string() }),
      z.object({ kind: z.literal('dialFailed'), error: z.enum(dialErrors) }),
      /** The base refused to record what a call came to. */
      z.object({ kind: z.literal('problem') }),
    ])
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
