import { z } from 'zod';

export const sipAccountSchema = z
  .object({
    /** The PBX's SIP-over-WebSocket address: wss://, or ws:// where main allows it (pbxAddressPolicy). */
    wsUrl: z
      .string()
      .trim()
      .max(500)
      .regex(/^wss?:\/\/[^\s/]+(\/\S*)?$/),
    /** The operator's SIP address, sip:user@domain. */
    sipUri: z
      .string()
      .trim()
      .max(300)
      .regex(/^sips?:[^@\s:]+@[^@\s]+$/),
    authorizationUser: z.string().trim().max(100).default(''),
    displayName: z.string().trim().max(100).default(''),
    iceServers: z.array(z.string().trim().max(300)).max(10).default([]),
    /** How key presses reach the PBX: in the audio (RFC 4733) or as SIP INFO. */
    dtmfMode: z.enum(['rfc4733', 'info']).default('rfc4733'),
  })
  .strict();
export type SipAccount = z.output<typeof sipAccountSchema>;

export const sipAccountViewSchema = z.object({
  account: sipAccountSchema.nullable(),
  /** The password itself never leaves main. */
  hasPassword: z.boolean(),
  /** IT's policy fixes the PBX address. */
  wsUrlLocked: z.boolean(),
  /** The OS keeps no secrets here (Linux without a keyring): the password is only obscured. */
  passwordStoreWeak: z.boolean(),
});
export type SipAccountView = z.infer<typeof sipAccountViewSchema>;

export const sipProblemSchema = z.enum([
  'unreachable',
  'tls',
  'auth',
  'timeout',
  'rejected',
  /** Plain ws:// to a host IT has not allowed it for. */
  'insecure',
  /** A test of another server than the saved one: the saved password is not sent there. */
  'passwordNeeded',
]);
export type SipProblem = z.infer<typeof sipProblemSchema>;

export const sipConnectionTestSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), problem: sipProblemSchema, detail: z.string() }),
]);
export type SipConnectionTest = z.infer<typeof sipConnectionTestSchema>;
