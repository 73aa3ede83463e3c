import { parse } from 'csv-parse/sync';
import { maxImportLineChars } from '../../../../src-shared/clients/importSchemas';
import type { Delimiter } from '../../spreadsheets/delimiterDetection';
import { excerpt } from './rowErrorDetail';
import { ImportFileError } from './importFileError';

export interface CsvRecord {
  line: number;
  fields: string[];
}
export interface CsvRecordError {
  line: number;
  reason: 'unbalancedQuotes';
  detail: string;
}

/** A quoted field may span lines, but not this many: past it, the quote was never closed. */
const maxLinesPerRecord = 50;
const maxRecordChars = 4 * 1024 * 1024;

/**
 * Turns decoded text into records, line numbers kept. Lines are grouped into a
 * record while a quoted field is open; a quote never closed within a few dozen
 * lines is reported on its own line and reading goes on at the next line, so
 * one stray quote cannot swallow the rest of the file. Lines without quotes are
 * split directly (that is exactly their CSV meaning); records with quotes go to
 * csv-parse.
 */
export class CsvRecordReader {
  private carry = '';
  private nextLine = 1;
  private pending: { startLine: number; lines: string[]; quotes: number } | undefined;
  private expectedColumns: number | undefined;

  constructor(private readonly delimiter: Delimiter) {}

  /**
   * Once the header is known: a record spanning lines must parse into one row
   * of this width, else its first line holds a stray quote that paired with a
   * later one, and the lines after it are read again on their own.
   */
  expectColumns(count: number): void {
    this.expectedColumns = count;
  }

  /**
   * Feeds a chunk of text; returns the records and errors it completed. A line
   * longer than `maxImportLineChars` ends the reading (ImportFileError): no row
   * of clients is that long, and carrying it on would cost time and memory
   * without end (a 64 MB file with no line break).
   */
  push(text: string): { records: CsvRecord[]; errors: CsvRecordError[] } {
    const records: CsvRecord[] = [];
    const errors: CsvRecordError[] = [];
    const data = this.carry + text;
    // The carry holds no line break: the search starts past it, so each character is looked at once.
    let start = 0;
    let from = this.carry.length;
    for (;;) {
      const end = data.indexOf('\n', from);
      if (end === -1) break;
      if (end - start > maxImportLineChars)
        throw new ImportFileError({ problem: 'lineTooLong', line: this.nextLine });
      this.takeLine(data.slice(start, end), records, errors);
      start = end + 1;
      from = start;
    }
    this.carry = data.slice(start);
    if (this.carry.length > maxImportLineChars)
      throw new ImportFileError({ problem: 'lineTooLong', line: this.nextLine });
    return { records, errors };
  }

  /** The end of the input: the last line without a newline, and any record still open. */
  finish(): { records: CsvRecord[]; errors: CsvRecordError[] } {
    const records: CsvRecord[] = [];
    const errors: CsvRecordError[] = [];
    if (this.carry !== '') this.takeLine(this.carry, records, errors);
    this.carry = '';
    while (this.pending !== undefined) this.giveUp(records, errors);
    return { records, errors };
  }

  private takeLine(raw: string, records: CsvRecord[], errors: CsvRecordError[]): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const number = this.nextLine++;
    const quotes = countQuotes(line);
    if (this.pending === undefined) {
      if (quotes === 0) {
        if (line.trim() !== '') records.push({ line: number, fields: line.split(this.delimiter) });
        return;
      }
      this.pending = { startLine: number, lines: [line], quotes };
    } else {
      this.pending.lines.push(line);
      this.pending.quotes += quotes;
    }
    const pending = this.pending;
    if (pending.quotes % 2 === 0) {
      const parsed = this.parseQuoted(pending.lines);
      const fits =
        parsed !== undefined &&
        (pending.lines.length === 1 ||
          this.expectedColumns === undefined ||
          (parsed.length === 1 && parsed[0]?.length === this.expectedColumns));
      if (fits) {
        this.pending = undefined;
        for (const fields of parsed) records.push({ line: pending.startLine, fields });
      } else if (parsed === undefined && pending.lines.length === 1) {
        this.pending = undefined;
        errors.push({
          line: pending.startLine,
          reason: 'unbalancedQuotes',
          detail: excerpt(pending.lines[0] ?? ''),
        });
      } else {
        this.giveUp(records, errors);
      }
    } else if (
      pending.lines.length >= maxLinesPerRecord ||
      pending.lines.reduce((n, l) => n + l.length, 0) > maxRecordChars
    ) {
      this.giveUp(records, errors);
    }
  }

  /** The open record's first line is bad; its other lines are read again on their own. */
  private giveUp(records: CsvRecord[], errors: CsvRecordError[]): void {
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    errors.push({
      line: pending.startLine,
      reason: 'unbalancedQuotes',
      detail: excerpt(pending.lines[0] ?? ''),
    });
    const rest = pending.lines.slice(1);
    const resume = this.nextLine;
    this.nextLine = pending.startLine + 1;
    for (const line of rest) this.takeLine(line, records, errors);
    this.nextLine = Math.max(this.nextLine, resume);
  }

  private parseQuoted(lines: string[]): string[][] | undefined {
    try {
      const rows: string[][] = parse(lines.join('\n'), {
        delimiter: this.delimiter,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
      });
      return rows;
    } catch {
      return undefined;
    }
  }
}

function countQuotes(line: string): number {
  let count = 0;
  let at = line.indexOf('"');
  while (at !== -1) {
    count++;
    at = line.indexOf('"', at + 1);
  }
  return count;
}
