import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import iconv from 'iconv-lite';
import type { CountryCode } from 'libphonenumber-js';
import { recordChange } from '../../db/changeJournal';
import type { Clock } from '../../platform/ports';
import { BulkClientWriter } from './bulkClientWriter';
import { ClientRowReader, isRowError, type ImportedClient } from './clientRowReader';
import { guessColumnMapping, type ColumnMapping } from './columnMapping';
import { CsvRecordReader, type CsvRecord } from './csvRecords';
import { detectDelimiter, type Delimiter } from './delimiterDetection';
import type { ImportProgress, ImportRowError, ImportSettings } from './importSchemas';
import { detectEncoding, type TextEncoding } from './textEncoding';

export interface ImportFilePreview {
  fileName: string;
  sizeBytes: number;
  encoding: TextEncoding;
  delimiter: Delimiter;
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: ColumnMapping;
}

const sampleBytes = 256 * 1024;

function decoderFor(encoding: TextEncoding): { write(chunk: Buffer): string; end(): string } {
  const decoder = iconv.getDecoder(
    encoding === 'windows1251' ? 'win1251' : encoding === 'utf16le' ? 'utf16le' : 'utf8',
  );
  let first = true;
  return {
    write(chunk) {
      let text = decoder.write(chunk);
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      return text;
    },
    end: () => decoder.end() ?? '',
  };
}

/** What the operator sees before importing: encoding, delimiter, columns, a few rows, a mapping guess. */
export async function previewImportFile(file: string): Promise<ImportFilePreview> {
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
  const complete = sample.length < sampleBytes ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  const delimiter = detectDelimiter(complete);
  const reader = new CsvRecordReader(delimiter);
  const first = reader.push(complete);
  const records = [
    ...first.records,
    ...(sample.length < sampleBytes ? reader.finish().records : []),
  ];
  const headers = records[0]?.fields.map((h) => h.trim()) ?? [];
  return {
    fileName: path.basename(file),
    sizeBytes: (await stat(file)).size,
    encoding,
    delimiter,
    headers,
    sampleRows: records.slice(1, 11).map((r) => r.fields),
    suggestedMapping: guessColumnMapping(headers),
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
}

/**
 * Imports a client CSV, streamed: read, decode, split into records, check each
 * row, write in batches. Bad rows are reported with their line and column and
 * never stop the import; each batch commits with the job's counters, so an
 * import cut off by a crash leaves whole batches and says what it imported.
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
  const writer = new BulkClientWriter(sqlite, jobId, settings.duplicates, options.actor);
  const progress: ImportProgress = {
    jobId,
    status: 'running',
    fraction: 0,
    rowsRead: 0,
    rowsImported: 0,
    rowsMerged: 0,
    rowsSkipped: 0,
    rowsFailed: 0,
  };
  const batchSize = options.batchSize ?? 5000;
  let batch: ImportedClient[] = [];
  let errors: ImportRowError[] = [];
  let rowReader: ClientRowReader | undefined;
  let bytesRead = 0;
  const csv = new CsvRecordReader(settings.delimiter);

  const flush = () => {
    if (batch.length === 0 && errors.length === 0) return;
    const counts = writer.write(
      batch,
      { rowsRead: progress.rowsRead, rowsFailed: progress.rowsFailed, newErrors: errors },
      options.clock.now().toISOString(),
    );
    progress.rowsImported += counts.imported;
    progress.rowsMerged += counts.merged;
    progress.rowsSkipped += counts.skipped;
    progress.fraction = size === 0 ? 1 : Math.min(1, bytesRead / size);
    batch = [];
    errors = [];
    options.onProgress?.({ ...progress });
  };
  const take = (
    records: CsvRecord[],
    recordErrors: { line: number; reason: 'unbalancedQuotes'; detail: string }[],
  ) => {
    for (const error of recordErrors) {
      progress.rowsRead++;
      progress.rowsFailed++;
      errors.push({ ...error, column: null });
    }
    for (const record of records) {
      if (rowReader === undefined) {
        rowReader = new ClientRowReader(
          record.fields.map((h) => h.trim()),
          settings.mapping,
          options.region,
        );
        continue;
      }
      progress.rowsRead++;
      const row = rowReader.read(record.line, record.fields);
      if (isRowError(row)) {
        progress.rowsFailed++;
        errors.push(row);
      } else batch.push(row);
      if (batch.length >= batchSize) flush();
    }
  };

  try {
    const decoder = decoderFor(settings.encoding);
    const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted === true) {
        stream.destroy();
        break;
      }
      bytesRead += chunk.length;
      const { records: done, errors: bad } = csv.push(decoder.write(chunk));
      take(done, bad);
    }
    if (options.signal?.aborted !== true) {
      const tail = csv.push(decoder.end());
      take(tail.records, tail.errors);
      const last = csv.finish();
      take(last.records, last.errors);
    }
    flush();
    progress.status = options.signal?.aborted === true ? 'cancelled' : 'done';
  } catch (error) {
    progress.status = 'failed';
    flush();
    finish(sqlite, progress, options, fileName, String(error));
    throw error;
  }
  progress.fraction = progress.status === 'done' ? 1 : progress.fraction;
  finish(sqlite, progress, options, fileName);
  options.onProgress?.({ ...progress });
  return progress;
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
