import type { MigrationInterface, QueryRunner } from 'typeorm';
import { uuidv7From } from './sqlUuid';

/**
 * Callbacks travel to the team (issue 19): one its operator has not kept by
 * a grace after the promised time opens to the colleagues, and one of them
 * takes it.
 * - `callbacks.uid`: a global id (UUIDv7, from a trigger, as clients' since
 *   migration 16).
 * - Triggers write a callback's every change to the outbox, whichever path
 *   made it (the card, a wrap-up, the callback list), as `teamCallback`, with
 *   how far the team's feed had been read.
 * - `sync_state.applying`: set while the team's feed is landed, so what came
 *   from the center is not sent back to it.
 */
export class TeamCallbacks1764230400020 implements MigrationInterface {
  name = 'TeamCallbacks1764230400020';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "callbacks" ADD COLUMN "uid" TEXT');
    await q.query(`UPDATE "callbacks" SET "uid" = ${uuidv7From('"created_at"')}`);
    await q.query('CREATE UNIQUE INDEX "callbacks_uid" ON "callbacks" ("uid")');
    await q.query('ALTER TABLE "sync_state" ADD COLUMN "applying" INTEGER NOT NULL DEFAULT 0');
    const change = (
      row: string,
    ) => `INSERT INTO "outbox" ("at", "entity", "entity_id", "op", "payload", "seen")
      SELECT ${row}."updated_at", 'teamCallback', ${row}."id", 'update', json_object(
          'uid', ${row}."uid", 'clientUid', (SELECT "uid" FROM "clients" WHERE "id" = ${row}."client_id"),
          'dueAt', ${row}."due_at", 'note', ${row}."note", 'status', ${row}."status"),
        "cursor" FROM "sync_state" WHERE "id" = 1 AND "applying" = 0`;
    await q.query(`CREATE TRIGGER "callbacks_uid_made" AFTER INSERT ON "callbacks" WHEN NEW."uid" IS NULL
      BEGIN UPDATE "callbacks" SET "uid" = ${uuidv7From('NEW."created_at"')} WHERE "id" = NEW."id"; END`);
    // Sent once it has its id (the trigger above sets it by an update), then on every change.
    await q.query(`CREATE TRIGGER "callbacks_to_team" AFTER UPDATE OF "uid", "due_at", "status", "note"
      ON "callbacks" WHEN NEW."uid" IS NOT NULL BEGIN ${change('NEW')}; END`);
    await q.query(`CREATE TRIGGER "callbacks_to_team_made" AFTER INSERT ON "callbacks"
      WHEN NEW."uid" IS NOT NULL BEGIN ${change('NEW')}; END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER "callbacks_to_team_made"');
    await q.query('DROP TRIGGER "callbacks_to_team"');
    await q.query('DROP TRIGGER "callbacks_uid_made"');
    await q.query('ALTER TABLE "sync_state" DROP COLUMN "applying"');
    await q.query('DROP INDEX "callbacks_uid"');
    await q.query('ALTER TABLE "callbacks" DROP COLUMN "uid"');
  }
}
