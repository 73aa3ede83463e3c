import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { CountryCode } from 'libphonenumber-js';
import iconv from 'iconv-lite';
import { ClientRowReader, isRowError, type ImportedClient } from './clientRowReader';
import { CsvRecordReader, type CsvRecord, type CsvRecordError } from './csvRecords';
import { ImportFileError, looksBinary } from './importFileError';
import type { ImportRowError, ImportSettings } from '../../../../src-shared/clients/importSchemas';
import type { TextEncoding } from '../../spreadsheets/textEncoding';
import { SpreadsheetError } from '../../spreadsheets/spreadsheetError';
import { xlsxRows } from '../../spreadsheets/xlsxRows';

/** A batch of checked rows, with the file's counters so far (all cumulative but `rows` and `errors`). */
export interface RowBatch {
  rows: ImportedClient[];
  errors: ImportRowError[];
  rowsRead: number;
  rowsFailed: number;
  bytesRead: number;
  /** Rows the bytes read so far hold, checked or not yet: the file's rows per byte. */
  rowsInRead: number;
}

export interface RowBatchRequest {
  file: string;
  settings: ImportSettings;
  region: CountryCode;
  batchSize: number;
}

export function decoderFor(encoding: TextEncoding): {
  write(chunk: Uint8Array): string;
  end(): string;
} {
  if (encoding === 'windows1251') {
    const decoder = iconv.getDecoder('win1251');
    return { write: (chunk) => decoder.write(Buffer.from(chunk)), end: () => decoder.end() ?? '' };
  }
  // TextDecoder drops the BOM and decodes UTF-8 about twice as fast as iconv's.
  const decoder = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-8');
  return {
    write: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  };
}

/**
 * Reads a client file and checks its rows: read, decode, split into records,
 * check each against the mapping. Bad rows become errors with their line and
 * column and never stop the reading.
 */
export async function* clientRowBatches(request: RowBatchRequest): AsyncGenerator<RowBatch> {
  const { file, settings, region, batchSize } = request;
  const csv = new CsvRecordReader(settings.delimiter);
  let rowReader: ClientRowReader | undefined;
  let batch: RowBatch = {
    rows: [],
    errors: [],
    rowsRead: 0,
    rowsFailed: 0,
    bytesRead: 0,
    rowsInRead: 0,
  };
  const next = (): RowBatch => ({ ...batch, rows: [], errors: [] });
  const source = settings.format === 'xlsx' ? xlsxChunks(file) : csvChunks(file, settings, csv);
  for await (const chunk of source) {
    batch.bytesRead = chunk.bytesRead;
    batch.rowsInRead += chunk.records.length + chunk.errors.length;
    for (const error of chunk.errors) {
      batch.rowsRead++;
      batch.rowsFailed++;
      batch.errors.push({ ...error, column: null });
    }
    for (const record of chunk.records) {
      if (rowReader === undefined) {
        const headers = record.fields.map((h) => h.trim());
        rowReader = new ClientRowReader(headers, settings.mapping, region, settings.listTag);
        csv.expectColumns(headers.length);
        continue;
      }
      batch.rowsRead++;
      const row = rowReader.read(record.line, record.fields);
      if (isRowError(row)) {
        batch.rowsFailed++;
        batch.errors.push(row);
      } else batch.rows.push(row);
      if (batch.rows.length >= batchSize) {
        yield batch;
        batch = next();
      }
    }
  }
  if (batch.rows.length > 0 || batch.errors.length > 0) yield batch;
}

interface Chunk {
  records: CsvRecord[];
  errors: CsvRecordError[];
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
      const text = decoder.write(chunk);
      // Checked at the start: random bytes would otherwise come in as thousands of junk clients.
      if (bytesRead === 0 && looksBinary(text)) throw new ImportFileError({ problem: 'notText' });
      bytesRead += chunk.length;
      yield { ...csv.push(text), bytesRead };
    }
  } finally {
    stream.destroy();
  }
  yield { ...csv.push(decoder.end()), bytesRead };
  yield { ...csv.finish(), bytesRead };
}

/**
 * An Excel sheet, streamed: rows are numbered as Excel numbers them, wholly
 * empty rows skipped; a sheet that cannot be read ends the import saying why.
 */
async function* xlsxChunks(file: string): AsyncGenerator<Chunk> {
  let records: CsvRecord[] = [];
  try {
    for await (const row of xlsxRows(file)) {
      records.push({ line: row.line, fields: row.cells });
      if (records.length >= 5000) {
        yield { records, errors: [], bytesRead: row.bytesRead };
        records = [];
      }
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw new ImportFileError({ problem: error.problem });
    throw error;
  }
  yield { records, errors: [], bytesRead: (await stat(file)).size };
}
