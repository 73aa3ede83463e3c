import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { recordChange } from '../../db/changeJournal';
import type { Clock } from '../../platform/ports';
import { importReportCsv } from '../import/importReport';
import type { ImportRowError } from '../../../../src-shared/clients/importSchemas';
import { storedErrorLimit } from '../../../../src-shared/clients/importSchemas';
import type { FileJob } from './fileJobTypes';

/**
 * Writes the rows an import could not take to the file the operator chose,
 * and audits it: the report holds the values as found in the file (phones and
 * e-mails among them), so who saved it where is journaled like an export.
 * Raw SQL: it runs on the file worker's own connection, which has no TypeORM.
 */
export async function saveImportReport(
  sqlite: BetterSqlite3.Database,
  job: Extract<FileJob, { task: 'importReport' }>,
  clock: Clock,
): Promise<number> {
  const errors = sqlite
    .prepare<[number, number], ImportRowError>(
      `SELECT line, column_name AS "column", reason, detail FROM import_errors
       WHERE job_id = ? ORDER BY line LIMIT ?`,
    )
    .all(job.jobId, storedErrorLimit);
  await writeFile(job.file, importReportCsv(errors, job.strings));
  const at = clock.now().toISOString();
  sqlite.transaction(() => {
    recordChange(sqlite, {
      at,
      actor: job.actor,
      action: 'import.reportSave',
      entity: 'importJob',
      entityId: job.jobId,
      details: { rows: errors.length, fileName: path.basename(job.file) },
      outbox: {
        op: 'insert',
        payload: { importReport: { jobId: job.jobId, rows: errors.length, at } },
      },
    });
  })();
  return errors.length;
}
