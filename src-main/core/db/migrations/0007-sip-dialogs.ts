import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An answered call keeps its SIP dialog (Call-ID, tags, URIs, remote target,
 * route set, CSeq) while it lasts, and loses it when it ends. A call the app
 * was killed during still has it at the next start, which ends the dialog at
 * the PBX with a BYE, so the caller is not left on a line nobody holds.
 */
export class SipDialogs1764230400007 implements MigrationInterface {
  name = 'SipDialogs1764230400007';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE interactions ADD COLUMN sip_dialog TEXT');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE interactions DROP COLUMN sip_dialog');
  }
}
