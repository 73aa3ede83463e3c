import type { MigrationInterface, QueryRunner } from 'typeorm';
import { uuidv7From } from './sqlUuid';

/**
 * Team mode's identity: clients and calls get a global id made here
 * (UUIDv7), beside the local integer key the hot paths use. Every path that
 * inserts one gets it from a trigger, so no writer (the import's bulk
 * inserts, the phone line's call row) can forget it. Each outbox change
 * keeps how far this workstation had read the team's feed when it was made
 * (`seen`): the server tells a concurrent edit from one made after seeing the
 * other. `sync_state` keeps the feed's cursor, and how far the base from
 * before team mode has been uploaded (clients up to `upload_until`), and when
 * the team's snapshot landed here.
 */
export class TeamIdentity1764230400016 implements MigrationInterface {
  name = 'TeamIdentity1764230400016';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, madeAt] of [
      ['clients', 'created_at'],
      ['interactions', 'offered_at'],
    ] as const) {
      await q.query(`ALTER TABLE "${table}" ADD COLUMN "uid" TEXT`);
      await q.query(`UPDATE "${table}" SET "uid" = ${uuidv7From(`"${madeAt}"`)}`);
      await q.query(`CREATE UNIQUE INDEX "${table}_uid" ON "${table}" ("uid")`);
      await q.query(`CREATE TRIGGER "${table}_uid_made" AFTER INSERT ON "${table}" WHEN NEW."uid" IS NULL
        BEGIN UPDATE "${table}" SET "uid" = ${uuidv7From(`NEW."${madeAt}"`)} WHERE "id" = NEW."id"; END`);
    }
    await q.query('ALTER TABLE "outbox" ADD COLUMN "seen" INTEGER NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE "sync_state" ADD COLUMN "cursor" INTEGER NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE "sync_state" ADD COLUMN "uploaded" INTEGER NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE "sync_state" ADD COLUMN "upload_until" INTEGER NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE "sync_state" ADD COLUMN "snapshot_at" TEXT');
    // The clients made before team mode are uploaded once, with their ids; those made later
    // travel in the outbox.
    await q.query(
      'UPDATE "sync_state" SET "upload_until" = (SELECT coalesce(max("id"), 0) FROM "clients")',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['snapshot_at', 'upload_until', 'uploaded', 'cursor'])
      await q.query(`ALTER TABLE "sync_state" DROP COLUMN "${column}"`);
    await q.query('ALTER TABLE "outbox" DROP COLUMN "seen"');
    for (const table of ['interactions', 'clients']) {
      await q.query(`DROP TRIGGER "${table}_uid_made"`);
      await q.query(`DROP INDEX "${table}_uid"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "uid"`);
    }
  }
}
