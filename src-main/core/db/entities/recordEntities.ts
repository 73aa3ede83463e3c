import { EntitySchema } from 'typeorm';

export interface AuditEventRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  details: string;
}

export interface OutboxRow {
  id: number;
  at: string;
  entity: string;
  entityId: number | null;
  op: 'insert' | 'update' | 'delete' | 'bulkInsert';
  payload: string;
  sentAt: string | null;
}

export interface ImportJobRow {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  fileName: string;
  status: 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';
  rowsRead: number;
  rowsImported: number;
  rowsMerged: number;
  rowsSkipped: number;
  rowsFailed: number;
}

const id = { type: 'integer', primary: true, generated: 'increment' } as const;

export const AuditEventEntity = new EntitySchema<AuditEventRow>({
  name: 'AuditEvent',
  tableName: 'audit_events',
  columns: {
    id,
    at: { type: 'text' },
    actor: { type: 'text' },
    action: { type: 'text' },
    entity: { type: 'text' },
    entityId: { type: 'integer', name: 'entity_id', nullable: true },
    details: { type: 'text', default: '{}' },
  },
});

export const OutboxEntity = new EntitySchema<OutboxRow>({
  name: 'Outbox',
  tableName: 'outbox',
  columns: {
    id,
    at: { type: 'text' },
    entity: { type: 'text' },
    entityId: { type: 'integer', name: 'entity_id', nullable: true },
    op: { type: 'text' },
    payload: { type: 'text' },
    sentAt: { type: 'text', name: 'sent_at', nullable: true },
  },
});

export const ImportJobEntity = new EntitySchema<ImportJobRow>({
  name: 'ImportJob',
  tableName: 'import_jobs',
  columns: {
    id,
    startedAt: { type: 'text', name: 'started_at' },
    finishedAt: { type: 'text', name: 'finished_at', nullable: true },
    fileName: { type: 'text', name: 'file_name' },
    status: { type: 'text' },
    rowsRead: { type: 'integer', name: 'rows_read', default: 0 },
    rowsImported: { type: 'integer', name: 'rows_imported', default: 0 },
    rowsMerged: { type: 'integer', name: 'rows_merged', default: 0 },
    rowsSkipped: { type: 'integer', name: 'rows_skipped', default: 0 },
    rowsFailed: { type: 'integer', name: 'rows_failed', default: 0 },
  },
});
