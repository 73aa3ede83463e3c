import type { MigrationInterface, QueryRunner } from 'typeorm';
import { uuidv7From } from './sqlUuid';

/**
 * Team sync's push: each outbox change has its own status (pending, sent, or
 * refused for good by the server, with why), how often it was tried, and the
 * workstation's identity (a UUIDv7 made here, once) that, with the change's
 * number, makes every push idempotent on the server.
 */
export class OutboxStatus1764230400014 implements MigrationInterface {
  name = 'OutboxStatus1764230400014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "outbox" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'pending'
         CHECK ("status" IN ('pending','sent','refused'))`,
    );
    await q.query('ALTER TABLE "outbox" ADD COLUMN "tries" INTEGER NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE "outbox" ADD COLUMN "last_error" TEXT');
    // Changes a test or an earlier build marked sent stay sent.
    await q.query(`UPDATE "outbox" SET "status" = 'sent' WHERE "sent_at" IS NOT NULL`);
    await q.query(`CREATE INDEX "outbox_pending" ON "outbox" ("id") WHERE "status" = 'pending'`);
    await q.query(`CREATE TABLE "sync_state" (
      "id" INTEGER PRIMARY KEY NOT NULL CHECK ("id" = 1),
      "workstation" TEXT NOT NULL
    )`);
    await q.query(
      `INSERT INTO "sync_state" ("id", "workstation") VALUES (1, ${uuidv7From("strftime('%Y-%m-%dT%H:%M:%fZ','now')")})`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "sync_state"');
    await q.query('DROP INDEX "outbox_pending"');
    await q.query('ALTER TABLE "outbox" DROP COLUMN "last_error"');
    await q.query('ALTER TABLE "outbox" DROP COLUMN "tries"');
    await q.query('ALTER TABLE "outbox" DROP COLUMN "status"');
  }
}
