import { EntitySchema } from 'typeorm';
import { references, rowid } from './columnTypes';

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
  /** Migration 14: pending until the server stores it; refused when it never will. */
  status: 'pending' | 'sent' | 'refused';
  tries: number;
  lastError: string | null;
  /** How far this workstation had read the team's feed when the change was made (migration 16). */
  seen: number;
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

export interface ImportErrorRow {
  id: number;
  jobId: number;
  line: number;
  columnName: string | null;
  reason: string;
  detail: string;
  job?: ImportJobRow;
}

export interface AgentStateEventRow {
  id: number;
  at: string;
  actor: string;
  state: 'ready' | 'notReady' | 'onCall' | 'wrapUp';
  reason: string | null;
  /** How long the state lasted, written when the next began (migration 11); open while NULL. */
  seconds: number | null;
}

export const AuditEventEntity = new EntitySchema<AuditEventRow>({
  name: 'AuditEvent',
  tableName: 'audit_events',
  columns: {
    id: rowid,
    at: { type: 'text' },
    actor: { type: 'text' },
    action: { type: 'text' },
    entity: { type: 'text' },
    entityId: { type: 'integer', name: 'entity_id', nullable: true },
    details: { type: 'text', default: '{}' },
  },
  indices: [{ name: 'audit_events_entity', columns: ['entity', 'entityId'] }],
});

export const OutboxEntity = new EntitySchema<OutboxRow>({
  name: 'Outbox',
  tableName: 'outbox',
  columns: {
    id: rowid,
    at: { type: 'text' },
    entity: { type: 'text' },
    entityId: { type: 'integer', name: 'entity_id', nullable: true },
    op: { type: 'text' },
    payload: { type: 'text' },
    sentAt: { type: 'text', name: 'sent_at', nullable: true },
    status: { type: 'text', default: 'pending' },
    tries: { type: 'integer', default: 0 },
    lastError: { type: 'text', name: 'last_error', nullable: true },
    seen: { type: 'integer', default: 0 },
  },
  indices: [
    { name: 'outbox_unsent', columns: ['id'], where: 'sent_at IS NULL' },
    { name: 'outbox_pending', columns: ['id'], where: "status = 'pending'" },
  ],
});

/** Migration 14: this workstation's identity for team sync (one row). */
export interface SyncStateRow {
  id: number;
  workstation: string;
  /** The last entry of the team's feed applied here (migration 16). */
  cursor: number;
  /** The base from before team mode: uploaded up to this client id, of `uploadUntil`. */
  uploaded: number;
  uploadUntil: number;
  /** When the team's snapshot landed here; null until it has. */
  snapshotAt: string | null;
  /** Set while the team's feed is landed: what came from the center is not sent back (migration 20). */
  applying: number;
  /** Whether the center last said this operator supervises the team; null: never asked (migration 21). */
  supervisor: number | null;
}

export const SyncStateEntity = new EntitySchema<SyncStateRow>({
  name: 'SyncState',
  tableName: 'sync_state',
  columns: {
    id: { type: 'integer', primary: true },
    workstation: { type: 'text' },
    cursor: { type: 'integer', default: 0 },
    uploaded: { type: 'integer', default: 0 },
    uploadUntil: { type: 'integer', name: 'upload_until', default: 0 },
    snapshotAt: { type: 'text', name: 'snapshot_at', nullable: true },
    applying: { type: 'integer', default: 0 },
    supervisor: { type: 'integer', nullable: true },
  },
});

export const ImportJobEntity = new EntitySchema<ImportJobRow>({
  name: 'ImportJob',
  tableName: 'import_jobs',
  columns: {
    id: rowid,
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

export const ImportErrorEntity = new EntitySchema<ImportErrorRow>({
  name: 'ImportError',
  tableName: 'import_errors',
  columns: {
    id: rowid,
    jobId: { type: 'integer', name: 'job_id' },
    line: { type: 'integer' },
    columnName: { type: 'text', name: 'column_name', nullable: true },
    reason: { type: 'text' },
    detail: { type: 'text', default: '' },
  },
  relations: {
    job: references('ImportJob', 'import_errors', 'job_id', 'CASCADE'),
  },
  indices: [{ name: 'import_errors_job', columns: ['jobId', 'line'] }],
});

export const AgentStateEventEntity = new EntitySchema<AgentStateEventRow>({
  name: 'AgentStateEvent',
  tableName: 'agent_state_events',
  columns: {
    id: rowid,
    at: { type: 'text' },
    actor: { type: 'text' },
    state: { type: 'text' },
    reason: { type: 'text', nullable: true },
    seconds: { type: 'real', nullable: true },
  },
  indices: [
    { name: 'agent_state_events_span', columns: ['actor', 'at', 'state', 'reason', 'seconds'] },
  ],
});
