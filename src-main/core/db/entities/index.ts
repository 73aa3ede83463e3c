import { ClientEntity, ClientPhoneEntity, ClientTagEntity, TagEntity } from './clientEntities';
import {
  ArticleEntity,
  CatalogueEntity,
  KnowledgeSearchEntity,
  ProductEntity,
  PromotionEntity,
  ReferenceFileEntity,
  SettlementEntity,
  TariffEntity,
} from './knowledgeEntities';
import {
  AgentStateEventEntity,
  AuditEventEntity,
  ImportErrorEntity,
  ImportJobEntity,
  OutboxEntity,
} from './recordEntities';
import {
  ScriptEntity,
  ScriptRunEntity,
  ScriptRunStepEntity,
  ScriptVersionEntity,
} from './scriptEntities';
import {
  AchievementEntity,
  DayOffRequestEntity,
  ShiftEntity,
  StaffingDayEntity,
  TargetEntity,
} from './performanceEntities';
import { ClientSearchEntity, SearchBacklogEntity, SearchControlEntity } from './searchEntities';
import {
  CallbackEntity,
  ComplaintEntity,
  InteractionEntity,
  OfferEntity,
  OrderDraftEntity,
  OrderEntity,
  OrderStatusEventEntity,
  RefusalReasonEntity,
} from './workEntities';

/** An entity for every table the migrations make; schemaAgreement.test holds them to it. */
export const entities = [
  ClientEntity,
  ClientPhoneEntity,
  TagEntity,
  ClientTagEntity,
  InteractionEntity,
  OrderEntity,
  ComplaintEntity,
  OfferEntity,
  RefusalReasonEntity,
  CallbackEntity,
  ProductEntity,
  TariffEntity,
  PromotionEntity,
  AuditEventEntity,
  OutboxEntity,
  ImportJobEntity,
  ImportErrorEntity,
  AgentStateEventEntity,
  SearchControlEntity,
  SearchBacklogEntity,
  ClientSearchEntity,
  ScriptEntity,
  ScriptVersionEntity,
  ScriptRunEntity,
  ScriptRunStepEntity,
  OrderStatusEventEntity,
  OrderDraftEntity,
  ArticleEntity,
  CatalogueEntity,
  KnowledgeSearchEntity,
  SettlementEntity,
  ReferenceFileEntity,
  AchievementEntity,
  TargetEntity,
  DayOffRequestEntity,
  ShiftEntity,
  StaffingDayEntity,
];
