import { EntitySchema } from 'typeorm';
import type { ClientRow } from './clientEntities';
import { flag, references, rowid } from './columnTypes';
import type { ProductRow, PromotionRow, TariffRow } from './knowledgeEntities';

export interface InteractionRow {
  id: number;
  /** Team mode's global id (UUIDv7); a trigger gives every new call one. */
  uid: string | null;
  clientId: number | null;
  kind: 'call' | 'email' | 'web';
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  sipCallId: string | null;
  offeredAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  /** When its wrap-up was saved (migration 11): its wrap-up time is from the end to this. */
  wrappedUpAt: string | null;
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

export const orderStatuses = ['new', 'confirmed', 'scheduled', 'done', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** A submitted order (migration 10): of a type the catalogue names, its values as typed. */
export interface OrderRow {
  id: number;
  /** Made when its draft was (UUIDv7): a repeated submit finds the order it already made. */
  uid: string;
  clientId: number;
  interactionId: number | null;
  typeCode: string;
  /** The type's title when submitted, so a later catalogue never renames an order. */
  typeTitle: string;
  status: OrderStatus;
  totalKop: number | null;
  dueAt: string | null;
  /** The values typed (orderValuesSchema), as JSON. */
  values: string;
  clientConfirmedAt: string | null;
  catalogueVersion: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  client?: ClientRow;
  interaction?: InteractionRow | null;
}

/** Each status an order took, who set it and when: never changed, only added to. */
export interface OrderStatusEventRow {
  id: number;
  orderId: number;
  status: OrderStatus;
  at: string;
  actor: string;
  note: string;
  order?: OrderRow;
}

/** An order being typed: saved on every change, on its client and call, until submitted. */
export interface OrderDraftRow {
  id: number;
  uid: string;
  clientId: number;
  interactionId: number | null;
  typeCode: string;
  values: string;
  clientConfirmedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  client?: ClientRow;
  interaction?: InteractionRow | null;
}

export const complaintKinds = ['complaint', 'reclamation', 'claim'] as const;
export const complaintStatuses = ['open', 'inProgress', 'resolved'] as const;

/** скарга, рекламація or претензія: about a client, and perhaps an order and a call. */
export interface ComplaintRow {
  id: number;
  uid: string;
  clientId: number;
  orderId: number | null;
  interactionId: number | null;
  kind: (typeof complaintKinds)[number];
  categoryCode: string;
  categoryTitle: string;
  body: string;
  status: (typeof complaintStatuses)[number];
  /** Decided when resolved: обґрунтована (true) or не обґрунтована (false). */
  justified: boolean | null;
  dueOn: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  client?: ClientRow;
  order?: OrderRow | null;
  interaction?: InteractionRow | null;
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
  /** Team mode's global id (migration 20); a trigger gives every new callback one. */
  uid?: string | null;
  client?: ClientRow;
  interaction?: InteractionRow | null;
}

export const InteractionEntity = new EntitySchema<InteractionRow>({
  name: 'Interaction',
  tableName: 'interactions',
  columns: {
    id: rowid,
    uid: { type: 'text', nullable: true },
    clientId: { type: 'integer', name: 'client_id', nullable: true },
    kind: { type: 'text' },
    direction: { type: 'text' },
    remoteNumber: { type: 'text', name: 'remote_number', default: '' },
    sipCallId: { type: 'text', name: 'sip_call_id', nullable: true },
    offeredAt: { type: 'text', name: 'offered_at' },
    answeredAt: { type: 'text', name: 'answered_at', nullable: true },
    endedAt: { type: 'text', name: 'ended_at', nullable: true },
    wrappedUpAt: { type: 'text', name: 'wrapped_up_at', nullable: true },
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
  indices: [
    { name: 'interactions_client', columns: ['clientId', 'offeredAt'] },
    { name: 'interactions_uid', columns: ['uid'], unique: true },
    { name: 'interactions_offered', columns: ['offeredAt', 'endedAt', 'wrappedUpAt'] },
  ],
});

/** A colleague's wrapped-up call, as the center keeps it, for the client's card (migration 18). */
export interface TeamCallRow {
  id: number;
  uid: string;
  clientUid: string;
  operator: string;
  direction: 'inbound' | 'outbound';
  offeredAt: string;
  talkSeconds: number;
  outcome: string | null;
  /** The refusal reason's code (codes are the same at every desk). */
  refusalReason: string | null;
  notes: string;
  receivedAt: string;
}

export const TeamCallEntity = new EntitySchema<TeamCallRow>({
  name: 'TeamCall',
  tableName: 'team_calls',
  columns: {
    id: rowid,
    uid: { type: 'text' },
    clientUid: { type: 'text', name: 'client_uid' },
    operator: { type: 'text' },
    direction: { type: 'text' },
    offeredAt: { type: 'text', name: 'offered_at' },
    talkSeconds: { type: 'real', name: 'talk_seconds' },
    outcome: { type: 'text', nullable: true },
    refusalReason: { type: 'text', name: 'refusal_reason', nullable: true },
    notes: { type: 'text' },
    receivedAt: { type: 'text', name: 'received_at' },
  },
  indices: [
    { name: 'team_calls_uid', columns: ['uid'], unique: true },
    { name: 'team_calls_client', columns: ['clientUid', 'offeredAt'] },
  ],
});

export const OrderEntity = new EntitySchema<OrderRow>({
  name: 'Order',
  tableName: 'orders',
  columns: {
    id: rowid,
    uid: { type: 'text', unique: true },
    clientId: { type: 'integer', name: 'client_id' },
    interactionId: { type: 'integer', name: 'interaction_id', nullable: true },
    typeCode: { type: 'text', name: 'type_code' },
    typeTitle: { type: 'text', name: 'type_title' },
    status: { type: 'text' },
    totalKop: { type: 'integer', name: 'total_kop', nullable: true },
    dueAt: { type: 'text', name: 'due_at', nullable: true },
    values: { type: 'text', default: '{}' },
    clientConfirmedAt: { type: 'text', name: 'client_confirmed_at', nullable: true },
    catalogueVersion: { type: 'text', name: 'catalogue_version', nullable: true },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  relations: {
    client: references('Client', 'orders', 'client_id', 'CASCADE'),
    interaction: references('Interaction', 'orders', 'interaction_id', 'SET NULL'),
  },
  indices: [
    { name: 'orders_client', columns: ['clientId', 'createdAt'] },
    { name: 'orders_created', columns: ['createdAt'] },
    { name: 'orders_status', columns: ['status', 'createdAt'] },
    { name: 'orders_client_type', columns: ['clientId', 'typeCode', 'createdAt'] },
    { name: 'orders_operator', columns: ['createdBy', 'createdAt'] },
  ],
});

export const OrderStatusEventEntity = new EntitySchema<OrderStatusEventRow>({
  name: 'OrderStatusEvent',
  tableName: 'order_status_events',
  columns: {
    id: rowid,
    orderId: { type: 'integer', name: 'order_id' },
    status: { type: 'text' },
    at: { type: 'text' },
    actor: { type: 'text' },
    note: { type: 'text', default: '' },
  },
  relations: {
    order: references('Order', 'order_status_events', 'order_id', 'CASCADE'),
  },
  indices: [{ name: 'order_status_events_order', columns: ['orderId', 'id'] }],
});

export const OrderDraftEntity = new EntitySchema<OrderDraftRow>({
  name: 'OrderDraft',
  tableName: 'order_drafts',
  columns: {
    id: rowid,
    uid: { type: 'text', unique: true },
    clientId: { type: 'integer', name: 'client_id' },
    interactionId: { type: 'integer', name: 'interaction_id', nullable: true },
    typeCode: { type: 'text', name: 'type_code' },
    values: { type: 'text' },
    clientConfirmedAt: { type: 'text', name: 'client_confirmed_at', nullable: true },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  relations: {
    client: references('Client', 'order_drafts', 'client_id', 'CASCADE'),
    interaction: references('Interaction', 'order_drafts', 'interaction_id', 'SET NULL'),
  },
  indices: [
    { name: 'order_drafts_client', columns: ['clientId', 'updatedAt'] },
    { name: 'order_drafts_operator', columns: ['createdBy', 'updatedAt'] },
  ],
});

export const ComplaintEntity = new EntitySchema<ComplaintRow>({
  name: 'Complaint',
  tableName: 'complaints',
  columns: {
    id: rowid,
    uid: { type: 'text', unique: true },
    clientId: { type: 'integer', name: 'client_id' },
    orderId: { type: 'integer', name: 'order_id', nullable: true },
    interactionId: { type: 'integer', name: 'interaction_id', nullable: true },
    kind: { type: 'text' },
    categoryCode: { type: 'text', name: 'category_code' },
    categoryTitle: { type: 'text', name: 'category_title' },
    body: { type: 'text', default: '' },
    status: { type: 'text' },
    justified: flag({ nullable: true }),
    dueOn: { type: 'text', name: 'due_on', nullable: true },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
    resolvedAt: { type: 'text', name: 'resolved_at', nullable: true },
  },
  relations: {
    client: references('Client', 'complaints', 'client_id', 'CASCADE'),
    order: references('Order', 'complaints', 'order_id', 'SET NULL'),
    interaction: references('Interaction', 'complaints', 'interaction_id', 'SET NULL'),
  },
  indices: [
    { name: 'complaints_client', columns: ['clientId', 'createdAt'] },
    { name: 'complaints_status', columns: ['status', 'dueOn'] },
  ],
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
    { name: 'offers_offered', columns: ['offeredAt'] },
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
    uid: { type: 'text', nullable: true },
  },
  relations: {
    client: references('Client', 'callbacks', 'client_id', 'CASCADE'),
    interaction: references('Interaction', 'callbacks', 'interaction_id', 'SET NULL'),
  },
  indices: [
    { name: 'callbacks_due', columns: ['status', 'dueAt'] },
    { name: 'callbacks_uid', columns: ['uid'], unique: true },
  ],
});
