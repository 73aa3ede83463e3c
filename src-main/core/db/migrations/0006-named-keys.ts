import type { MigrationInterface, QueryRunner } from 'typeorm';
import { searchTriggers } from './0001-initial-schema';

/**
 * Every ordinary table made again in the form its TypeORM entity describes,
 * so that TypeORM's schema builder finds nothing to change
 * (schemaAgreement.test) and new domains can trust the entities:
 *
 * - foreign keys become named table constraints (`fk_<table>_<column>`):
 *   TypeORM matches foreign keys by name, and an inline REFERENCES has none;
 * - `id INTEGER PRIMARY KEY NOT NULL`: the same rowid as before (no
 *   AUTOINCREMENT, no cost on a bulk import), said not null as TypeORM
 *   says of a primary key;
 * - import_errors gains an id (TypeORM needs a primary key on every table).
 *
 * Rows, ids, CHECKs, defaults and indexes (partial and DESC ones included)
 * stay as they were. TypeORM runs a migration with foreign keys off, so
 * dropping a table cascades nothing; the search triggers, which name these
 * tables, are dropped first and made again last; a foreign-key check before
 * the commit makes sure no row lost its parent. The FTS5 index and its
 * shadow tables are left as they are (client ids are kept, so its rowids
 * still point at the same clients).
 */
export class NamedKeys1764230400006 implements MigrationInterface {
  name = 'NamedKeys1764230400006';

  async up(q: QueryRunner): Promise<void> {
    const triggers = (await q.query(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'",
    )) as { name: string }[];
    for (const { name } of triggers) await q.query(`DROP TRIGGER "${name}"`);
    for (const table of tables) await rebuild(q, table);
    for (const sql of searchTriggers) await q.query(sql);
    const orphans = (await q.query('PRAGMA foreign_key_check')) as unknown[];
    if (orphans.length > 0)
      throw new Error(`migration 6: ${orphans.length} rows refer to rows that do not exist`);
  }

  async down(): Promise<void> {
    // The tables hold the same rows either way; the old unnamed form is not worth restoring.
  }
}

interface TableShape {
  name: string;
  /** Column definitions, each starting with its quoted name. */
  columns: string[];
  foreignKeys?: { column: string; references: string; onDelete?: 'CASCADE' | 'SET NULL' }[];
  /** Table constraints other than foreign keys. */
  constraints?: string[];
  indexes?: string[];
  withoutRowid?: boolean;
  /** Columns the old table does not have (filled by their default or the rowid). */
  added?: string[];
}

async function rebuild(q: QueryRunner, table: TableShape): Promise<void> {
  const fresh = `pult_new_${table.name}`;
  const definitions = [
    ...table.columns,
    ...(table.constraints ?? []),
    ...(table.foreignKeys ?? []).map(
      (fk) =>
        `CONSTRAINT "fk_${table.name}_${fk.column}" FOREIGN KEY ("${fk.column}") ` +
        `REFERENCES "${fk.references}" ("id")` +
        (fk.onDelete ? ` ON DELETE ${fk.onDelete}` : ''),
    ),
  ];
  await q.query(
    `CREATE TABLE "${fresh}" (${definitions.join(', ')})${table.withoutRowid ? ' WITHOUT ROWID' : ''}`,
  );
  const copied = table.columns
    .map((definition) => /^"([^"]+)"/.exec(definition)?.[1] ?? '')
    .filter((column) => column !== '' && !(table.added ?? []).includes(column))
    .map((column) => `"${column}"`)
    .join(', ');
  await q.query(`INSERT INTO "${fresh}" (${copied}) SELECT ${copied} FROM "${table.name}"`);
  await q.query(`DROP TABLE "${table.name}"`);
  await q.query(`ALTER TABLE "${fresh}" RENAME TO "${table.name}"`);
  for (const index of table.indexes ?? []) await q.query(index);
}

const id = '"id" INTEGER PRIMARY KEY NOT NULL';

