import type { MigrationInterface, QueryRunner } from 'typeorm';
import { uuidv7From } from './sqlUuid';

/**
 * Outbound call lists (обдзвін):
 *
 * - campaigns: a purpose (sales is advertising; survey, reminder and
 *   informing are not), the script and offer they work with, the caller ID,
 *   the retry rules per attempt result, and whether the list is running;
 * - leads: a client's number in a campaign, with the facts "may I call now?"
 *   needs kept beside it (the number's country and the address's zone, set
 *   when the list is built), its state and when it is next due; picked by
 *   (campaign, state, due) alone;
 * - lead_attempts: each dial, written before the INVITE leaves ('dialling'),
 *   then its result: a kill in between leaves the row, and the lead is never
 *   dialled twice for it; counted per number over the rules' window;
 * - consents: a client's consent to calls, its scope, source and date, and
 *   when it was withdrawn;
 * - dnc_entries: do-not-call at global, campaign or product level, by client
 *   or by number, with why and who.
 */
export class Campaigns1764230400012 implements MigrationInterface {
  name = 'Campaigns1764230400012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "campaigns" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "uid" TEXT NOT NULL UNIQUE,
      "name" TEXT NOT NULL,
      "purpose" TEXT NOT NULL CHECK ("purpose" IN ('sales','survey','reminder','informing')),
      "script_name" TEXT,
      "offer_code" TEXT,
      "caller_id" TEXT,
      "retry_rules" TEXT NOT NULL DEFAULT '{}',
      "status" TEXT NOT NULL CHECK ("status" IN ('active','paused','closed')),
      "created_by" TEXT NOT NULL,
      "created_at" TEXT NOT NULL
    )`);

    await q.query(`CREATE TABLE "leads" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "uid" TEXT NOT NULL UNIQUE,
      "campaign_id" INTEGER NOT NULL,
      "client_id" INTEGER NOT NULL,
      "e164" TEXT NOT NULL,
      "country" TEXT,
      "address_zone" TEXT,
      "state" TEXT NOT NULL CHECK ("state" IN ('due','held','callback','done','removed')),
      "due_at" TEXT,
      "held_reason" TEXT,
      "attempts" INTEGER NOT NULL DEFAULT 0,
      "last_result" TEXT,
      "last_attempt_at" TEXT,
      "owner" TEXT,
      "created_at" TEXT NOT NULL,
      CONSTRAINT "fk_leads_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "campaigns" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_leads_client_id" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE
    )`);
    // The next lead: the campaign's due ones, soonest first, without reading any other row.
    await q.query('CREATE INDEX "leads_next" ON "leads" ("campaign_id", "state", "due_at")');
    await q.query('CREATE UNIQUE INDEX "leads_number" ON "leads" ("campaign_id", "e164")');
    await q.query('CREATE INDEX "leads_client" ON "leads" ("client_id")');

    await q.query(`CREATE TABLE "lead_attempts" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "uid" TEXT NOT NULL UNIQUE,
      "lead_id" INTEGER NOT NULL,
      "e164" TEXT NOT NULL,
      "started_at" TEXT NOT NULL,
      "result" TEXT NOT NULL CHECK ("result" IN ('dialling','answered','noAnswer','busy','failed','machine','cutOff')),
      "interaction_id" INTEGER,
      "created_by" TEXT NOT NULL,
      CONSTRAINT "fk_lead_attempts_lead_id" FOREIGN KEY ("lead_id") REFERENCES "leads" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_lead_attempts_interaction_id" FOREIGN KEY ("interaction_id") REFERENCES "interactions" ("id") ON DELETE SET NULL
    )`);
    // Attempts on a number in the last N days, whatever campaign made them.
    await q.query('CREATE INDEX "lead_attempts_number" ON "lead_attempts" ("e164", "started_at")');
    await q.query('CREATE INDEX "lead_attempts_lead" ON "lead_attempts" ("lead_id")');

    await q.query(`CREATE TABLE "consents" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "uid" TEXT NOT NULL UNIQUE,
      "client_id" INTEGER NOT NULL,
      "scope" TEXT NOT NULL CHECK ("scope" IN ('advertising','service')),
      "source" TEXT NOT NULL,
      "given_at" TEXT NOT NULL,
      "withdrawn_at" TEXT,
      "recorded_by" TEXT NOT NULL,
      CONSTRAINT "fk_consents_client_id" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE
    )`);
    await q.query('CREATE INDEX "consents_client" ON "consents" ("client_id", "scope")');

    await q.query(`CREATE TABLE "dnc_entries" (
      "id" INTEGER PRIMARY KEY NOT NULL,
      "uid" TEXT NOT NULL UNIQUE,
      "level" TEXT NOT NULL CHECK ("level" IN ('global','campaign','product')),
      "client_id" INTEGER,
      "e164" TEXT,
      "campaign_id" INTEGER,
      "product_code" TEXT,
      "reason" TEXT NOT NULL DEFAULT '',
      "created_by" TEXT NOT NULL,
      "created_at" TEXT NOT NULL,
      CHECK ("client_id" IS NOT NULL OR "e164" IS NOT NULL),
      CHECK (("level" = 'campaign') = ("campaign_id" IS NOT NULL)),
      CHECK (("level" = 'product') = ("product_code" IS NOT NULL)),
      CONSTRAINT "fk_dnc_entries_client_id" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_dnc_entries_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "campaigns" ("id") ON DELETE CASCADE
    )`);
    await q.query('CREATE INDEX "dnc_entries_client" ON "dnc_entries" ("client_id")');
    await q.query('CREATE INDEX "dnc_entries_number" ON "dnc_entries" ("e164")');
    // A client marked do-not-call before lists existed keeps it: a global entry each.
    await q.query(`INSERT INTO "dnc_entries" ("uid", "level", "client_id", "reason", "created_by", "created_at")
      SELECT ${uuidv7From('"updated_at"')}, 'global', "id", 'client record', 'migration', "updated_at"
      FROM "clients" WHERE "do_not_call" = 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['dnc_entries', 'consents', 'lead_attempts', 'leads', 'campaigns'])
      await q.query(`DROP TABLE "${table}"`);
  }
}
