import { z } from 'zod';
import { orderTypeSchema } from './catalogue';
import { orderFieldProblems, orderValuesSchema } from './orderValues';

/** What the window is told of orders, drafts and complaints; main builds them, the contract checks them. */

export const orderStatusSchema = z.enum(['new', 'confirmed', 'scheduled', 'done', 'cancelled']);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** Where an order may go from each status; done and cancelled are final. */
export const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  new: ['confirmed', 'scheduled', 'done', 'cancelled'],
  confirmed: ['scheduled', 'done', 'cancelled'],
  scheduled: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};
export const openOrderStatuses: readonly OrderStatus[] = ['new', 'confirmed', 'scheduled'];

export const orderDraftViewSchema = z.object({
  uid: z.string(),
  clientId: z.number().int(),
  clientName: z.string(),
  interactionId: z.number().int().nullable(),
  typeCode: z.string(),
  values: orderValuesSchema,
  clientConfirmedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderDraftView = z.infer<typeof orderDraftViewSchema>;

export const fieldProblemSchema = z.object({
  problem: z.enum(orderFieldProblems),
  line: z.number().int().optional(),
  part: z.string().optional(),
});

export const orderListItemSchema = z.object({
  id: z.number().int(),
  uid: z.string(),
  createdAt: z.string(),
  clientId: z.number().int(),
  clientName: z.string(),
  typeCode: z.string(),
  title: z.string(),
  status: orderStatusSchema,
  totalKop: z.number().int().nullable(),
  dueAt: z.string().nullable(),
  createdBy: z.string(),
});
export type OrderListItem = z.infer<typeof orderListItemSchema>;

export const orderSubmitResultSchema = z.discriminatedUnion('kind', [
  /** Stored, or found stored by an earlier submit of the same draft (`repeated`). */
  z.object({ kind: z.literal('submitted'), order: orderListItemSchema, repeated: z.boolean() }),
  z.object({ kind: z.literal('invalid'), problems: z.record(z.string(), fieldProblemSchema) }),
  /** The client ordered the same lately: submitted only once the operator says it is not a double. */
  z.object({ kind: z.literal('possibleDouble'), earlier: orderListItemSchema }),
]);
export type OrderSubmitResult = z.infer<typeof orderSubmitResultSchema>;

export const orderQuerySchema = z.strictObject({
  status: orderStatusSchema.optional(),
  typeCode: z.string().max(40).optional(),
  clientId: z.number().int().positive().optional(),
  /** Created on or after / before these days ("YYYY-MM-DD"). */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  mine: z.boolean().default(false),
  /** The last row of the page before (keyset paging: a page of 2,000,000 orders reads one index range). */
  after: z.strictObject({ createdAt: z.string().max(40), id: z.number().int() }).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type OrderQuery = z.infer<typeof orderQuerySchema>;

export const complaintKindSchema = z.enum(['complaint', 'reclamation', 'claim']);
export const complaintStatusSchema = z.enum(['open', 'inProgress', 'resolved']);

export const complaintViewSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  clientName: z.string(),
  orderId: z.number().int().nullable(),
  interactionId: z.number().int().nullable(),
  kind: complaintKindSchema,
  categoryCode: z.string(),
  category: z.string(),
  body: z.string(),
  status: complaintStatusSchema,
  justified: z.boolean().nullable(),
  dueOn: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;

export const knowledgeKindSchema = z.enum(['product', 'tariff', 'promotion', 'article']);
export const knowledgeHitSchema = z.object({
  kind: knowledgeKindSchema,
  id: z.number().int(),
  title: z.string(),
  text: z.string(),
  /** Price of a product, monthly fee of a tariff, in kopiyky. */
  priceKop: z.number().int().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** A tariff or promotion in force today (an expired promotion is never offered). */
  offerable: z.boolean(),
});
export type KnowledgeHit = z.infer<typeof knowledgeHitSchema>;

export const settlementHitSchema = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  oblast: z.string(),
  raion: z.string(),
  hromada: z.string(),
});
export type SettlementHit = z.infer<typeof settlementHitSchema>;

/** What the order form needs of the catalogue in use: the types, prices, tariffs in force today, and lists. */
export const orderCatalogueViewSchema = z.object({
  inUse: z.object({ version: z.string(), appliedAt: z.string() }).nullable(),
  /** The file IT named, refused: the last good catalogue (if any) stays in use. */
  refused: z
    .object({ file: z.string(), line: z.number().int(), field: z.string(), problem: z.string() })
    .nullable(),
  orderTypes: z.array(orderTypeSchema),
  products: z.array(
    z.object({ code: z.string(), name: z.string(), priceKop: z.number().int().nullable() }),
  ),
  tariffs: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      monthlyFeeKop: z.number().int(),
      valid: z.boolean(),
    }),
  ),
  complaintCategories: z.array(z.object({ code: z.string(), label: z.string() })),
  refusalReasons: z.array(z.object({ code: z.string(), label: z.string() })),
  /** The workstation's day and time, for "not in the past". */
  today: z.string(),
  now: z.string(),
});
export type OrderCatalogueView = z.infer<typeof orderCatalogueViewSchema>;
