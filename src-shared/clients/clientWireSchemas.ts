import { z } from 'zod';

// What main accepts over IPC for a client form: the right types and bounded
// sizes, so no payload can be garbage or huge. Whether a name is present or a
// phone is real is the editor's judgement, returned per field.
const text = (max: number) => z.string().max(max);

export const clientDraftWireSchema = z
  .object({
    fullName: text(1000),
    address: text(2000).optional(),
    city: text(500).optional(),
    email: text(500).optional(),
    personalAccount: text(200).optional(),
    notes: text(20_000).optional(),
    doNotCall: z.boolean().optional(),
    phones: z
      .array(z.object({ raw: text(100), label: text(200).optional() }).strict())
      .max(20)
      .optional(),
    tags: z.array(text(200)).max(50).optional(),
  })
  .strict();
