import { ClientEntity, ClientPhoneEntity, TagEntity } from './clientEntities';
import { ProductEntity, PromotionEntity, TariffEntity } from './knowledgeEntities';
import { AuditEventEntity, ImportJobEntity, OutboxEntity } from './recordEntities';
import {
  ComplaintEntity,
  InteractionEntity,
  OfferEntity,
  OrderEntity,
  RefusalReasonEntity,
} from './workEntities';

export const entities = [
  ClientEntity,
  ClientPhoneEntity,
  TagEntity,
  InteractionEntity,
  OrderEntity,
  ComplaintEntity,
  OfferEntity,
  RefusalReasonEntity,
  ProductEntity,
  TariffEntity,
  PromotionEntity,
  AuditEventEntity,
  OutboxEntity,
  ImportJobEntity,
];
