import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  guessColumnMapping,
  type ColumnMapping,
} from '../../../../src-shared/clients/columnMapping';
import type {
  ImportFileProblem,
  ImportSettings,
} from '../../../../src-shared/clients/importSchemas';
import { SpreadsheetError } from '../../spreadsheets/spreadsheetError';
import { xlsxRows } from '../../spreadsheets/xlsxRows';
import { decoderFor } from './clientRowBatches';
import { CsvRecordReader } from './csvRecords';
import { detectDelimiter, type Delimiter } from '../../spreadsheets/delimiterDetection';
import { looksBinary } from './importFileError';
import { detectEncoding, type TextEncoding } from '../../spreadsheets/textEncoding';

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
  if (await isXlsx(file)) return previewXlsx(file);
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

/** The header and ten rows of the first sheet: the sheet is read no further. */
async function previewXlsx(file: string): Promise<ImportFilePreview> {
  const base = {
    fileName: path.basename(file),
    sizeBytes: (await stat(file)).size,
    format: 'xlsx' as const,
    encoding: 'utf8' as const,
    delimiter: ';' as const,
  };
  const rows: string[][] = [];
  try {
    for await (const row of xlsxRows(file)) {
      rows.push(row.cells);
      if (rows.length > 10) break;
    }
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    return {
      ...base,
      headers: [],
      sampleRows: [],
      suggestedMapping: [],
      problem: { problem: error.problem },
    };
  }
  const headers = (rows[0] ?? []).map((cell) => cell.trim());
  return {
    ...base,
    headers,
    sampleRows: rows.slice(1),
    suggestedMapping: guessColumnMapping(headers),
    ...(rows.length < 2 ? { problem: { problem: 'noRows' as const } } : {}),
  };
}
