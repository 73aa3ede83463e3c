import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { readSheet } from 'read-excel-file/node';
import type { CountryCode } from 'libphonenumber-js';
import { dropBulkLoadIndexes, restoreBulkLoadIndexes } from '../../db/bulkLoadIndexes';
import { recordChange } from '../../db/changeJournal';
import { WalCheckpointer, type CheckpointThread } from '../../db/walCheckpointer';
import type { Clock } from '../../platform/ports';
import { BulkClientWriter } from './bulkClientWriter';
import { cellText, clientRowBatches, decoderFor, type RowBatch } from './clientRowBatches';
import {
  guessColumnMapping,
  type ColumnMapping,
} from '../../../../src-shared/clients/columnMapping';
import { CsvRecordReader } from './csvRecords';
import { detectDelimiter, type Delimiter } from './delimiterDetection';
import { ImportFileError, looksBinary } from './importFileError';
import {
  progressAtStart,
  type ImportFileProblem,
  type ImportProgress,
  type ImportSettings,
} from '../../../../src-shared/clients/importSchemas';
import { threadedRowBatches } from './rowBatchThread';
import { detectEncoding, type TextEncoding } from './textEncoding';

export interface ImportFilePreview {
  fileName: string;
  sizeBytes: number;
  format: 'csv' | 'xlsx';
  encoding: TextEncoding;
  delimiter: Delimiter;
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: ColumnMapping;
  problem?: ImportFileProblem;
}

const sampleBytes = 256 * 1024;

/** What the operator sees before importing: encoding, delimiter, columns, a few rows, a mapping guess. */
export async function previewImportFile(file: string): Promise<ImportFilePreview> {
  if (await isXlsx(file)) {
    const rows = (await readSheet(file)).filter((row) => row.some((cell) => cellText(cell) !== ''));
    const headers = (rows[0] ?? []).map((cell) => cellText(cell).trim());
    return {
      fileName: path.basename(file),
      sizeBytes: (await stat(file)).size,
      format: 'xlsx',
      encoding: 'utf8',
      delimiter: ';',
      headers,
      sampleRows: rows.slice(1, 11).map((row) => row.map(cellText)),
      suggestedMapping: guessColumnMapping(headers),
    };
  }
  const handle = await open(file, 'r');
  let sample: Buffer;
  try {
    const buffer = Buffer.alloc(sampleBytes);
    const { bytesRead } = await handle.read(buffer, 0, sampleBytes, 0);
    sample = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const encoding = detectEncoding(sample);
  const text = decoderFor(encoding).write(sample);
  const whole = sample.length < sampleBytes;
  const complete = whole ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  const delimiter = detectDelimiter(complete);
  const base = {
    fileName: path.basename(file),
    sizeBytes: (await stat(file)).size,
    format: 'csv' as const,
    encoding,
    delimiter,
  };
  if (looksBinary(text)) {
    return {
      ...base,
      headers: [],
      sampleRows: [],
      suggestedMapping: [],
      problem: { problem: 'notText' },
    };
  }
  const reader = new CsvRecordReader(delimiter);
  const first = reader.push(complete);
  const records = [...first.records, ...(whole ? reader.finish().records : [])];
  const headers = records[0]?.fields.map((h) => h.trim()) ?? [];
  // Rows the preview could not reach are said as such, never shown as an empty table.
  const problem: ImportFileProblem | undefined =
    !whole && records.length < 2
      ? { problem: 'lineTooLong', line: (records.at(-1)?.line ?? 0) + 1 }
      : records.length < 2
        ? { problem: 'noRows' }
        : undefined;
  return {
    ...base,
    headers,
    sampleRows: records.slice(1, 11).map((r) => r.fields),
    suggestedMapping: guessColumnMapping(headers),
    ...(problem === undefined ? {} : { problem }),
  };
}

/** The import settings the preview suggests: detected format, encoding and delimiter, guessed mapping. */
export function suggestedSettings(
  preview: ImportFilePreview,
  duplicates: ImportSettings['duplicates'],
): ImportSettings {
  return {
    format: preview.format,
    encoding: preview.encoding,
    delimiter: preview.delimiter,
    mapping: preview.suggestedMapping,
    duplicates,
  };
}

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
      writer = new BulkClientWriter(sqlite, jobId, settings.duplicates, options.actor, load.bulk);
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

/** An XLSX file is a zip archive: it starts with "PK\x03\x04". */
async function isXlsx(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    await handle.close();
  }
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
