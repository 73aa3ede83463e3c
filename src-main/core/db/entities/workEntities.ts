import { EntitySchema } from 'typeorm';
import type { ClientRow } from './clientEntities';
import { flag, references, rowid } from './columnTypes';
import type { ProductRow, PromotionRow, TariffRow } from './knowledgeEntities';

export interface InteractionRow {
  id: number;
  clientId: number | null;
  kind: 'call' | 'email' | 'web';
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  sipCallId: string | null;
  offeredAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  ringSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  endCause: string | null;
  /** The SIP dialog of an answered call in progress (JSON), for its BYE after a crash. */
  sipDialog: string | null;
  transferTarget: string | null;
  outcome: string | null;
  refusalReasonId: number | null;
  notes: string;
  client?: ClientRow | null;
  refusalReason?: RefusalReasonRow | null;
}

export interface OrderRow {
  id: number;
  clientId: number;
  interactionId: number | null;
  serviceType: string;
  status: 'draft' | 'open' | 'done' | 'cancelled';
  amountUah: number | null;
  scheduledOn: string | null;
  details: string;
  createdAt: string;
  updatedAt: string;
  client?: ClientRow;
  interaction?: InteractionRow | null;
}

export interface ComplaintRow {
  id: number;
  clientId: number;
  orderId: number | null;
  subject: string;
  body: string;
  status: 'open' | 'inProgress' | 'resolved' | 'rejected';
  justified: boolean | null;
  createdAt: string;
  updatedAt: string;
  client?: ClientRow;
  order?: OrderRow | null;
}

export interface OfferRow {
  id: number;
  clientId: number;
  interactionId: number | null;
  productId: number | null;
  tariffId: number | null;
  promotionId: number | null;
  offeredAt: string;
  result: 'accepted' | 'refused' | 'thinking';
  refusalReasonId: number | null;
  client?: ClientRow;
  interaction?: InteractionRow | null;
  product?: ProductRow | null;
  tariff?: TariffRow | null;
  promotion?: PromotionRow | null;
  refusalReason?: RefusalReasonRow | null;
}

export interface RefusalReasonRow {
  id: number;
  code: string;
  labelUk: string;
  labelEn: string;
  active: boolean;
}

export interface CallbackRow {
  id: number;
  clientId: number;
  interactionId: number | null;
  dueAt: string;
  status: 'pending' | 'done' | 'cancelled';
  note: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  client?: ClientRow;
  interaction?: InteractionRow | null;
}

export const InteractionEntity = new EntitySchema<InteractionRow>({
  name: 'Interaction',
  tableName: 'interactions',
  columns: {
    id: rowid,
    clientId: { type: 'integer', name: 'client_id', nullable: true },
    kind: { type: 'text' },
    direction: { type: 'text' },
    remoteNumber: { type: 'text', name: 'remote_number', default: '' },
    sipCallId: { type: 'text', name: 'sip_call_id', nullable: true },
    offeredAt: { type: 'text', name: 'offered_at' },
    answeredAt: { type: 'text', name: 'answered_at', nullable: true },
    endedAt: { type: 'text', name: 'ended_at', nullable: true },
    ringSeconds: { type: 'real', name: 'ring_seconds', default: 0 },
    talkSeconds: { type: 'real', name: 'talk_seconds', default: 0 },
    holdSeconds: { type: 'real', name: 'hold_seconds', default: 0 },
    endCause: { type: 'text', name: 'end_cause', nullable: true },
    sipDialog: { type: 'text', name: 'sip_dialog', nullable: true },
    transferTarget: { type: 'text', name: 'transfer_target', nullable: true },
    outcome: { type: 'text', nullable: true },
    refusalReasonId: { type: 'integer', name: 'refusal_reason_id', nullable: true },
    notes: { type: 'text', default: '' },
  },
  relations: {
    client: references('Client', 'interactions', 'client_id', 'SET NULL'),
    refusalReason: references('RefusalReason', 'interactions', 'refusal_reason_id', 'NO ACTION'),
  },
  // offered_at DESC in the file: the card reads a client's newest first.
  indices: [{ name: 'interactions_client', columns: ['clientId', 'offeredAt'] }],
});

