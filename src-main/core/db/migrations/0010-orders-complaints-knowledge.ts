import type { MigrationInterface, QueryRunner } from 'typeorm';
import { uuidv7From } from './sqlUuid';

/**
 * Orders, complaints and the knowledge base as the center's catalogue
 * describes them:
 *
 * - money becomes whole kopiyky (INTEGER) where it was a REAL of hryvnias;
 * - orders get the type the catalogue names, the values typed (JSON), the
 *   statuses new → confirmed → scheduled → done, or cancelled, each change in
 *   order_status_events, and a uid made when the draft was (UUIDv7), unique,
 *   so a submit repeated after a crash stores one order;
 * - order_drafts hold what is being typed, saved on every change;
 * - complaints get their kind (скарга, рекламація, претензія), a category
 *   from the center's list, the call and order they are about, a due date,
 *   and whether they were justified once resolved;
 * - products, tariffs and promotions get the catalogue's codes and dates;
 *   articles are new; knowledge_search (FTS5) finds all four as one types;
 * - catalogues keeps every catalogue taken, the last one in use;
 * - settlements holds the KATOTTG codifier's settlements, read from its file.
 *
 * Rows made before keep their ids (offers and complaints point at them);
 * those without a uid get a UUIDv7 from their creation time. TypeORM runs a
 * migration with foreign keys off; a check before the commit makes sure no
 * row lost its parent.
 */
export class OrdersComplaintsKnowledge1764230400010 implements MigrationInterface {
  name = 'OrdersComplaintsKnowledge1764230400010';

