import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the team shares beyond clients and script runs:
 * - `team_calls`: colleagues' wrapped-up calls, as the center keeps them, for
 *   the client's card: the client who rang another desk yesterday shows it
 *   here today. Read-only here; the calls stay the colleague's own (their
 *   results sheet counts them, this desk's never does).
 * - `team_day_offs`: the team's day-off requests as a supervisor's desk
 *   receives them, to approve or reject (the center shows them to the
 *   requester and the team's supervisors only).
 * - `day_off_requests.decision_note`: why a request was rejected, in the
 *   supervisor's words, shown to the operator with the decision.
 */
export class TeamCallsDayOffs1764230400018 implements MigrationInterface {
  name = 'TeamCallsDayOffs1764230400018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "team_calls" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "uid" TEXT NOT NULL,
      "client_uid" TEXT NOT NULL,
      "operator" TEXT NOT NULL,
      "direction" TEXT NOT NULL,
      "offered_at" TEXT NOT NULL,
      "talk_seconds" REAL NOT NULL,
      "outcome" TEXT,
      "refusal_reason" TEXT,
      "notes" TEXT NOT NULL,
      "received_at" TEXT NOT NULL
    )`);
    await q.query('CREATE UNIQUE INDEX "team_calls_uid" ON "team_calls" ("uid")');
    await q.query('CREATE INDEX "team_calls_client" ON "team_calls" ("client_uid", "offered_at")');
    await q.query(`CREATE TABLE "team_day_offs" (
      "uid" TEXT PRIMARY KEY NOT NULL,
      "operator" TEXT NOT NULL,
      "day" TEXT NOT NULL,
      "reason" TEXT NOT NULL,
      "status" TEXT NOT NULL CHECK ("status" IN ('submitted','approved','rejected')),
      "decided_by" TEXT,
      "decided_at" TEXT,
      "decision_note" TEXT,
      "requested_at" TEXT NOT NULL,
      "received_at" TEXT NOT NULL
    )`);
    await q.query('CREATE INDEX "team_day_offs_status" ON "team_day_offs" ("status", "day")');
    await q.query('ALTER TABLE "day_off_requests" ADD COLUMN "decision_note" TEXT');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "day_off_requests" DROP COLUMN "decision_note"');
    await q.query('DROP TABLE "team_day_offs"');
    await q.query('DROP TABLE "team_calls"');
  }
}
