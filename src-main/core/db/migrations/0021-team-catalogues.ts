import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue a supervisor publishes for the team (issue 19): an edition
 * from the team's feed is kept here in the same transaction as the feed's
 * cursor, then taken into the catalogue on a worker (taking one re-indexes
 * the knowledge base: no place for main's event loop). A crash between the
 * two loses nothing: what is not taken yet is taken at the next start.
 *
 * `sync_state.supervisor`: whether the center last said this operator
 * supervises the team (null: never asked), so a supervisor who starts
 * offline still finds their section, which says the center is out of reach.
 */
export class TeamCatalogues1764230400021 implements MigrationInterface {
  name = 'TeamCatalogues1764230400021';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "team_catalogues" (
      "sha256" TEXT PRIMARY KEY NOT NULL,
      "version" TEXT NOT NULL,
      "body" TEXT NOT NULL,
      "published_by" TEXT NOT NULL,
      "received_at" TEXT NOT NULL,
      "taken_at" TEXT
    )`);
    await q.query('ALTER TABLE "sync_state" ADD COLUMN "supervisor" INTEGER');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sync_state" DROP COLUMN "supervisor"');
    await q.query('DROP TABLE "team_catalogues"');
  }
}
