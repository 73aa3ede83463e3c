import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every change of the operator's state, with its time: the base of the performance sheet. */
export class AgentStateEvents1764230400003 implements MigrationInterface {
  name = 'AgentStateEvents1764230400003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE agent_state_events (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('ready','notReady','onCall','wrapUp')),
      reason TEXT
    )`);
    await q.query('CREATE INDEX agent_state_events_at ON agent_state_events(at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE agent_state_events');
  }
}
