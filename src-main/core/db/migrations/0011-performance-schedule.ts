import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operator's performance sheet and schedule:
 *
 * - interactions get `wrapped_up_at`, when the call's wrap-up was saved, so
 *   wrap-up time is the call's own (queued wrap-ups overlap the next call);
 *   calls wrapped up before are given the time their wrap-up was audited at,
 *   or their end when an outcome is there without an audit row;
 * - agent_state_events get each state's length (see below);
 * - interactions get an index by the time they were offered: every figure
 *   of the sheet is a range of days;
 * - achievements: what the operator says they achieved, with the record that
 *   backs it (or none), checked when entered and again later, the verdict
 *   never changed without the day it changed on;
 * - targets: each target with its version and the day it took effect, from
 *   IT's policy or the supervisor's targets file, kept as history;
 * - day_off_requests: the weekly day-off form, its status and who decided;
 * - shifts and staffing_days: the schedule file's shifts and breaks, and the
 *   days the center marks as short-staffed.
 */
export class PerformanceSchedule1764230400011 implements MigrationInterface {
  name = 'PerformanceSchedule1764230400011';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "interactions" ADD COLUMN "wrapped_up_at" TEXT');
    await q.query(`UPDATE "interactions" SET "wrapped_up_at" = coalesce(
        (SELECT max(a."at") FROM "audit_events" a
          WHERE a."action" = 'call.wrapUp' AND a."entity" = 'interaction' AND a."entity_id" = "interactions"."id"),
        "ended_at")
      WHERE "outcome" IS NOT NULL`);
    // Covering what tells whether a past day changed (dayFingerprint): no row is read for it.
    await q.query(
      'CREATE INDEX "interactions_offered" ON "interactions" ("offered_at", "ended_at", "wrapped_up_at")',
    );
    // Offers and callbacks are read by their day too.
    await q.query('CREATE INDEX "offers_offered" ON "offers" ("offered_at")');
    await q.query('CREATE INDEX "orders_operator" ON "orders" ("created_by", "created_at")');
    // Each state's length, written when the next one begins: a month of states is one sum
    // over the index, not a walk through every change. A state before a start with no quit
    // between (a crash) is not known to have lasted: 0. The last one stays open (NULL).
    await q.query('ALTER TABLE "agent_state_events" ADD COLUMN "seconds" REAL');
    await q.query(`UPDATE "agent_state_events" AS e SET "seconds" = (
        SELECT CASE WHEN n."state" = 'notReady' AND n."reason" = 'starting'
                     AND NOT (e."state" = 'notReady' AND e."reason" = 'offline') THEN 0
                    ELSE max(0, round((julianday(n."at") - julianday(e."at")) * 86400000) / 1000.0) END
        FROM "agent_state_events" n
        WHERE n."actor" = e."actor" AND (n."at" > e."at" OR (n."at" = e."at" AND n."id" > e."id"))
        ORDER BY n."at", n."id" LIMIT 1)`);
    await q.query('DROP INDEX "agent_state_events_at"');
    await q.query(
      'CREATE INDEX "agent_state_events_span" ON "agent_state_events" ("actor", "at", "state", "reason", "seconds")',
    );

    await q.query(`CREATE TABLE "achievements" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "uid" TEXT NOT NULL UNIQUE,
      "day" TEXT NOT NULL,
      "kind_code" TEXT NOT NULL,
      "kind_title" TEXT NOT NULL,
      "points" REAL NOT NULL,
      "note" TEXT NOT NULL DEFAULT '',
      "verdict" TEXT NOT NULL CHECK ("verdict" IN ('confirmed','unconfirmed')),
      "backed_entity" TEXT,
      "backed_id" INTEGER,
      "checked_at" TEXT NOT NULL,
      "verdict_changed_at" TEXT,
      "created_by" TEXT NOT NULL,
      "created_at" TEXT NOT NULL
    )`);
    await q.query('CREATE INDEX "achievements_day" ON "achievements" ("created_by", "day")');
    // One record backs one achievement: a sale is never counted twice.
    await q.query(
      'CREATE UNIQUE INDEX "achievements_backing" ON "achievements" ("backed_entity", "backed_id")',
    );

    await q.query(`CREATE TABLE "targets" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "metric" TEXT NOT NULL,
      "period" TEXT NOT NULL CHECK ("period" IN ('day','week','month')),
      "value" REAL NOT NULL,
      "version" TEXT NOT NULL,
      "effective_from" TEXT NOT NULL,
      "source" TEXT NOT NULL,
      "loaded_at" TEXT NOT NULL
    )`);
    await q.query(
      'CREATE UNIQUE INDEX "targets_edition" ON "targets" ("metric", "effective_from", "version")',
    );

    await q.query(`CREATE TABLE "day_off_requests" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "uid" TEXT NOT NULL UNIQUE,
      "day" TEXT NOT NULL,
      "reason" TEXT NOT NULL,
      "status" TEXT NOT NULL CHECK ("status" IN ('submitted','approved','rejected')),
      "decided_by" TEXT,
      "decided_at" TEXT,
      "created_by" TEXT NOT NULL,
      "created_at" TEXT NOT NULL
    )`);
    await q.query(
      'CREATE INDEX "day_off_requests_operator" ON "day_off_requests" ("created_by", "day")',
    );

    await q.query(`CREATE TABLE "shifts" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "operator" TEXT NOT NULL,
      "day" TEXT NOT NULL,
      "starts_at" TEXT NOT NULL,
      "ends_at" TEXT NOT NULL,
      "breaks" TEXT NOT NULL DEFAULT '[]',
      "source" TEXT NOT NULL,
      "loaded_at" TEXT NOT NULL
    )`);
    await q.query('CREATE UNIQUE INDEX "shifts_operator_day" ON "shifts" ("operator", "day")');
    await q.query(`CREATE TABLE "staffing_days" (
      "day" TEXT PRIMARY KEY NOT NULL,
      "short_staffed" INTEGER NOT NULL DEFAULT 0 CHECK ("short_staffed" IN (0,1)),
      "note" TEXT NOT NULL DEFAULT ''
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['staffing_days', 'shifts', 'day_off_requests', 'targets', 'achievements'])
      await q.query(`DROP TABLE "${table}"`);
    await q.query('DROP INDEX "agent_state_events_span"');
    await q.query('CREATE INDEX "agent_state_events_at" ON "agent_state_events" ("at")');
    await q.query('ALTER TABLE "agent_state_events" DROP COLUMN "seconds"');
    for (const index of ['orders_operator', 'offers_offered', 'interactions_offered'])
      await q.query(`DROP INDEX "${index}"`);
    await q.query('ALTER TABLE "interactions" DROP COLUMN "wrapped_up_at"');
  }
}
