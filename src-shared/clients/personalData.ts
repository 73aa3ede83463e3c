import { z } from 'zod';

/** Why an operator asks to see a client's masked details: the audit keeps it. */
export const revealReasons = [
  'clientRequest',
  'identityCheck',
  'orderOrDelivery',
  'dataCorrection',
  'other',
] as const;
export const revealRequestSchema = z
  .object({
    id: z.number().int().positive(),
    reason: z.enum(revealReasons),
    /** Required for 'other'; kept in the audit with the reason. */
    note: z.string().normalize('NFC').trim().max(200).default(''),
  })
  .strict()
  .refine((r) => r.reason !== 'other' || r.note !== '', {
    path: ['note'],
    error: 'say why',
  });

/** The details a card keeps masked until the operator asks, with a reason. */
export const revealedDetailsSchema = z.object({
  phones: z.array(z.object({ e164: z.string(), raw: z.string(), label: z.string() })),
  email: z.string(),
  personalAccount: z.string(),
});
export type RevealedDetails = z.infer<typeof revealedDetailsSchema>;
