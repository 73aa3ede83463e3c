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