  async up(q: QueryRunner): Promise<void> {
    const remake = async (table: string, create: string, copy: string) => {
      await q.query(create.replace(`CREATE TABLE "${table}"`, `CREATE TABLE "pult_new_${table}"`));
      await q.query(copy.replace(`INSERT INTO "${table}"`, `INSERT INTO "pult_new_${table}"`));
      await q.query(`DROP TABLE "${table}"`);
      await q.query(`ALTER TABLE "pult_new_${table}" RENAME TO "${table}"`);
    };

    await remake(
      'products',
      `CREATE TABLE "products" (
        "id" INTEGER PRIMARY KEY NOT NULL,
        "code" TEXT NOT NULL UNIQUE,
        "name" TEXT NOT NULL,
        "description" TEXT NOT NULL DEFAULT '',
        "price_kop" INTEGER CHECK ("price_kop" >= 0),
        "active" INTEGER NOT NULL DEFAULT 1 CHECK ("active" IN (0,1))
      )`,
      `INSERT INTO "products" (id, code, name, description, price_kop, active)
        SELECT id, 'product-' || id, name, description, CAST(round(price_uah * 100) AS INTEGER), active FROM products`,
    );
    await remake(
      'tariffs',
      `CREATE TABLE "tariffs" (
        "id" INTEGER PRIMARY KEY NOT NULL,
        "code" TEXT NOT NULL UNIQUE,
        "product_id" INTEGER,
        "name" TEXT NOT NULL,
        "description" TEXT NOT NULL DEFAULT '',
        "monthly_fee_kop" INTEGER NOT NULL CHECK ("monthly_fee_kop" >= 0),
        "valid_from" TEXT,
        "valid_to" TEXT,
        "active" INTEGER NOT NULL DEFAULT 1 CHECK ("active" IN (0,1)),
        CONSTRAINT "fk_tariffs_product_id" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE SET NULL
      )`,
      `INSERT INTO "tariffs" (id, code, product_id, name, description, monthly_fee_kop, active)
        SELECT id, 'tariff-' || id, product_id, name, description, CAST(round(monthly_fee_uah * 100) AS INTEGER), active FROM tariffs`,
    );
    await remake(
      'promotions',
      `CREATE TABLE "promotions" (
        "id" INTEGER PRIMARY KEY NOT NULL,
        "code" TEXT NOT NULL UNIQUE,
        "name" TEXT NOT NULL,
        "description" TEXT NOT NULL DEFAULT '',
        "starts_on" TEXT,
        "ends_on" TEXT,
        "tariff_id" INTEGER,
        "active" INTEGER NOT NULL DEFAULT 1 CHECK ("active" IN (0,1)),
        CONSTRAINT "fk_promotions_tariff_id" FOREIGN KEY ("tariff_id") REFERENCES "tariffs" ("id") ON DELETE SET NULL
      )`,
      `INSERT INTO "promotions" (id, code, name, description, starts_on, ends_on)
        SELECT id, 'promotion-' || id, name, description, starts_on, ends_on FROM promotions`,
    );
    await q.query(`CREATE TABLE "articles" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "code" TEXT NOT NULL UNIQUE,
      "title" TEXT NOT NULL,
      "body" TEXT NOT NULL DEFAULT '',
      "tags" TEXT NOT NULL DEFAULT '',
      "active" INTEGER NOT NULL DEFAULT 1 CHECK ("active" IN (0,1))
    )`);
    // One index over the four, kept by the catalogue's loader (the only writer): kind and
    // item id ride along unindexed. Same tokenizer as client search (case does not matter, a
    // prefix matches; the loader and the query drop apostrophes, so either spelling finds either).
    await q.query(`CREATE VIRTUAL TABLE "knowledge_search" USING fts5(
      kind UNINDEXED, item_id UNINDEXED, title, body,
      tokenize = "unicode61 remove_diacritics 0", prefix = '1 2 3'
    )`);
    await q.query(`CREATE TABLE "catalogues" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "version" TEXT NOT NULL,
      "sha256" TEXT NOT NULL,
      "source" TEXT NOT NULL,
      "applied_at" TEXT NOT NULL,
      "body" TEXT NOT NULL
    )`);

    await remake(
      'orders',
      `CREATE TABLE "orders" (
        "id" INTEGER PRIMARY KEY NOT NULL,
        "uid" TEXT NOT NULL UNIQUE,
        "client_id" INTEGER NOT NULL,
        "interaction_id" INTEGER,
        "type_code" TEXT NOT NULL,
        "type_title" TEXT NOT NULL,
        "status" TEXT NOT NULL CHECK ("status" IN ('new','confirmed','scheduled','done','cancelled')),
        "total_kop" INTEGER CHECK ("total_kop" >= 0),
        "due_at" TEXT,
        "values" TEXT NOT NULL DEFAULT '{}',
        "client_confirmed_at" TEXT,
        "catalogue_version" TEXT,
        "created_by" TEXT NOT NULL,
        "created_at" TEXT NOT NULL,
        "updated_at" TEXT NOT NULL,
        CONSTRAINT "fk_orders_client_id" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_orders_interaction_id" FOREIGN KEY ("interaction_id") REFERENCES "interactions" ("id") ON DELETE SET NULL
      )`,
      `INSERT INTO "orders" (id, uid, client_id, interaction_id, type_code, type_title, status, total_kop,
          due_at, "values", created_by, created_at, updated_at)
        SELECT id, ${uuidv7From('created_at')}, client_id, interaction_id, 'legacy', service_type,
          CASE status WHEN 'done' THEN 'done' WHEN 'cancelled' THEN 'cancelled' ELSE 'new' END,
          CAST(round(amount_uah * 100) AS INTEGER), scheduled_on, details, '', created_at, updated_at
        FROM orders`,
    );
    await q.query('CREATE INDEX "orders_client" ON "orders" ("client_id", "created_at" DESC)');
    await q.query('CREATE INDEX "orders_created" ON "orders" ("created_at" DESC)');
    await q.query('CREATE INDEX "orders_status" ON "orders" ("status", "created_at" DESC)');
    // The double-order warning: the same client and type lately.
    await q.query(
      'CREATE INDEX "orders_client_type" ON "orders" ("client_id", "type_code", "created_at")',
    );
    await q.query(`CREATE TABLE "order_status_events" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "order_id" INTEGER NOT NULL,
      "status" TEXT NOT NULL CHECK ("status" IN ('new','confirmed','scheduled','done','cancelled')),
      "at" TEXT NOT NULL,
      "actor" TEXT NOT NULL,
      "note" TEXT NOT NULL DEFAULT '',
      CONSTRAINT "fk_order_status_events_order_id" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE
    )`);
    await q.query(
      'CREATE INDEX "order_status_events_order" ON "order_status_events" ("order_id", "id")',
    );
    await q.query(`INSERT INTO "order_status_events" (order_id, status, at, actor)
      SELECT id, status, updated_at, created_by FROM orders`);
    await q.query(`CREATE TABLE "order_drafts" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "uid" TEXT NOT NULL UNIQUE,
      "client_id" INTEGER NOT NULL,
      "interaction_id" INTEGER,
      "type_code" TEXT NOT NULL,
      "values" TEXT NOT NULL,
      "client_confirmed_at" TEXT,
      "created_by" TEXT NOT NULL,
      "created_at" TEXT NOT NULL,
      "updated_at" TEXT NOT NULL,
      CONSTRAINT "fk_order_drafts_client_id" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_order_drafts_interaction_id" FOREIGN KEY ("interaction_id") REFERENCES "interactions" ("id") ON DELETE SET NULL
    )`);
    await q.query(
      'CREATE INDEX "order_drafts_client" ON "order_drafts" ("client_id", "updated_at")',
    );
    await q.query(
      'CREATE INDEX "order_drafts_operator" ON "order_drafts" ("created_by", "updated_at")',
    );

    await remake(
      'complaints',
      `CREATE TABLE "complaints" (
        "id" INTEGER PRIMARY KEY NOT NULL,
        "uid" TEXT NOT NULL UNIQUE,
        "client_id" INTEGER NOT NULL,
        "order_id" INTEGER,
        "interaction_id" INTEGER,
        "kind" TEXT NOT NULL CHECK ("kind" IN ('complaint','reclamation','claim')),
        "category_code" TEXT NOT NULL,
        "category_title" TEXT NOT NULL,
        "body" TEXT NOT NULL DEFAULT '',
        "status" TEXT NOT NULL CHECK ("status" IN ('open','inProgress','resolved')),
        "justified" INTEGER CHECK ("justified" IN (0,1)),
        "due_on" TEXT,
        "created_by" TEXT NOT NULL,
        "created_at" TEXT NOT NULL,
        "updated_at" TEXT NOT NULL,
        "resolved_at" TEXT,
        CONSTRAINT "fk_complaints_client_id" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_complaints_order_id" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_complaints_interaction_id" FOREIGN KEY ("interaction_id") REFERENCES "interactions" ("id") ON DELETE SET NULL
      )`,
      `INSERT INTO "complaints" (id, uid, client_id, order_id, kind, category_code, category_title, body, status,
          justified, created_by, created_at, updated_at, resolved_at)
        SELECT id, ${uuidv7From('created_at')}, client_id, order_id, 'complaint', 'legacy', subject, body,
          CASE status WHEN 'rejected' THEN 'resolved' ELSE status END,
          CASE WHEN status = 'rejected' THEN coalesce(justified, 0) ELSE justified END,
          '', created_at, updated_at, CASE WHEN status IN ('resolved','rejected') THEN updated_at END
        FROM complaints`,
    );
    await q.query(
      'CREATE INDEX "complaints_client" ON "complaints" ("client_id", "created_at" DESC)',
    );
    await q.query('CREATE INDEX "complaints_status" ON "complaints" ("status", "due_on")');

    await q.query(`CREATE TABLE "settlements" (
      "code" TEXT PRIMARY KEY NOT NULL,
      "name" TEXT NOT NULL,
      "category" TEXT NOT NULL,
      "oblast" TEXT NOT NULL,
      "raion" TEXT NOT NULL,
      "hromada" TEXT NOT NULL,
      "search_key" TEXT NOT NULL
    )`);
    await q.query('CREATE INDEX "settlements_search" ON "settlements" ("search_key")');
    await q.query(`CREATE TABLE "reference_files" (
      "name" TEXT PRIMARY KEY NOT NULL,
      "sha256" TEXT NOT NULL,
      "rows" INTEGER NOT NULL,
      "loaded_at" TEXT NOT NULL
    )`);

    const orphans = (await q.query('PRAGMA foreign_key_check')) as unknown[];
    if (orphans.length > 0)
      throw new Error(`migration 10: ${orphans.length} rows refer to rows that do not exist`);
  }

  async down(): Promise<void> {
    // Kopiyky and the new statuses do not go back into the old form without loss.
  }
}
