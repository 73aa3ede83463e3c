import { readFile, stat } from 'node:fs/promises';
import type BetterSqlite3 from 'better-sqlite3';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { detectEncoding } from '../spreadsheets/textEncoding';
import { detectDelimiter } from '../spreadsheets/delimiterDetection';
import { xlsxRows } from '../spreadsheets/xlsxRows';
import { operatorKey } from './operatorKey';

/** A schedule for a team for weeks is a few thousand rows; anything far larger is no schedule. */
const maxBytes = 10 * 1024 * 1024;
const maxRows = 50_000;

export interface ScheduleShift {
  operator: string;
  day: string;
  from: string;
  to: string;
  breaks: { from: string; to: string }[];
}
export interface ScheduleRead {
  shifts: ScheduleShift[];
  staffing: { day: string; shortStaffed: boolean }[];
  /** Rows that could not be read, with their line and why; the rest are taken. */
  problems: { line: number; problem: string }[];
}

export class ScheduleFileError extends Error {
  constructor(readonly problem: 'scheduleTooLarge' | 'scheduleColumnsMissing' | 'scheduleEmpty') {
    super(problem);
    this.name = 'ScheduleFileError';
  }
}

/** Column names as supervisors write them, in Ukrainian or English, any case. */
const columns = {
  operator: ['оператор', 'співробітник', 'працівник', 'піб', 'operator', 'agent', 'login', 'логін'],
  day: ['дата', 'день', 'date', 'day'],
  from: ['початок', 'з', 'start', 'from', 'початок зміни'],
  to: ['кінець', 'до', 'end', 'to', 'кінець зміни'],
  breaks: ['перерви', 'перерва', 'breaks', 'break'],
  shortStaffed: [
    'нестача',
    'мало людей',
    'нестача персоналу',
    'short-staffed',
    'short staffed',
    'short',
  ],
} as const;
type Column = keyof typeof columns;

const clean = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** 2026-12-08, 08.12.2026, 8/12/2026 → 2026-12-08; anything else is no day. */
export function scheduleDay(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m !== null) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m !== null) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}
function valid(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** 9:00, 09.00, 0900 → 09:00. */
export function scheduleClock(text: string): string | undefined {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (m === null) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

const yes = new Set(['так', 'yes', '1', '+', 'true', 'x', 'х', 'да']);
const dayOffWords = new Set(['вихідний', 'вих', 'day off', 'off', 'відпустка', '-']);

/** The rows of a CSV or XLSX file as text, with their line numbers. */
async function tableRows(file: string): Promise<{ line: number; cells: string[] }[]> {
  if ((await stat(file)).size > maxBytes) throw new ScheduleFileError('scheduleTooLarge');
  if (/\.xlsx$/i.test(file)) {
    const rows: { line: number; cells: string[] }[] = [];
    for await (const row of xlsxRows(file)) {
      rows.push({ line: row.line, cells: row.cells });
      if (rows.length > maxRows) throw new ScheduleFileError('scheduleTooLarge');
    }
    return rows;
  }
  const bytes = await readFile(file);
  const encoding = detectEncoding(bytes.subarray(0, 64 * 1024));
  const text =
    encoding === 'windows1251'
      ? iconv.decode(bytes, 'win1251')
      : new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-8').decode(bytes);
  const records = parse(text, {
    delimiter: detectDelimiter(text.slice(0, 64 * 1024)),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (records.length > maxRows) throw new ScheduleFileError('scheduleTooLarge');
  return records.map((r) => ({ line: r.info.lines, cells: r.record }));
}

/**
 * The supervisors' schedule as they keep it (CSV from any spreadsheet, in
 * UTF-8 or Windows-1251, or XLSX): one row an operator's day, with its start,
 * end and breaks ("13:00-13:30; 16:00-16:10"), "вихідний" for a day off, and
 * a mark for the days the center is short of people. The header is found by
 * its column names in the first rows; a row that cannot be read is reported
 * with its line and the rest are taken.
 */
export async function readScheduleFile(file: string): Promise<ScheduleRead> {
  const rows = await tableRows(file);
  let header: Partial<Record<Column, number>> | undefined;
  let headerIndex = -1;
  for (const [index, row] of rows.slice(0, 20).entries()) {
    const found: Partial<Record<Column, number>> = {};
    row.cells.forEach((cell, i) => {
      const name = clean(cell);
      for (const column of Object.keys(columns) as Column[])
        if (found[column] === undefined && (columns[column] as readonly string[]).includes(name))
          found[column] = i;
    });
    if (
      found.day !== undefined &&
      (found.operator !== undefined || found.shortStaffed !== undefined)
    ) {
      header = found;
      headerIndex = index;
      break;
    }
  }
  if (header === undefined) throw new ScheduleFileError('scheduleColumnsMissing');
  const read: ScheduleRead = { shifts: [], staffing: [], problems: [] };
  const cell = (cells: string[], column: Column) => {
    const at = header[column];
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
  for (const row of rows.slice(headerIndex + 1)) {
    const day = scheduleDay(cell(row.cells, 'day'));
    if (day === undefined) {
      read.problems.push({ line: row.line, problem: 'day' });
      continue;
    }
    if (header.shortStaffed !== undefined && yes.has(clean(cell(row.cells, 'shortStaffed'))))
      read.staffing.push({ day, shortStaffed: true });
    const operator = cell(row.cells, 'operator');
    if (operator === '') continue;
    const startText = cell(row.cells, 'from');
    if (dayOffWords.has(clean(startText)) || startText === '') continue;
    const from = scheduleClock(startText);
    const to = scheduleClock(cell(row.cells, 'to'));
    if (from === undefined || to === undefined) {
      read.problems.push({ line: row.line, problem: 'time' });
      continue;
    }
    const breaks: ScheduleShift['breaks'] = [];
    let broken = false;
    for (const part of cell(row.cells, 'breaks').split(/[;,]/)) {
      if (part.trim() === '') continue;
      const [a, b] = part.split(/[-–—]/).map((t) => scheduleClock(t));
      if (a === undefined || b === undefined) broken = true;
      else breaks.push({ from: a, to: b });
    }
    if (broken) {
      read.problems.push({ line: row.line, problem: 'breaks' });
      continue;
    }
    read.shifts.push({ operator, day, from, to, breaks });
  }
  if (read.shifts.length === 0 && read.staffing.length === 0)
    throw new ScheduleFileError('scheduleEmpty');
  return read;
}

/**
 * Takes a schedule into the base in one transaction: each operator's day is
 * replaced by the file's, and the file's short-staffed days marked. A day
 * the file does not name keeps what an earlier file gave it.
 */
export function applySchedule(
  sqlite: BetterSqlite3.Database,
  read: ScheduleRead,
  source: string,
  at: string,
): void {
  const shift = sqlite.prepare(
    `INSERT INTO shifts (operator, day, starts_at, ends_at, breaks, source, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (operator, day) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at,
       breaks = excluded.breaks, source = excluded.source, loaded_at = excluded.loaded_at`,
  );
  const staffing = sqlite.prepare(
    `INSERT INTO staffing_days (day, short_staffed) VALUES (?, ?)
     ON CONFLICT (day) DO UPDATE SET short_staffed = excluded.short_staffed`,
  );
  sqlite.transaction(() => {
    for (const s of read.shifts)
      shift.run(operatorKey(s.operator), s.day, s.from, s.to, JSON.stringify(s.breaks), source, at);
    for (const d of read.staffing) staffing.run(d.day, d.shortStaffed ? 1 : 0);
  })();
}
