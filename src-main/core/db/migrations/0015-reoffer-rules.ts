import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A re-offer rule on a list: the clients who refused with this reason
 * ("дорого") are called with the list's offer as soon as that offer (a tariff
 * of the knowledge base) comes into force; `built_at` says when the list was
 * last built, so a rule builds its list once.
 */
export class ReofferRules1764230400015 implements MigrationInterface {
  name = 'ReofferRules1764230400015';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "campaigns" ADD COLUMN "reoffer_reason" TEXT');
    await q.query('ALTER TABLE "campaigns" ADD COLUMN "built_at" TEXT');
    // Lists built before this version: the time of their first lead.
    await q.query(`UPDATE "campaigns" SET "built_at" =
      (SELECT min("created_at") FROM "leads" WHERE "leads"."campaign_id" = "campaigns"."id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "campaigns" DROP COLUMN "built_at"');
    await q.query('ALTER TABLE "campaigns" DROP COLUMN "reoffer_reason"');
  }
}
