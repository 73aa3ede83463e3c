import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenOptions, type PultDatabase } from '../../src-main/core/db/database';
import { silentLogger } from '../../src-main/core/platform/ports';

/** A real database file in a fresh temp folder. */
export function tempDatabaseFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-db-')), 'pult.sqlite');
}

export async function openTempDatabase(
  file = tempDatabaseFile(),
  options: Partial<OpenOptions> = {},
): Promise<PultDatabase> {
  return openDatabase(file, { logger: silentLogger, ...options });
}
