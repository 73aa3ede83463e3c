import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Call lists shared by the team (issue 19): the center hands their leads out,
 * a few at a time, each reserved for one operator for a while.
 * - `campaigns.team_shared_at`: when a supervisor gave the list to the team
 *   (or this desk received it from the team); NULL: a list of this desk only.
 * - `leads.reserved_until`: until when the center keeps a shared list's lead
 *   for this operator; past it, the lead is not dialled here (a colleague may
 *   have it). NULL for the desk's own lists.
 * - `leads.team_dirty`: what became of a shared lead here (dialled, done, due
 *   later, a callback) is still to be told to the center. A trigger sets it,
 *   so every path that moves a lead (the dial, the wrap-up, the operator's
 *   skip, the pick's deferral) is covered without knowing about the team.
 */
export class TeamCallLists1764230400019 implements MigrationInterface {
  name = 'TeamCallLists1764230400019';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "campaigns" ADD COLUMN "team_shared_at" TEXT');
    await q.query('ALTER TABLE "leads" ADD COLUMN "reserved_until" TEXT');
    await q.query('ALTER TABLE "leads" ADD COLUMN "team_dirty" INTEGER NOT NULL DEFAULT 0');
    await q.query(
      'CREATE INDEX "leads_team_dirty" ON "leads" ("team_dirty") WHERE "team_dirty" = 1',
    );
    await q.query(`CREATE TRIGGER "leads_team_moved" AFTER UPDATE OF "state", "due_at", "last_result"
      ON "leads" WHEN NEW."reserved_until" IS NOT NULL AND NEW."team_dirty" = 0
      BEGIN UPDATE "leads" SET "team_dirty" = 1 WHERE "id" = NEW."id"; END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER "leads_team_moved"');
    await q.query('DROP INDEX "leads_team_dirty"');
    await q.query('ALTER TABLE "leads" DROP COLUMN "team_dirty"');
    await q.query('ALTER TABLE "leads" DROP COLUMN "reserved_until"');
    await q.query('ALTER TABLE "campaigns" DROP COLUMN "team_shared_at"');
  }
}
