import { z } from 'zod';

/** Where a client's consent to advertising calls came from (Law on Advertising, art. 14-3). */
export const consentSources = ['call', 'written', 'web'] as const;

export const consentViewSchema = z.object({
  /** Consent in force: given, not withdrawn. */
  given: z.boolean(),
  source: z.string().nullable(),
  givenAt: z.string().nullable(),
  /** When the client last withdrew it, if they did. */
  withdrawnAt: z.string().nullable(),
});
export type ConsentView = z.infer<typeof consentViewSchema>;

export const consentSetSchema = z
  .object({
    clientId: z.number().int().positive(),
    given: z.boolean(),
    source: z.enum(consentSources).optional(),
  })
  .strict();
