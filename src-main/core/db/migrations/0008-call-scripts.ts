import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Call scripts (скрипти): a script has versions; a version is a draft until
 * published, and a published one never changes (a trigger refuses any
 * update), so every run stays on the version it started on. A run records
 * each step as it happens (enter, answer, back, exit), so it survives a
 * transfer, a reload and a kill, and feeds what each branch earns.
 */
export class CallScripts1764230400008 implements MigrationInterface {
  name = 'CallScripts1764230400008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "scripts" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "uid" TEXT NOT NULL UNIQUE,
      "name" TEXT NOT NULL,
      "created_at" TEXT NOT NULL,
      "updated_at" TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE "script_versions" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "script_id" INTEGER NOT NULL,
      "version" INTEGER NOT NULL,
      "status" TEXT NOT NULL CHECK ("status" IN ('draft','published')),
      "graph" TEXT NOT NULL,
      "created_by" TEXT NOT NULL,
      "created_at" TEXT NOT NULL,
      "published_at" TEXT,
      "publish_at" TEXT,
      CONSTRAINT "fk_script_versions_script_id" FOREIGN KEY ("script_id") REFERENCES "scripts" ("id") ON DELETE CASCADE
    )`);
    await q.query(
      'CREATE UNIQUE INDEX "script_versions_number" ON "script_versions" ("script_id", "version")',
    );
    await q.query(`CREATE TRIGGER "script_versions_published_never_change"
      BEFORE UPDATE ON "script_versions" WHEN OLD."status" = 'published'
      BEGIN SELECT RAISE(ABORT, 'a published script version never changes'); END`);
    await q.query(`CREATE TRIGGER "script_versions_published_stay"
      BEFORE DELETE ON "script_versions" WHEN OLD."status" = 'published'
      BEGIN SELECT RAISE(ABORT, 'a published script version never changes'); END`);
    await q.query(`CREATE TABLE "script_runs" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "version_id" INTEGER NOT NULL,
      "interaction_id" INTEGER,
      "client_id" INTEGER,
      "started_by" TEXT NOT NULL,
      "started_at" TEXT NOT NULL,
      "current_node" TEXT NOT NULL,
      "ended_at" TEXT,
      CONSTRAINT "fk_script_runs_version_id" FOREIGN KEY ("version_id") REFERENCES "script_versions" ("id"),
      CONSTRAINT "fk_script_runs_interaction_id" FOREIGN KEY ("interaction_id") REFERENCES "interactions" ("id") ON DELETE SET NULL,
      CONSTRAINT "fk_script_runs_client_id" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE SET NULL
    )`);
    await q.query('CREATE INDEX "script_runs_interaction" ON "script_runs" ("interaction_id")');
    await q.query(
      'CREATE INDEX "script_runs_version" ON "script_runs" ("version_id", "ended_at", "current_node")',
    );
    await q.query(`CREATE TABLE "script_run_steps" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "run_id" INTEGER NOT NULL,
      "version_id" INTEGER NOT NULL,
      "at" TEXT NOT NULL,
      "kind" TEXT NOT NULL CHECK ("kind" IN ('enter','answer','back','exit')),
      "node_id" TEXT NOT NULL,
      "value" TEXT,
      "seconds" REAL,
      CONSTRAINT "fk_script_run_steps_run_id" FOREIGN KEY ("run_id") REFERENCES "script_runs" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_script_run_steps_version_id" FOREIGN KEY ("version_id") REFERENCES "script_versions" ("id")
    )`);
    await q.query('CREATE INDEX "script_run_steps_run" ON "script_run_steps" ("run_id", "id")');
    // What each branch earns is read from these alone (branchStats): which runs reached a node
    // and how long they stayed, and what was answered there.
    await q.query(
      'CREATE INDEX "script_run_steps_reach" ON "script_run_steps" ("version_id", "kind", "node_id", "run_id", "seconds")',
    );
    await q.query(
      'CREATE INDEX "script_run_steps_answers" ON "script_run_steps" ("version_id", "kind", "node_id", "value")',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['script_run_steps', 'script_runs', 'script_versions', 'scripts'])
      await q.query(`DROP TABLE "${table}"`);
  }
}
