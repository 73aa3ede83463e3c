import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search index may lag behind a bulk import: the import commits clients
 * (with their phones, so caller ID works at once) and records their id range
 * in search_backlog; a background indexer then writes their search rows range
 * by range, removing each range in the same transaction.
 *
 * The triggers stay as they are. An edit to a client still in the backlog is
 * indexed by its trigger and then again, identically, by the indexer: FTS5
 * keeps one row per rowid for a contentless_delete table, so the second write
 * only repeats the first (searchBacklog.test shows edits made meanwhile found
 * as they stand, and one search row a client).
 */
export class SearchBacklog1764230400005 implements MigrationInterface {
  name = 'SearchBacklog1764230400005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE search_backlog (
      id INTEGER PRIMARY KEY,
      first_id INTEGER NOT NULL,
      last_id INTEGER NOT NULL,
      CHECK (first_id <= last_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE search_backlog');
  }
}
