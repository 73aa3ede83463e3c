import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { cellText } from './cellText';
import { checkXlsxArchive, xlsxArchiveLimits, type XlsxArchiveLimits } from './xlsxArchiveCheck';
import { SpreadsheetError } from './spreadsheetError';

export interface SheetRow {
  /** The row's number as Excel shows it. */
  line: number;
  cells: string[];
  /** Bytes of the file read so far: how far along the sheet is. */
  bytesRead: number;
}

/** Excel's own row limit: no sheet Excel saved has more. */
export const maxSheetRows = 1_048_576;

/**
 * The first worksheet of an XLSX, row by row as text, streamed: the archive
 * is checked first (checkXlsxArchive), then ExcelJS's streaming reader parses
 * the sheet, keeping only the shared strings in memory, so the cost is linear
 * in the file and the memory bounded whatever its rows (read-excel-file, used
 * before, built the whole sheet at once). Wholly empty rows are skipped.
 */
export async function* xlsxRows(
  file: string,
  limits: XlsxArchiveLimits & { maxRows: number } = { ...xlsxArchiveLimits, maxRows: maxSheetRows },
): AsyncGenerator<SheetRow> {
  const entries = await checkXlsxArchive(file, limits);
  const hasSharedStrings = entries.includes('xl/sharedStrings.xml');
  for (let attempt = 1; ; attempt++) {
    const rows = readSheet(file, limits, hasSharedStrings);
    // ExcelJS's streaming reader now and then ends its walk through the archive early
    // (exceljs#683): before the shared strings (the sheet would read as {"sharedString": 4}
    // and dates as numbers) or before the sheet itself (no rows). Either is known before the
    // first row, so the file is simply read again.
    if ((await rows.next()).value === 'sheetReady') {
      for await (const row of rows) if (row !== 'sheetReady') yield row;
      return;
    }
    await rows.return(undefined);
    if (attempt === 3)
      throw new SpreadsheetError('xlsxDamaged', 'the sheet could not be read whole, three times');
  }
}

async function* readSheet(
  file: string,
  limits: { maxRows: number },
  hasSharedStrings: boolean,
): AsyncGenerator<SheetRow | 'sheetReady'> {
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Dates are told from numbers by their cell style.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  try {
    for await (const sheet of reader) {
      if (
        hasSharedStrings &&
        (reader as unknown as { sharedStrings?: unknown }).sharedStrings === undefined
      )
        return;
      yield 'sheetReady';
      for await (const row of sheet) {
        if (++rows > limits.maxRows)
          throw new SpreadsheetError('tooManyRows', `more than ${limits.maxRows} rows`);
        const values = row.values as unknown[];
        // ExcelJS numbers cells from 1; the gaps are empty cells.
        const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) =>
          cellText(values[i + 1]),
        );
        if (cells.some((cell) => cell.trim() !== ''))
          yield { line: row.number, cells, bytesRead: input.bytesRead };
      }
      return;
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError('xlsxDamaged', String(error));
  } finally {
    // A reader that stopped early (a preview's ten rows) lets go of the file.
    input.destroy();
  }
}
