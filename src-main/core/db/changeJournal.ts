import type BetterSqlite3 from 'better-sqlite3';

export interface Change {
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  /** What changed, for people reading the audit: field names, counts. No personal data. */
  details: Record<string, unknown>;
  /** What team mode replays to the central database. */
  outbox: { op: 'insert' | 'update' | 'delete' | 'bulkInsert'; payload: unknown };
  at: string;
}

/**
 * Writes the audit event and the outbox row of one user change. Call it inside
 * the transaction that makes the change, so the three commit or fail together.
 * Raw prepared statements: the import worker records its batches too, on a
 * connection without TypeORM.
 */
export function recordChange(sqlite: BetterSqlite3.Database, change: Change): void {
  sqlite
    .prepare(
      'INSERT INTO audit_events (at, actor, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(
      change.at,
      change.actor,
      change.action,
      change.entity,
      change.entityId,
      JSON.stringify(change.details),
    );
  sqlite
    // With how far the team's feed had been read here: the server tells a concurrent edit
    // from one made after seeing the other.
    .prepare(
      `INSERT INTO outbox (at, entity, entity_id, op, payload, seen)
       VALUES (?, ?, ?, ?, ?, (SELECT cursor FROM sync_state WHERE id = 1))`,
    )
    .run(
      change.at,
      change.entity,
      change.entityId,
      change.outbox.op,
      JSON.stringify(change.outbox.payload),
    );
}
