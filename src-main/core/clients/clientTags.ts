import type BetterSqlite3 from 'better-sqlite3';

/**
 * Links tags to a client by name, creating the tags that do not exist yet.
 * Raw prepared statements: the import worker links tags for a million rows
 * on its own connection, without TypeORM.
 */
export function linkClientTags(
  sqlite: BetterSqlite3.Database,
  clientId: number,
  tags: readonly string[],
): void {
  if (tags.length === 0) return;
  const upsert = sqlite.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING');
  const find = sqlite.prepare<[string], { id: number }>('SELECT id FROM tags WHERE name = ?');
  const link = sqlite.prepare(
    'INSERT OR IGNORE INTO client_tags (client_id, tag_id) VALUES (?, ?)',
  );
  for (const tag of tags) {
    upsert.run(tag);
    const row = find.get(tag);
    if (row !== undefined) link.run(clientId, row.id);
  }
}
