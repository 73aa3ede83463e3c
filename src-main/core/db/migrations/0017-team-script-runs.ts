import type { MigrationInterface, QueryRunner } from 'typeorm';
import { uuidv7From } from './sqlUuid';

/**
 * Script runs travel to the team: each gets a global id (UUIDv7, from a
 * trigger, as clients and calls have since migration 16), and a colleague's
 * ended runs land in `team_script_runs` as the runner drew them (the script,
 * the answers in words, the outcome): the call transferred to this desk, or
 * the client calling again, shows what was answered at the other. They are
 * read-only here: the runs and their steps stay with the desk that ran them.
 */
export class TeamScriptRuns1764230400017 implements MigrationInterface {
  name = 'TeamScriptRuns1764230400017';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "script_runs" ADD COLUMN "uid" TEXT');
    await q.query(`UPDATE "script_runs" SET "uid" = ${uuidv7From('"started_at"')}`);
    await q.query('CREATE UNIQUE INDEX "script_runs_uid" ON "script_runs" ("uid")');
    await q.query(`CREATE TRIGGER "script_runs_uid_made" AFTER INSERT ON "script_runs" WHEN NEW."uid" IS NULL
      BEGIN UPDATE "script_runs" SET "uid" = ${uuidv7From('NEW."started_at"')} WHERE "id" = NEW."id"; END`);
    await q.query(`CREATE TABLE "team_script_runs" (
      "uid" TEXT PRIMARY KEY NOT NULL,
      "client_uid" TEXT NOT NULL,
      "operator" TEXT NOT NULL,
      "summary" TEXT NOT NULL,
      "received_at" TEXT NOT NULL
    )`);
    await q.query('CREATE INDEX "team_script_runs_client" ON "team_script_runs" ("client_uid")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "team_script_runs"');
    await q.query('DROP TRIGGER "script_runs_uid_made"');
    await q.query('DROP INDEX "script_runs_uid"');
    await q.query('ALTER TABLE "script_runs" DROP COLUMN "uid"');
  }
}
