import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
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