export const OrderEntity = new EntitySchema<OrderRow>({
  name: 'Order',
  tableName: 'orders',
  columns: {
    id: rowid,
    clientId: { type: 'integer', name: 'client_id' },
    interactionId: { type: 'integer', name: 'interaction_id', nullable: true },
    serviceType: { type: 'text', name: 'service_type' },
    status: { type: 'text' },
    amountUah: { type: 'real', name: 'amount_uah', nullable: true },
    scheduledOn: { type: 'text', name: 'scheduled_on', nullable: true },
    details: { type: 'text', default: '{}' },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  relations: {
    client: references('Client', 'orders', 'client_id', 'CASCADE'),
    interaction: references('Interaction', 'orders', 'interaction_id', 'SET NULL'),
  },
  indices: [{ name: 'orders_client', columns: ['clientId', 'createdAt'] }],
});

export const ComplaintEntity = new EntitySchema<ComplaintRow>({
  name: 'Complaint',
  tableName: 'complaints',
  columns: {
    id: rowid,
    clientId: { type: 'integer', name: 'client_id' },
    orderId: { type: 'integer', name: 'order_id', nullable: true },
    subject: { type: 'text' },
    body: { type: 'text', default: '' },
    status: { type: 'text' },
    justified: flag({ nullable: true }),
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  relations: {
    client: references('Client', 'complaints', 'client_id', 'CASCADE'),
    order: references('Order', 'complaints', 'order_id', 'SET NULL'),
  },
  indices: [{ name: 'complaints_client', columns: ['clientId', 'createdAt'] }],
});

export const OfferEntity = new EntitySchema<OfferRow>({
  name: 'Offer',
  tableName: 'offers',
  columns: {
    id: rowid,
    clientId: { type: 'integer', name: 'client_id' },
    interactionId: { type: 'integer', name: 'interaction_id', nullable: true },
    productId: { type: 'integer', name: 'product_id', nullable: true },
    tariffId: { type: 'integer', name: 'tariff_id', nullable: true },
    promotionId: { type: 'integer', name: 'promotion_id', nullable: true },
    offeredAt: { type: 'text', name: 'offered_at' },
    result: { type: 'text' },
    refusalReasonId: { type: 'integer', name: 'refusal_reason_id', nullable: true },
  },
  relations: {
    client: references('Client', 'offers', 'client_id', 'CASCADE'),
    interaction: references('Interaction', 'offers', 'interaction_id', 'SET NULL'),
    product: references('Product', 'offers', 'product_id', 'NO ACTION'),
    tariff: references('Tariff', 'offers', 'tariff_id', 'NO ACTION'),
    promotion: references('Promotion', 'offers', 'promotion_id', 'NO ACTION'),
    refusalReason: references('RefusalReason', 'offers', 'refusal_reason_id', 'NO ACTION'),
  },
  indices: [
    { name: 'offers_client', columns: ['clientId', 'offeredAt'] },
    // Refusers offered something new later are found by their reason.
    { name: 'offers_refusal', columns: ['refusalReasonId', 'result'] },
  ],
});

export const RefusalReasonEntity = new EntitySchema<RefusalReasonRow>({
  name: 'RefusalReason',
  tableName: 'refusal_reasons',
  columns: {
    id: rowid,
    code: { type: 'text', unique: true },
    labelUk: { type: 'text', name: 'label_uk' },
    labelEn: { type: 'text', name: 'label_en' },
    active: flag({ default: true }),
  },
});

export const CallbackEntity = new EntitySchema<CallbackRow>({
  name: 'Callback',
  tableName: 'callbacks',
  columns: {
    id: rowid,
    clientId: { type: 'integer', name: 'client_id' },
    interactionId: { type: 'integer', name: 'interaction_id', nullable: true },
    dueAt: { type: 'text', name: 'due_at' },
    status: { type: 'text' },
    note: { type: 'text', default: '' },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  relations: {
    client: references('Client', 'callbacks', 'client_id', 'CASCADE'),
    interaction: references('Interaction', 'callbacks', 'interaction_id', 'SET NULL'),
  },
  indices: [{ name: 'callbacks_due', columns: ['status', 'dueAt'] }],
});
