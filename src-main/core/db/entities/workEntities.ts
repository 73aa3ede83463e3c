import { EntitySchema } from 'typeorm';

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
  transferTarget: string | null;
  outcome: string | null;
  refusalReasonId: number | null;
  notes: string;
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
}

export interface RefusalReasonRow {
  id: number;
  code: string;
  labelUk: string;
  labelEn: string;
  active: boolean;
}

const id = { type: 'integer', primary: true, generated: 'increment' } as const;

export const InteractionEntity = new EntitySchema<InteractionRow>({
  name: 'Interaction',
  tableName: 'interactions',
  columns: {
    id,
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
    transferTarget: { type: 'text', name: 'transfer_target', nullable: true },
    outcome: { type: 'text', nullable: true },
    refusalReasonId: { type: 'integer', name: 'refusal_reason_id', nullable: true },
    notes: { type: 'text', default: '' },
  },
});

export const OrderEntity = new EntitySchema<OrderRow>({
  name: 'Order',
  tableName: 'orders',
  columns: {
    id,
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
});

export const ComplaintEntity = new EntitySchema<ComplaintRow>({
  name: 'Complaint',
  tableName: 'complaints',
  columns: {
    id,
    clientId: { type: 'integer', name: 'client_id' },
    orderId: { type: 'integer', name: 'order_id', nullable: true },
    subject: { type: 'text' },
    body: { type: 'text', default: '' },
    status: { type: 'text' },
    justified: { type: 'boolean', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
});

export const OfferEntity = new EntitySchema<OfferRow>({
  name: 'Offer',
  tableName: 'offers',
  columns: {
    id,
    clientId: { type: 'integer', name: 'client_id' },
    interactionId: { type: 'integer', name: 'interaction_id', nullable: true },
    productId: { type: 'integer', name: 'product_id', nullable: true },
    tariffId: { type: 'integer', name: 'tariff_id', nullable: true },
    promotionId: { type: 'integer', name: 'promotion_id', nullable: true },
    offeredAt: { type: 'text', name: 'offered_at' },
    result: { type: 'text' },
    refusalReasonId: { type: 'integer', name: 'refusal_reason_id', nullable: true },
  },
});

export const RefusalReasonEntity = new EntitySchema<RefusalReasonRow>({
  name: 'RefusalReason',
  tableName: 'refusal_reasons',
  columns: {
    id,
    code: { type: 'text', unique: true },
    labelUk: { type: 'text', name: 'label_uk' },
    labelEn: { type: 'text', name: 'label_en' },
    active: { type: 'boolean', default: true },
  },
});
