import { stat } from 'node:fs/promises';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { CountryCode } from 'libphonenumber-js';
import { dropBulkLoadIndexes, restoreBulkLoadIndexes } from '../../db/bulkLoadIndexes';
import { recordChange } from '../../db/changeJournal';
import { WalCheckpointer, type CheckpointThread } from '../../db/walCheckpointer';
import type { Clock } from '../../platform/ports';
import { BulkClientWriter } from './bulkClientWriter';
import { clientRowBatches, type RowBatch } from './clientRowBatches';
import { ImportFileError } from './importFileError';
import {
  progressAtStart,
  type ImportProgress,
  type ImportSettings,
} from '../../../../src-shared/clients/importSchemas';
import { threadedRowBatches } from './rowBatchThread';

export interface ImportOptions {
  actor: string;
  region: CountryCode;
  clock: Clock;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** As soon as the job exists, before the first batch. */
  onStarted?: (jobId: number) => void;
  batchSize?: number;
  /**
   * The bundled clientRowThread: read and check the file on a thread of its
   * own while this one writes. Without it, both happen here, in turns.
   */
  rowThread?: string | URL;
  /** The bundled walCheckpointThread: a bulk load's WAL is copied into the file there, not between batches. */
  checkpointThread?: CheckpointThread;
}

/**
 * Imports a client CSV, streamed: read, decode, split into records, check each
 * row, write in batches. Bad rows are reported with their line and column and
 * never stop the import; each batch commits with the job's counters, so an
 * import cut off by a crash leaves whole batches and says what it imported.
 * Raw prepared statements: it runs in the import worker, on a connection of
 * its own without TypeORM (import.rowsPerSecond in `npm run bench`).
 */
export async function importClientsFromCsv(
  sqlite: BetterSqlite3.Database,
  file: string,
  settings: ImportSettings,
  options: ImportOptions,
): Promise<ImportProgress> {
  const { size } = await stat(file);
  const startedAt = options.clock.now().toISOString();
  const fileName = path.basename(file);
  const jobId = sqlite.transaction(() => {
    const id = Number(
      sqlite
        .prepare("INSERT INTO import_jobs (started_at, file_name, status) VALUES (?, ?, 'running')")
        .run(startedAt, fileName).lastInsertRowid,
    );
    recordChange(sqlite, {
      at: startedAt,
      actor: options.actor,
      action: 'clients.importStart',
      entity: 'importJob',
      entityId: id,
      details: { fileName, sizeBytes: size, duplicates: settings.duplicates },
      outbox: { op: 'insert', payload: { importJobId: id, fileName } },
    });
    return id;
  })();

  options.onStarted?.(jobId);
  let writer: BulkClientWriter | undefined;
  let checkpointer: WalCheckpointer | undefined;
  // Decided at the first batch; an object, so the checks after the loop see what write set.
  const load = { bulk: false };
  const progress = progressAtStart(jobId);
  // Small transactions: the app never waits long for the write lock, and at a million rows
  // 2,500 a batch imported faster than 5,000 or 20,000 (npm run bench -- import).
  const batchSize = options.batchSize ?? 2500;
  const request = { file, settings, region: options.region, batchSize };
  const batches =
    options.rowThread === undefined
      ? clientRowBatches(request)
      : threadedRowBatches(options.rowThread, request);

  const write = (batch: RowBatch) => {
    if (writer === undefined) {
      load.bulk = isBulkLoad(sqlite, batch.rowsInRead, batch.bytesRead, size);
      writer = new BulkClientWriter(
        sqlite,
        jobId,
        settings.duplicates,
        options.actor,
        load.bulk,
        settings.listTag,
      );
      if (load.bulk) dropBulkLoadIndexes(sqlite);
      if (load.bulk && options.checkpointThread !== undefined)
        checkpointer = new WalCheckpointer(sqlite, options.checkpointThread);
    }
    const counts = writer.write(
      batch.rows,
      { rowsRead: batch.rowsRead, rowsFailed: batch.rowsFailed, newErrors: batch.errors },
      options.clock.now().toISOString(),
    );
    progress.rowsRead = batch.rowsRead;
    progress.rowsFailed = batch.rowsFailed;
    progress.rowsImported += counts.imported;
    progress.rowsMerged += counts.merged;
    progress.rowsSkipped += counts.skipped;
    progress.fraction = size === 0 ? 1 : Math.min(1, batch.bytesRead / size);
    checkpointer?.committed();
    options.onProgress?.({ ...progress });
  };
  /** After the last batch: the indexes back, their pages copied too, the writer checkpointing again. */
  const endBulkLoad = () => {
    if (!load.bulk) return;
    try {
      restoreBulkLoadIndexes(sqlite);
      checkpointer?.committed();
    } finally {
      checkpointer?.stop();
    }
  };

  try {
    for await (const batch of batches) {
      write(batch);
      if (options.signal?.aborted === true) break;
    }
    progress.status = options.signal?.aborted === true ? 'cancelled' : 'done';
  } catch (error) {
    progress.status = 'failed';
    if (error instanceof ImportFileError) progress.fileProblem = error.fileProblem;
    endBulkLoad();
    finish(sqlite, progress, options, fileName, String(error));
    // The operator hears of it as of every other end of the import, with the reason.
    options.onProgress?.({ ...progress });
    throw error;
  }
  endBulkLoad();
  progress.fraction = progress.status === 'done' ? 1 : progress.fraction;
  finish(sqlite, progress, options, fileName);
  options.onProgress?.({ ...progress });
  return progress;
}

/** Rows past which dropping and rebuilding indexes beats keeping them (see bulkLoadIndexes). */
const bulkLoadRows = 50_000;

/**
 * A bulk load is one expected to bring more clients than the base holds, and
 * many: estimated from the first batch's rows per byte.
 */
function isBulkLoad(
  sqlite: BetterSqlite3.Database,
  rowsInRead: number,
  bytesRead: number,
  size: number,
): boolean {
  const expected = bytesRead === 0 ? rowsInRead : (rowsInRead * size) / bytesRead;
  if (expected < bulkLoadRows) return false;
  const { clients } = sqlite.prepare('SELECT count(*) AS clients FROM clients').get() as {
    clients: number;
  };
  return expected > clients;
}

function finish(
  sqlite: BetterSqlite3.Database,
  progress: ImportProgress,
  options: ImportOptions,
  fileName: string,
  problem?: string,
): void {
  const at = options.clock.now().toISOString();
  sqlite.transaction(() => {
    sqlite
      .prepare('UPDATE import_jobs SET status = ?, finished_at = ? WHERE id = ?')
      .run(progress.status, at, progress.jobId);
    recordChange(sqlite, {
      at,
      actor: options.actor,
      action: 'clients.importFinish',
      entity: 'importJob',
      entityId: progress.jobId,
      details: {
        fileName,
        status: progress.status,
        rowsRead: progress.rowsRead,
        rowsImported: progress.rowsImported,
        rowsMerged: progress.rowsMerged,
        rowsSkipped: progress.rowsSkipped,
        rowsFailed: progress.rowsFailed,
        ...(problem === undefined ? {} : { problem }),
      },
      outbox: { op: 'update', payload: { importJobId: progress.jobId, status: progress.status } },
    });
  })();
}
