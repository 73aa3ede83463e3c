import { describe, expect, it } from 'vitest';
import { ClientSearch } from '../../../src-main/core/clients/clientSearch';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { clientQuerySchema } from '../../../src-shared/clients/clientSchemas';
import { insertClientAsBefore, upgradeTo } from './upgrade';

const at = '2026-12-05T09:00:00.000Z';

/** A version-5 base with a row in every table a client touches. */
function fillVersion5(db: PultDatabase): { clientId: number; otherId: number } {
  const made = {
    id: insertClientAsBefore(db, {
      fullName: "Мар'яна Ґудзь",
      phones: ['067 123 45 67', '044 222 33 44'],
      tags: ['VIP'],
    }),
  };
  const other = {
    id: insertClientAsBefore(db, { fullName: 'Петро Сидоренко', phones: ['0501112233'] }),
  };
  const run = (sql: string, ...params: unknown[]) =>
    Number(db.sqlite.prepare(sql).run(...params).lastInsertRowid);
  const job = run(
    "INSERT INTO import_jobs (started_at, file_name, status, rows_failed) VALUES (?, 'clients.csv', 'done', 2)",
    at,
  );
  run("INSERT INTO import_errors (job_id, line, reason) VALUES (?, 7, 'noName')", job);
  run("INSERT INTO import_errors (job_id, line, reason) VALUES (?, 9, 'badPhone')", job);
  db.sqlite.prepare('UPDATE clients SET import_job_id = ? WHERE id = ?').run(job, other.id);
  const call = run(
    "INSERT INTO interactions (client_id, kind, direction, offered_at) VALUES (?, 'call', 'inbound', ?)",
    made.id,
    at,
  );
  const reason = (
    db.sqlite.prepare("SELECT id FROM refusal_reasons WHERE code = 'tooExpensive'").get() as {
      id: number;
    }
  ).id;
  run(
    "INSERT INTO offers (client_id, interaction_id, offered_at, result, refusal_reason_id) VALUES (?, ?, ?, 'refused', ?)",
    made.id,
    call,
    at,
    reason,
  );
  run(
    "INSERT INTO callbacks (client_id, interaction_id, due_at, status, created_by, created_at, updated_at) VALUES (?, ?, ?, 'pending', 'op1', ?, ?)",
    made.id,
    call,
    at,
    at,
    at,
  );
  const order = run(
    "INSERT INTO orders (client_id, interaction_id, service_type, status, created_at, updated_at) VALUES (?, ?, 'internet', 'open', ?, ?)",
    made.id,
    call,
    at,
    at,
  );
  run(
    "INSERT INTO complaints (client_id, order_id, subject, status, created_at, updated_at) VALUES (?, ?, 'Немає звʼязку', 'open', ?, ?)",
    made.id,
    order,
    at,
    at,
  );
  run("INSERT INTO agent_state_events (at, actor, state) VALUES (?, 'op1', 'ready')", at);
  run('INSERT INTO search_backlog (first_id, last_id) VALUES (100, 199)');
  return { clientId: made.id, otherId: other.id };
}

const tableRows = (db: PultDatabase) =>
  Object.fromEntries(
    (
      db.sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'client_search%' ORDER BY name",
        )
        .all() as { name: string }[]
    ).map(({ name }) => [
      name,
      db.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all().map(withoutKey(name)),
    ]),
  );
// import_errors gains an id; the rest of its rows must stay as they were.
const withoutKey = (table: string) => (row: unknown) => {
  if (table !== 'import_errors') return row;
  const rest: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  delete rest.id;
  return rest;
};
const indexes = (db: PultDatabase) =>
  db.sqlite
    .prepare(
      "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();

describe('migration 6, from version 5', () => {
  it('keeps every row and index, names the foreign keys, and they, the cascades and the search still work', async () => {
    let before: ReturnType<typeof tableRows> = {};
    let indexesBefore: unknown[] = [];
    let ids = { clientId: 0, otherId: 0 };
    const db = await upgradeTo(6, (v5) => {
      ids = fillVersion5(v5);
      before = tableRows(v5);
      indexesBefore = indexes(v5);
    });
    try {
      const after = tableRows(db);
      delete after.migrations;
      delete before.migrations;
      expect(after).toEqual(before);
      expect(indexes(db)).toEqual(indexesBefore);
      expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);

      // Foreign keys, named: TypeORM finds them by these names.
      const phoneKeys = db.sqlite
        .prepare("SELECT sql FROM sqlite_master WHERE name = 'client_phones'")
        .pluck()
        .get() as string;
      expect(phoneKeys).toContain('CONSTRAINT "fk_client_phones_client_id" FOREIGN KEY');
      expect(
        db.sqlite
          .prepare("SELECT sql FROM sqlite_master WHERE name = 'interactions_client'")
          .pluck()
          .get(),
      ).toContain('"offered_at" DESC');
      expect(() =>
        db.sqlite
          .prepare("INSERT INTO client_phones (client_id, e164, raw) VALUES (999999, '+380', '0')")
          .run(),
      ).toThrow(/FOREIGN KEY/);
      const importErrorIds = db.sqlite.prepare('SELECT id FROM import_errors').pluck().all();
      expect(new Set(importErrorIds).size).toBe(2);

      // The search index still points at the same clients, and its triggers are back.
      const search = new ClientSearch(db.sqlite);
      const names = (text: string) =>
        search.find(clientQuerySchema.parse({ text })).items.map((item) => item.fullName);
      expect(names('маряна')).toEqual(["Мар'яна Ґудзь"]);
      expect(names('044222')).toEqual(["Мар'яна Ґудзь"]);
      insertClientAsBefore(db, { fullName: 'Нова Клієнтка' });
      expect(names('нова')).toEqual(['Нова Клієнтка']);

      // Deleting a client takes its phones, tags, offers, callbacks, orders and
      // complaints with it; its calls stay, without the client.
      db.sqlite.prepare('DELETE FROM clients WHERE id = ?').run(ids.clientId);
      const left = (table: string) =>
        db.sqlite
          .prepare(`SELECT count(*) FROM ${table} WHERE client_id = ?`)
          .pluck()
          .get(ids.clientId);
      for (const table of [
        'client_phones',
        'client_tags',
        'offers',
        'callbacks',
        'orders',
        'complaints',
      ])
        expect([table, left(table)]).toEqual([table, 0]);
      expect(db.sqlite.prepare('SELECT client_id FROM interactions').all()).toEqual([
        { client_id: null },
      ]);
      expect(names('маряна')).toEqual([]);

      // Deleting the import job clears it from the client it brought, and drops its errors.
      db.sqlite.prepare('DELETE FROM import_jobs').run();
      expect(
        db.sqlite
          .prepare('SELECT import_job_id FROM clients WHERE id = ?')
          .pluck()
          .get(ids.otherId),
      ).toBeNull();
      expect(db.sqlite.prepare('SELECT count(*) FROM import_errors').pluck().get()).toBe(0);
    } finally {
      await db.close();
    }
  });
});
