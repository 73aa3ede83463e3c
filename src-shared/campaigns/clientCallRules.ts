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

/** "HH:MM" on a 24-hour clock; "24:00" ends the day. */
export const clockTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);

/** Hours of a day, "from" before "to": a client's call time, a list's calling hours. */
export const clockRangeSchema = z
  .object({ from: clockTimeSchema, to: clockTimeSchema })
  .strict()
  .refine((hours) => hours.from < hours.to, { error: 'from before to' });

/** The hours a client asked to be called in, their local time; null: any hour the rules allow. */
export const callTimeViewSchema = clockRangeSchema.nullable();
export type CallTimeView = z.infer<typeof callTimeViewSchema>;

export const callTimeSetSchema = z
  .object({ clientId: z.number().int().positive(), hours: callTimeViewSchema })
  .strict();
