import { describe, expect, it } from 'vitest';
import { openAtVersion } from './upgrade';

describe('migration 1, on an empty file', () => {
  it('creates the schema on an empty file; the search index follows inserts', async () => {
    const db = await openAtVersion(1);
    try {
      const now = new Date().toISOString();
      const id = db.sqlite
        .prepare(
          'INSERT INTO clients (full_name, city, created_at, updated_at) VALUES (?, ?, ?, ?)',
        )
        .run("Мар'яна Ґудзь", 'Львів', now, now).lastInsertRowid;
      db.sqlite
        .prepare(
          'INSERT INTO client_phones (client_id, e164, raw, search_tokens) VALUES (?, ?, ?, ?)',
        )
        .run(id, '+380671234567', '067 123 45 67', '380671234567 0671234567 671234567');
      const found = (q: string) =>
        db.sqlite.prepare('SELECT rowid FROM client_search WHERE client_search MATCH ?').all(q);
      expect(found('"марянa"*')).toEqual([]);
      expect(found('"маряна"*')).toEqual([{ rowid: Number(id) }]);
      expect(found('"ҐУДЗЬ"')).toEqual([{ rowid: Number(id) }]);
      expect(found('phones : 067123*')).toEqual([{ rowid: Number(id) }]);
      db.sqlite.prepare('DELETE FROM clients WHERE id = ?').run(id);
      expect(found('"ґудзь"')).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
