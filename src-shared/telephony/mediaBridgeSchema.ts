import { z } from 'zod';

/**
 * What main and the renderer say to each other about media. JsSIP runs in
 * main and asks for a peer connection; the renderer owns the real one and the
 * microphone. Requests go main → renderer; answers and events come back, each
 * with the connection's state as it was then, numbered, so main keeps a
 * mirror of what JsSIP reads without waiting.
 */

const sdp = z.string().max(64_000);
export const descriptionSchema = z
  .object({ type: z.enum(['offer', 'answer', 'pranswer', 'rollback']), sdp })
  .strict();
export type WireDescription = z.output<typeof descriptionSchema>;

export const connectionStateSchema = z
  .object({
    seq: z.number().int().nonnegative(),
    iceGatheringState: z.enum(['new', 'gathering', 'complete']),
    iceConnectionState: z.enum([
      'new',
      'checking',
      'connected',
      'completed',
      'disconnected',
      'failed',
      'closed',
    ]),
    signalingState: z.enum([
      'stable',
      'have-local-offer',
      'have-remote-offer',
      'have-local-pranswer',
      'have-remote-pranswer',
      'closed',
    ]),
    localDescription: descriptionSchema.nullable(),
  })
  .strict();
export type ConnectionState = z.output<typeof connectionStateSchema>;

export const mediaOperationSchema = z.discriminatedUnion('op', [
  z
    .object({
      op: z.literal('open'),
      iceServers: z.array(z.object({ urls: z.union([z.string(), z.array(z.string())]) })),
    })
    .strict(),
  z.object({ op: z.literal('createOffer') }).strict(),
  z.object({ op: z.literal('createAnswer') }).strict(),
  z.object({ op: z.literal('setLocalDescription'), description: descriptionSchema }).strict(),
  z.object({ op: z.literal('setRemoteDescription'), description: descriptionSchema }).strict(),
  z.object({ op: z.literal('addMicrophone') }).strict(),
  z.object({ op: z.literal('setMicrophoneEnabled'), enabled: z.boolean() }).strict(),
  z
    .object({
      op: z.literal('insertDTMF'),
      tones: z.string().regex(/^[0-9A-D#*,]{1,50}$/),
      duration: z.number().int().min(40).max(6000),
      gap: z.number().int().min(30).max(6000),
    })
    .strict(),
  z.object({ op: z.literal('close') }).strict(),
  /**
   * Main answered with the answer prepared while the call rang (without asking):
   * a later offer, even an identical re-offer, is set for real.
   */
  z.object({ op: z.literal('preparedTaken') }).strict(),
  /**
   * A call is ringing: open this connection now, with the microphone, and
   * (given the caller's offer) set the offer and make the answer, so that
   * answering waits for none of it. The response carries that answer.
   */
  z
    .object({
      op: z.literal('prepareCall'),
      iceServers: z.array(z.object({ urls: z.union([z.string(), z.array(z.string())]) })),
      offerSdp: sdp.optional(),
    })
    .strict(),
]);
export type MediaOperation = z.output<typeof mediaOperationSchema>;

export const mediaRequestSchema = z.intersection(
  z.object({ id: z.number().int().positive(), connectionId: z.number().int().positive() }),
  mediaOperationSchema,
);
export type MediaRequest = z.output<typeof mediaRequestSchema>;

export const mediaResponseSchema = z.discriminatedUnion('ok', [
  z
    .object({
      id: z.number().int().positive(),
      ok: z.literal(true),
      description: descriptionSchema.optional(),
      /** The answer was also set as the local description (saving JsSIP's next round trip). */
      applied: z.boolean().optional(),
      state: connectionStateSchema.optional(),
    })
    .strict(),
  z
    .object({
      id: z.number().int().positive(),
      ok: z.literal(false),
      error: z.string().max(500),
      state: connectionStateSchema.optional(),
    })
    .strict(),
]);
export type MediaResponse = z.output<typeof mediaResponseSchema>;

export const mediaEventSchema = z
  .object({
    connectionId: z.number().int().positive(),
    type: z.enum([
      'icecandidate',
      'icegatheringstatechange',
      'iceconnectionstatechange',
      'signalingstatechange',
      // Not a W3C event: the window could not open the microphone for this connection.
      'microphonefailed',
    ]),
    /** Only for icecandidate: the candidate line, or null when gathering is done. */
    candidate: z.string().max(2000).nullable().optional(),
    state: connectionStateSchema,
  })
  .strict();
export type MediaEvent = z.output<typeof mediaEventSchema>;
