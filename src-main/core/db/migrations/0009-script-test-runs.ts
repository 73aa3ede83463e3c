import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A script's author tries a draft out before publishing it: such a run is a
 * test run. It never counts in what the script earns, never shows among an
 * operator's unfinished runs or on a client's card, and is removed when its
 * draft is published.
 */
export class ScriptTestRuns1764230400009 implements MigrationInterface {
  name = 'ScriptTestRuns1764230400009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "script_runs" ADD COLUMN "test" INTEGER NOT NULL DEFAULT 0 CHECK ("test" IN (0,1))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "script_runs" DROP COLUMN "test"');
  }
}
