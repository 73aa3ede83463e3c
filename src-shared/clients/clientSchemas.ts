import { z } from 'zod';

/**
 * Text as a person typed or pasted it, in one Unicode form (NFC): "Андрій"
 * pasted from a Mac or a PDF arrives decomposed (и + a combining breve) and
 * would otherwise neither match nor sort with the same name typed here.
 */
const text = () => z.string().normalize('NFC').trim();

export const clientPhoneDraftSchema = z.object({
  raw: z.string().trim().min(1).max(40),
  label: text().max(50).default(''),
});

export const clientDraftSchema = z.object({
  fullName: text().min(1).max(200),
  address: text().max(500).default(''),
  city: text().max(100).default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
  personalAccount: text().max(50).default(''),
  notes: z.string().normalize('NFC').max(5000).default(''),
  doNotCall: z.boolean().default(false),
  phones: z.array(clientPhoneDraftSchema).max(10).default([]),
  tags: z.array(text().min(1).max(50)).max(20).default([]),
});
export type ClientDraft = z.output<typeof clientDraftSchema>;
export type ClientDraftInput = z.input<typeof clientDraftSchema>;

/** A client's own details, as stored in the clients table. */
export interface ClientDetails {
  fullName: string;
  address: string;
  city: string;
  email: string;
  personalAccount: string;
  notes: string;
}

export const clientListItemSchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  phone: z.string().nullable(),
  city: z.string(),
  address: z.string(),
  doNotCall: z.boolean(),
  lastOutcome: z.string().nullable(),
  openOrders: z.number().int(),
  openComplaints: z.number().int(),
});
export type ClientListItem = z.infer<typeof clientListItemSchema>;

export const lastOutcomeFilterSchema = z.enum([
  'any',
  'none',
  'sale',
  'refused',
  'callback',
  'noAnswer',
]);

export const clientQuerySchema = z
  .object({
    text: z.string().normalize('NFC').max(200).default(''),
    tag: z.string().normalize('NFC').max(50).optional(),
    lastOutcome: lastOutcomeFilterSchema.default('any'),
    doNotCall: z.enum(['any', 'only', 'exclude']).default('any'),
    hasOpenOrder: z.boolean().default(false),
    hasOpenComplaint: z.boolean().default(false),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ClientQuery = z.output<typeof clientQuerySchema>;
export type ClientQueryInput = z.input<typeof clientQuerySchema>;

export const clientPageSchema = z.object({
  items: z.array(clientListItemSchema),
  /** Exact for the plain list; for a text search, the number found up to a cap. */
  total: z.number().int(),
  totalIsCapped: z.boolean(),
});
export type ClientPage = z.infer<typeof clientPageSchema>;

export const historyEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('call'),
    id: z.number().int(),
    at: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    talkSeconds: z.number(),
    outcome: z.string().nullable(),
    refusalReason: z.string().nullable(),
    notes: z.string(),
    /** A colleague's call (team mode), by their login; null: this desk's own. */
    by: z.string().nullable().default(null),
  }),
  z.object({
    kind: z.literal('offer'),
    id: z.number().int(),
    at: z.string(),
    item: z.string(),
    result: z.enum(['accepted', 'refused', 'thinking']),
    refusalReason: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('order'),
    id: z.number().int(),
    at: z.string(),
    title: z.string(),
    status: z.enum(['new', 'confirmed', 'scheduled', 'done', 'cancelled']),
    totalKop: z.number().int().nullable(),
    dueAt: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('complaint'),
    id: z.number().int(),
    at: z.string(),
    complaintKind: z.enum(['complaint', 'reclamation', 'claim']),
    category: z.string(),
    status: z.enum(['open', 'inProgress', 'resolved']),
    justified: z.boolean().nullable(),
    dueOn: z.string().nullable(),
  }),
]);
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/**
 * History entries a card shows at first, newest first: what an operator reads
 * while the phone rings. A regular customer has hundreds; drawing them all made
 * a screen pop 80 ms slower (30 of them, 20 ms). The rest are a click away.
 */
export const firstHistoryEntries = 10;

export const clientCardSchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  address: z.string(),
  city: z.string(),
  email: z.string(),
  personalAccount: z.string(),
  notes: z.string(),
  doNotCall: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  phones: z.array(z.object({ e164: z.string(), raw: z.string(), label: z.string() })),
  tags: z.array(z.string()),
  openOrders: z.number().int(),
  openComplaints: z.number().int(),
  history: z.array(historyEntrySchema),
  /** Phones, e-mail and personal account are masked (shown in full only with a reason). */
  masked: z.boolean().default(false),
});
export type ClientCard = z.infer<typeof clientCardSchema>;

export const fieldErrorsSchema = z.record(z.string(), z.string());
export const clientSaveResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), id: z.number().int() }),
  z.object({ ok: z.literal(false), fieldErrors: fieldErrorsSchema }),
]);
export type ClientSaveResult = z.infer<typeof clientSaveResultSchema>;
