import { z } from 'zod';

export const callStates = ['ringing', 'connecting', 'active', 'held', 'ended'] as const;
export type CallState = (typeof callStates)[number];

/** Why a call ended, in words the UI translates. */
export const endCauses = [
  'localHangup',
  'remoteHangup',
  'rejected',
  'canceled',
  'busy',
  'noAnswer',
  'unavailable',
  'notFound',
  'mediaFailed',
  'mediaLost',
  'transferred',
  'connectionLost',
  'failed',
  /** Refused before ringing: the caller's offer is not one the window's WebRTC can take. */
  'offerRefused',
] as const;
export type EndCause = (typeof endCauses)[number];

/**
 * What is wrong on a call, shown on it. The last three are what the far end or
 * the PBX refused of the operator's last action; the call itself goes on, and
 * they clear with the operator's next action on it.
 */
export const callProblems = [
  'noAudioWindow',
  'mediaTimeout',
  'mediaFailed',
  'noMicrophone',
  'holdRefused',
  'resumeRefused',
  'transferFailed',
] as const;
export type CallProblem = (typeof callProblems)[number];
export const transientCallProblems: ReadonlySet<CallProblem> = new Set([
  'holdRefused',
  'resumeRefused',
  'transferFailed',
]);

export const callViewSchema = z.object({
  id: z.number().int(),
  direction: z.enum(['inbound', 'outbound']),
  state: z.enum(callStates),
  remoteNumber: z.string(),
  remoteName: z.string(),
  /** The caller found among the clients (the screen pop), when exactly one matched. */
  client: z.object({ id: z.number().int(), fullName: z.string() }).nullable(),
  /** How many clients have this number (several: the operator picks). */
  matches: z.number().int(),
  interactionId: z.number().int().nullable(),
  muted: z.boolean(),
  offeredAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endCause: z.enum(endCauses).nullable(),
  /** What went wrong, when the call failed for a reason the operator should read. */
  problem: z.enum(callProblems).nullable(),
  /** Attended transfer: the consultation call made for this one, while it lasts. */
  consultCallId: z.number().int().nullable(),
  /** This call is answered by itself in a moment (a beep, not a ring). */
  autoAnswer: z.boolean(),
  /** The number an inbound caller dialled (the line), which picks the call's script. */
  line: z.string().nullable(),
});
export type CallView = z.output<typeof callViewSchema>;

export const callActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('answer'), id: z.number().int() }).strict(),
  z.object({ action: z.literal('reject'), id: z.number().int() }).strict(),
  z.object({ action: z.literal('hangup'), id: z.number().int() }).strict(),
  z.object({ action: z.literal('hold'), id: z.number().int() }).strict(),
  z.object({ action: z.literal('resume'), id: z.number().int() }).strict(),
  z.object({ action: z.literal('mute'), id: z.number().int(), muted: z.boolean() }).strict(),
  z
    .object({
      action: z.literal('dtmf'),
      id: z.number().int(),
      tones: z.string().regex(/^[0-9A-D#*]{1,20}$/),
    })
    .strict(),
  z
    .object({
      action: z.literal('transfer'),
      id: z.number().int(),
      target: z.string().regex(/^[0-9A-Za-z+*#._-]{1,40}$/),
    })
    .strict(),
  z
    .object({
      action: z.literal('consult'),
      id: z.number().int(),
      target: z.string().regex(/^[0-9A-Za-z+*#._-]{1,40}$/),
    })
    .strict(),
  /** Attended transfer: connect the caller with the party consulted, and leave. */
  z.object({ action: z.literal('completeTransfer'), id: z.number().int() }).strict(),
]);
export type CallAction = z.output<typeof callActionSchema>;
