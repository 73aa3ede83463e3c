import { linkClientTags } from '../../../src-main/core/clients/clientTags';
import { nameSortKey } from '../../../src-main/core/clients/nameSortKey';
import { normalizePhone } from '../../../src-main/core/phones/phoneNumbers';
import { migrations } from '../../../src-main/core/db/migrations';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { openTempDatabase, tempDatabaseFile } from '../../support/tempDatabase';

/** A base at `version` (the first `version` migrations), in a fresh file. */
export function openAtVersion(version: number, file = tempDatabaseFile()): Promise<PultDatabase> {
  return openTempDatabase(file, { migrations: migrations.slice(0, version) });
}

/**
 * Migration `version` tried as an upgrade does it: a base at the version
 * before, filled by `before`, closed, then opened with one more migration.
 */
export async function upgradeTo(
  version: number,
  before: (db: PultDatabase) => void | Promise<void>,
): Promise<PultDatabase> {
  const file = tempDatabaseFile();
  const older = await openAtVersion(version - 1, file);
  try {
    await before(older);
  } finally {
    await older.close();
  }
  return openAtVersion(version, file);
}

/**
 * A client written as the app wrote it before team mode (no uid column yet):
 * the row, its phones with their search forms, its tags. Raw SQL, so a base
 * of an older version can be filled whatever the editor writes today.
 */
export function insertClientAsBefore(
  db: PultDatabase,
  client: { fullName: string; phones?: string[]; tags?: string[] },
  at = '2026-11-27T10:00:00.000Z',
): number {
  const id = Number(
    db.sqlite
      .prepare(
        'INSERT INTO clients (full_name, sort_key, created_at, updated_at) VALUES (?, ?, ?, ?)',
      )
      .run(client.fullName, nameSortKey(client.fullName), at, at).lastInsertRowid,
  );
  for (const raw of client.phones ?? []) {
    const phone = normalizePhone(raw, 'UA');
    if (!phone.ok) throw new Error(`not a phone: ${raw}`);
    db.sqlite
      .prepare(
        'INSERT INTO client_phones (client_id, e164, raw, search_tokens) VALUES (?, ?, ?, ?)',
      )
      .run(id, phone.e164, raw, phone.searchTokens);
  }
  linkClientTags(db.sqlite, id, client.tags ?? []);
  return id;
}
