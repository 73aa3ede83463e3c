import { z } from 'zod';

// Kept free of Node imports: the renderer type-checks it through the IPC contract.

/** What happened on a call, as the operator records it in wrap-up (результат дзвінка). */
export const dispositions = [
  'sale',
  'refused',
  'callback',
  'noAnswer',
  'busy',
  'wrongNumber',
  'complaint',
  'info',
] as const;
export type Disposition = (typeof dispositions)[number];

/** How the wrap-up form groups the outcomes: a conversation took place, or it did not. */
export const dispositionGroups: { group: 'talked' | 'noContact'; items: readonly Disposition[] }[] =
  [
    { group: 'talked', items: ['sale', 'refused', 'callback', 'complaint', 'info'] },
    { group: 'noContact', items: ['noAnswer', 'busy', 'wrongNumber'] },
  ];

export const wrapUpSchema = z
  .object({
    interactionId: z.number().int().positive(),
    disposition: z.enum(dispositions).optional(),
    /** A refusal reason code (refusal_reasons.code); required when refused. */
    refusalReason: z.string().max(50).optional(),
    /** Required when the disposition is a callback; must lie ahead. */
    callbackAt: z.iso.datetime().optional(),
    /** What was offered, when something was. */
    offer: z
      .object({
        tariffId: z.number().int().optional(),
        productId: z.number().int().optional(),
        promotionId: z.number().int().optional(),
      })
      .strict()
      .optional(),
    notes: z.string().max(2000).default(''),
  })
  .strict();
export type WrapUpInput = z.input<typeof wrapUpSchema>;
