import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "HH:MM" on a 24-hour clock; "24:00" ends a day. */
const clockTime = (column: string) =>
  `CHECK ("${column}" GLOB '[0-1][0-9]:[0-5][0-9]' OR "${column}" GLOB '2[0-3]:[0-5][0-9]' OR "${column}" = '24:00')`;

/**
 * When a client may be called, and when a list calls:
 *
 * - call_times: the hours a client asked to be called in, their local time
 *   ("after six in the evening"), one row per client, set on the card;
 * - campaigns.hours_from / hours_to: a list's own calling hours (a payment
 *   reminder only 10:00–18:00), always within the country's.
 */
export class CallTimes1764230400013 implements MigrationInterface {
  name = 'CallTimes1764230400013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "call_times" (
      "client_id" INTEGER PRIMARY KEY NOT NULL,
      "from_time" TEXT NOT NULL ${clockTime('from_time')},
      "to_time" TEXT NOT NULL ${clockTime('to_time')},
      "set_by" TEXT NOT NULL,
      "set_at" TEXT NOT NULL,
      CHECK ("from_time" < "to_time"),
      CONSTRAINT "fk_call_times_client_id" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE
    )`);
    await q.query(
      `ALTER TABLE "campaigns" ADD COLUMN "hours_from" TEXT ${clockTime('hours_from')}`,
    );
    await q.query(`ALTER TABLE "campaigns" ADD COLUMN "hours_to" TEXT ${clockTime('hours_to')}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "campaigns" DROP COLUMN "hours_to"');
    await q.query('ALTER TABLE "campaigns" DROP COLUMN "hours_from"');
    await q.query('DROP TABLE "call_times"');
  }
}
