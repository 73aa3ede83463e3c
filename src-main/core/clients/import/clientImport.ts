import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import iconv from 'iconv-lite';
import { readSheet } from 'read-excel-file/node';
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
  format: 'csv' | 'xlsx';
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
    format: 'csv',
    encoding,
    delimiter,
    headers,
    sampleRows: records.slice(1, 11).map((r) => r.fields),
    suggestedMapping: guessColumnMapping(headers),
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
    const source = settings.format === 'xlsx' ? xlsxChunks(file) : csvChunks(file, settings, csv);
    for await (const chunk of source) {
      if (options.signal?.aborted === true) break;
      bytesRead = chunk.bytesRead;
      take(chunk.records, chunk.errors);
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

interface Chunk {
  records: CsvRecord[];
  errors: { line: number; reason: 'unbalancedQuotes'; detail: string }[];
  bytesRead: number;
}

async function* csvChunks(
  file: string,
  settings: ImportSettings,
  csv: CsvRecordReader,
): AsyncGenerator<Chunk> {
  const decoder = decoderFor(settings.encoding);
  const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      yield { ...csv.push(decoder.write(chunk)), bytesRead };
    }
  } finally {
    stream.destroy();
  }
  yield { ...csv.push(decoder.end()), bytesRead };
  yield { ...csv.finish(), bytesRead };
}

/** An Excel sheet: rows are numbered as Excel numbers them; wholly empty rows are skipped. */
async function* xlsxChunks(file: string): AsyncGenerator<Chunk> {
  const { size } = await stat(file);
  const rows = await readSheet(file);
  const step = 5000;
  for (let at = 0; at < rows.length; at += step) {
    const records = rows
      .slice(at, at + step)
      .map((row, index) => ({ line: at + index + 1, fields: row.map(cellText) }))
      .filter((record) => record.fields.some((field) => field.trim() !== ''));
    yield {
      records,
      errors: [],
      bytesRead: Math.round((size * Math.min(rows.length, at + step)) / rows.length),
    };
  }
}

/** Excel keeps phone numbers as numbers (losing the leading 0, which the phone reader restores). */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return JSON.stringify(cell);
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
