import { z } from 'zod';

/** Team sync as Settings and the diagnostics show it. */
export const syncViewSchema = z.object({
  /** IT's policy names the center's server. */
  configured: z.boolean(),
  /** "host:port/database", as the operator may see it. */
  server: z.string().nullable(),
  /** The operator's login (their own role on the server). */
  user: z.string(),
  hasPassword: z.boolean(),
  pending: z.number().int(),
  /** Clients from before team mode still to be uploaded once. */
  toUpload: z.number().int(),
  /** Sent since Pult started. */
  sent: z.number().int(),
  refused: z.number().int(),
  lastError: z.string().nullable(),
  nextTryAt: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  /** Changes the server refused for good, newest first, with why. */
  refusedChanges: z.array(
    z.object({ seq: z.number().int(), at: z.string(), entity: z.string(), error: z.string() }),
  ),
  /** The last entry of the team's feed landed here. */
  cursor: z.number().int(),
  /** Feed entries (or snapshot clients) landed since Pult started. */
  pulled: z.number().int(),
  lastPullAt: z.string().nullable(),
  /** The server's word that the feed grew reaches this workstation (LISTEN). */
  live: z.boolean(),
  /** This PC's clock minus the server's, in seconds; null until connected. */
  clockSkewSeconds: z.number().int().nullable(),
  /** The center says this operator supervises their team; null until connected. */
  supervisor: z.boolean().nullable(),
  /** Colleagues' day-off requests landed here that wait for a supervisor's decision. */
  dayOffsWaiting: z.number().int(),
});
export type SyncView = z.infer<typeof syncViewSchema>;

export const syncPasswordSchema = z.object({ password: z.string().min(1).max(200) }).strict();