const tables: TableShape[] = [
  {
    name: 'import_jobs',
    columns: [
      id,
      '"started_at" TEXT NOT NULL',
      '"finished_at" TEXT',
      '"file_name" TEXT NOT NULL',
      `"status" TEXT NOT NULL CHECK ("status" IN ('running','done','cancelled','failed','interrupted'))`,
      '"rows_read" INTEGER NOT NULL DEFAULT 0',
      '"rows_imported" INTEGER NOT NULL DEFAULT 0',
      '"rows_merged" INTEGER NOT NULL DEFAULT 0',
      '"rows_skipped" INTEGER NOT NULL DEFAULT 0',
      '"rows_failed" INTEGER NOT NULL DEFAULT 0',
    ],
  },
  {
    name: 'import_errors',
    columns: [
      id,
      '"job_id" INTEGER NOT NULL',
      '"line" INTEGER NOT NULL',
      '"column_name" TEXT',
      '"reason" TEXT NOT NULL',
      `"detail" TEXT NOT NULL DEFAULT ''`,
    ],
    added: ['id'],
    foreignKeys: [{ column: 'job_id', references: 'import_jobs', onDelete: 'CASCADE' }],
    indexes: ['CREATE INDEX "import_errors_job" ON "import_errors" ("job_id", "line")'],
  },
  {
    name: 'clients',
    columns: [
      id,
      '"full_name" TEXT NOT NULL',
      `"sort_key" TEXT NOT NULL DEFAULT ''`,
      `"address" TEXT NOT NULL DEFAULT ''`,
      `"city" TEXT NOT NULL DEFAULT ''`,
      `"email" TEXT NOT NULL DEFAULT ''`,
      `"personal_account" TEXT NOT NULL DEFAULT ''`,
      `"notes" TEXT NOT NULL DEFAULT ''`,
      '"do_not_call" INTEGER NOT NULL DEFAULT 0 CHECK ("do_not_call" IN (0,1))',
      '"last_outcome" TEXT',
      '"last_contact_at" TEXT',
      '"open_orders" INTEGER NOT NULL DEFAULT 0',
      '"open_complaints" INTEGER NOT NULL DEFAULT 0',
      '"import_job_id" INTEGER',
      '"created_at" TEXT NOT NULL',
      '"updated_at" TEXT NOT NULL',
    ],
    foreignKeys: [{ column: 'import_job_id', references: 'import_jobs', onDelete: 'SET NULL' }],
    indexes: [
      'CREATE INDEX "clients_sort_key" ON "clients" ("sort_key", "id")',
      'CREATE INDEX "clients_last_outcome" ON "clients" ("last_outcome") WHERE last_outcome IS NOT NULL',
    ],
  },
  {
    name: 'client_phones',
    columns: [
      id,
      '"client_id" INTEGER NOT NULL',
      '"e164" TEXT NOT NULL',
      '"raw" TEXT NOT NULL',
      `"label" TEXT NOT NULL DEFAULT ''`,
      `"search_tokens" TEXT NOT NULL DEFAULT ''`,
    ],
    foreignKeys: [{ column: 'client_id', references: 'clients', onDelete: 'CASCADE' }],
    indexes: [
      'CREATE INDEX "client_phones_e164" ON "client_phones" ("e164")',
      'CREATE INDEX "client_phones_client" ON "client_phones" ("client_id")',
    ],
  },
  {
    name: 'tags',
    columns: [id, '"name" TEXT NOT NULL UNIQUE COLLATE NOCASE'],
  },
  {
    name: 'client_tags',
    columns: ['"client_id" INTEGER NOT NULL', '"tag_id" INTEGER NOT NULL'],
    constraints: ['PRIMARY KEY ("client_id", "tag_id")'],
    foreignKeys: [
      { column: 'client_id', references: 'clients', onDelete: 'CASCADE' },
      { column: 'tag_id', references: 'tags', onDelete: 'CASCADE' },
    ],
    withoutRowid: true,
    indexes: ['CREATE INDEX "client_tags_tag" ON "client_tags" ("tag_id", "client_id")'],
  },
  {
    name: 'refusal_reasons',
    columns: [
      id,
      '"code" TEXT NOT NULL UNIQUE',
      '"label_uk" TEXT NOT NULL',
      '"label_en" TEXT NOT NULL',
      '"active" INTEGER NOT NULL DEFAULT 1',
    ],
  },
  {
    name: 'products',
    columns: [
      id,
      '"name" TEXT NOT NULL',
      `"description" TEXT NOT NULL DEFAULT ''`,
      '"price_uah" REAL',
      '"active" INTEGER NOT NULL DEFAULT 1',
    ],
  },
  {
    name: 'tariffs',
    columns: [
      id,
      '"product_id" INTEGER',
      '"name" TEXT NOT NULL',
      `"description" TEXT NOT NULL DEFAULT ''`,
      '"monthly_fee_uah" REAL NOT NULL',
      '"active" INTEGER NOT NULL DEFAULT 1',
    ],
    foreignKeys: [{ column: 'product_id', references: 'products', onDelete: 'SET NULL' }],
  },
  {
    name: 'promotions',
    columns: [
      id,
      '"name" TEXT NOT NULL',
      `"description" TEXT NOT NULL DEFAULT ''`,
      '"starts_on" TEXT',
      '"ends_on" TEXT',
    ],
  },
  {
    name: 'interactions',
    columns: [
      id,
      '"client_id" INTEGER',
      `"kind" TEXT NOT NULL CHECK ("kind" IN ('call','email','web'))`,
      `"direction" TEXT NOT NULL CHECK ("direction" IN ('inbound','outbound'))`,
      `"remote_number" TEXT NOT NULL DEFAULT ''`,
      '"sip_call_id" TEXT',
      '"offered_at" TEXT NOT NULL',
      '"answered_at" TEXT',
      '"ended_at" TEXT',
      '"ring_seconds" REAL NOT NULL DEFAULT 0',
      '"talk_seconds" REAL NOT NULL DEFAULT 0',
      '"hold_seconds" REAL NOT NULL DEFAULT 0',
      '"end_cause" TEXT',
      '"transfer_target" TEXT',
      '"outcome" TEXT',
      '"refusal_reason_id" INTEGER',
      `"notes" TEXT NOT NULL DEFAULT ''`,
    ],
    foreignKeys: [
      { column: 'client_id', references: 'clients', onDelete: 'SET NULL' },
      { column: 'refusal_reason_id', references: 'refusal_reasons' },
    ],
    indexes: [
      'CREATE INDEX "interactions_client" ON "interactions" ("client_id", "offered_at" DESC)',
    ],
  },
  {
    name: 'orders',
    columns: [
      id,
      '"client_id" INTEGER NOT NULL',
      '"interaction_id" INTEGER',
      '"service_type" TEXT NOT NULL',
      `"status" TEXT NOT NULL CHECK ("status" IN ('draft','open','done','cancelled'))`,
      '"amount_uah" REAL',
      '"scheduled_on" TEXT',
      `"details" TEXT NOT NULL DEFAULT '{}'`,
      '"created_at" TEXT NOT NULL',
      '"updated_at" TEXT NOT NULL',
    ],
    foreignKeys: [
      { column: 'client_id', references: 'clients', onDelete: 'CASCADE' },
      { column: 'interaction_id', references: 'interactions', onDelete: 'SET NULL' },
    ],
    indexes: ['CREATE INDEX "orders_client" ON "orders" ("client_id", "created_at" DESC)'],
  },
  {
    name: 'complaints',
    columns: [
      id,
      '"client_id" INTEGER NOT NULL',
      '"order_id" INTEGER',
      '"subject" TEXT NOT NULL',
      `"body" TEXT NOT NULL DEFAULT ''`,
      `"status" TEXT NOT NULL CHECK ("status" IN ('open','inProgress','resolved','rejected'))`,
      '"justified" INTEGER CHECK ("justified" IN (0,1))',
      '"created_at" TEXT NOT NULL',
      '"updated_at" TEXT NOT NULL',
    ],
    foreignKeys: [
      { column: 'client_id', references: 'clients', onDelete: 'CASCADE' },
      { column: 'order_id', references: 'orders', onDelete: 'SET NULL' },
    ],
    indexes: ['CREATE INDEX "complaints_client" ON "complaints" ("client_id", "created_at" DESC)'],
  },
  {
    name: 'offers',
    columns: [
      id,
      '"client_id" INTEGER NOT NULL',
      '"interaction_id" INTEGER',
      '"product_id" INTEGER',
      '"tariff_id" INTEGER',
      '"promotion_id" INTEGER',
      '"offered_at" TEXT NOT NULL',
      `"result" TEXT NOT NULL CHECK ("result" IN ('accepted','refused','thinking'))`,
      '"refusal_reason_id" INTEGER',
    ],
    foreignKeys: [
      { column: 'client_id', references: 'clients', onDelete: 'CASCADE' },
      { column: 'interaction_id', references: 'interactions', onDelete: 'SET NULL' },
      { column: 'product_id', references: 'products' },
      { column: 'tariff_id', references: 'tariffs' },
      { column: 'promotion_id', references: 'promotions' },
      { column: 'refusal_reason_id', references: 'refusal_reasons' },
    ],
    indexes: [
      'CREATE INDEX "offers_client" ON "offers" ("client_id", "offered_at" DESC)',
      'CREATE INDEX "offers_refusal" ON "offers" ("refusal_reason_id", "result")',
    ],
  },
  {
    name: 'audit_events',
    columns: [
      id,
      '"at" TEXT NOT NULL',
      '"actor" TEXT NOT NULL',
      '"action" TEXT NOT NULL',
      '"entity" TEXT NOT NULL',
      '"entity_id" INTEGER',
      `"details" TEXT NOT NULL DEFAULT '{}'`,
    ],
    indexes: ['CREATE INDEX "audit_events_entity" ON "audit_events" ("entity", "entity_id")'],
  },
  {
    name: 'outbox',
    columns: [
      id,
      '"at" TEXT NOT NULL',
      '"entity" TEXT NOT NULL',
      '"entity_id" INTEGER',
      `"op" TEXT NOT NULL CHECK ("op" IN ('insert','update','delete','bulkInsert'))`,
      '"payload" TEXT NOT NULL',
      '"sent_at" TEXT',
    ],
    indexes: ['CREATE INDEX "outbox_unsent" ON "outbox" ("id") WHERE sent_at IS NULL'],
  },
  {
    name: 'search_control',
    columns: ['"id" INTEGER PRIMARY KEY NOT NULL CHECK ("id" = 1)', '"paused" INTEGER NOT NULL'],
  },
  {
    name: 'agent_state_events',
    columns: [
      id,
      '"at" TEXT NOT NULL',
      '"actor" TEXT NOT NULL',
      `"state" TEXT NOT NULL CHECK ("state" IN ('ready','notReady','onCall','wrapUp'))`,
      '"reason" TEXT',
    ],
    indexes: ['CREATE INDEX "agent_state_events_at" ON "agent_state_events" ("at")'],
  },
  {
    name: 'callbacks',
    columns: [
      id,
      '"client_id" INTEGER NOT NULL',
      '"interaction_id" INTEGER',
      '"due_at" TEXT NOT NULL',
      `"status" TEXT NOT NULL CHECK ("status" IN ('pending','done','cancelled'))`,
      `"note" TEXT NOT NULL DEFAULT ''`,
      '"created_by" TEXT NOT NULL',
      '"created_at" TEXT NOT NULL',
      '"updated_at" TEXT NOT NULL',
    ],
    foreignKeys: [
      { column: 'client_id', references: 'clients', onDelete: 'CASCADE' },
      { column: 'interaction_id', references: 'interactions', onDelete: 'SET NULL' },
    ],
    indexes: ['CREATE INDEX "callbacks_due" ON "callbacks" ("status", "due_at")'],
  },
  {
    name: 'search_backlog',
    columns: [id, '"first_id" INTEGER NOT NULL', '"last_id" INTEGER NOT NULL'],
    constraints: ['CHECK ("first_id" <= "last_id")'],
  },
];
