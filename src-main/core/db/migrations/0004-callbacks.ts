import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Callbacks the operator promised: who, when, from which call, and whether it was done. */
export class Callbacks1764230400004 implements MigrationInterface {
  name = 'Callbacks1764230400004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE callbacks (
      id INTEGER PRIMARY KEY,
      client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
      due_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending','done','cancelled')),
      note TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query('CREATE INDEX callbacks_due ON callbacks(status, due_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE callbacks');
  }
}
