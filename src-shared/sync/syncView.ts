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
});
export type SyncView = z.infer<typeof syncViewSchema>;

export const syncPasswordSchema = z.object({ password: z.string().min(1).max(200) }).strict();
