import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type BetterSqlite3 from 'better-sqlite3';
import { recordChange } from '../db/changeJournal';
import type { Clock } from '../platform/ports';
import { writeXlsxSheet } from './xlsxSheetWriter';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, and tab or
 * carriage return before them) is written with a leading apostrophe, so an
 * exported name like "=HYPERLINK(...)" stays text in Excel.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Excel's row limit, less the header: an XLSX export stops there. */
export const xlsxRowLimit = 1_048_575;

/**
 * Rows as a file Excel opens as it is: CSV in UTF-8 with a byte order mark,
 * ";" between cells (Excel's separator where the decimal mark is a comma),
 * Windows line ends; or an XLSX sheet, which stops at Excel's row limit.
 * Every cell, the header's too, is neutralised. Returns the rows written.
 */
export async function writeTableFile(
  file: string,
  format: 'csv' | 'xlsx',
  sheetName: string,
  header: readonly string[],
  rows: Iterable<string[]>,
  onRow?: (written: number) => void,
): Promise<number> {
  let written = 0;
  const counted = function* (limit: number) {
    for (const row of rows) {
      if (written >= limit) return;
      written++;
      onRow?.(written);
      yield row.map(neutraliseCell);
    }
  };
  const head = header.map(neutraliseCell);
  if (format === 'csv') {
    const out = createWriteStream(file);
    out.write('\uFEFF');
    const csv = stringify({ delimiter: ';', record_delimiter: 'windows' });
    csv.pipe(out);
    csv.write(head);
    for (const row of counted(Infinity)) if (!csv.write(row)) await once(csv, 'drain');
    csv.end();
    await once(out, 'finish');
  } else {
    await writeXlsxSheet(
      file,
      sheetName,
      (function* () {
        yield head;
        yield* counted(xlsxRowLimit);
      })(),
    );
  }
  return written;
}

/** Who exported what, for the audit: never the rows themselves. */
export interface ExportAudit {
  actor: string;
  clock: Clock;
  /** `clients.export`, `orders.export`. */
  action: string;
  entity: string;
  fileName: string;
  /** The list's filters as the audit may keep them (no personal data). */
  filter: Record<string, unknown>;
}

/**
 * Rows written as a table file (writeTableFile), then the export audited with
 * its row count, in the base the rows came from: every export says who took
 * what out, and one that failed records nothing.
 */
export async function exportTableFile(
  sqlite: BetterSqlite3.Database,
  table: {
    file: string;
    format: 'csv' | 'xlsx';
    sheetName: string;
    header: readonly string[];
    rows: Iterable<string[]>;
    onRow?: ((written: number) => void) | undefined;
  },
  audit: ExportAudit,
): Promise<number> {
  const { file, format } = table;
  return auditedExport(sqlite, format, audit, () =>
    writeTableFile(file, format, table.sheetName, table.header, table.rows, table.onRow),
  );
}

/**
 * Any export (a table file, a PDF report): written, then audited with its
 * row count in the base the rows came from; one that failed records nothing.
 */
export async function auditedExport(
  sqlite: BetterSqlite3.Database,
  format: string,
  audit: ExportAudit,
  write: () => Promise<number>,
): Promise<number> {
  const rows = await write();
  const at = audit.clock.now().toISOString();
  sqlite.transaction(() => {
    recordChange(sqlite, {
      at,
      actor: audit.actor,
      action: audit.action,
      entity: audit.entity,
      entityId: null,
      details: { rows, format, fileName: audit.fileName, filter: audit.filter },
      outbox: { op: 'insert', payload: { export: { rows, format, at } } },
    });
  })();
  return rows;
}
