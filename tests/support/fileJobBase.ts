import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileJobRunner } from '../../src-main/core/clients/fileJobs/fileJobRunner';
import type { JobDatabase } from '../../src-main/core/clients/fileJobs/fileJobTypes';
import type { PultDatabase } from '../../src-main/core/db/database';
import { newDatabaseKey } from '../../src-main/core/db/encryption';
import { silentLogger } from '../../src-main/core/platform/ports';
import { WorkerTempFolders } from '../../src-main/core/platform/workerTemp';
import { openTempDatabase } from './tempDatabase';

/**
 * File jobs as the app runs them: each on a worker thread of its own (the
 * TypeScript entry, through tsx), with its temporary folders under `label`.
 */
export function testFileJobs(label: string): FileJobRunner {
  return new FileJobRunner(
    path.resolve(import.meta.dirname, 'fileJobWorker.mjs'),
    silentLogger,
    new WorkerTempFolders(mkdtempSync(path.join(os.tmpdir(), `pult-${label}-temp-`))),
  );
}

/** An encrypted base in a folder of its own, and the base as a worker opens it. */
export async function encryptedTempBase(
  label: string,
): Promise<{ dir: string; db: PultDatabase; database: JobDatabase }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `pult-${label}-`));
  const key = newDatabaseKey();
  const file = path.join(dir, 'pult.sqlite');
  const db = await openTempDatabase(file, { key });
  return { dir, db, database: { file, key } };
}
