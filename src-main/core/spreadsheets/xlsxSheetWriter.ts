import ExcelJS from 'exceljs';

/**
 * Writes one sheet of text cells to an XLSX, streamed: each row is committed
 * to the file as it comes, without shared strings or styles, so memory stays
 * flat whatever the number of rows (write-excel-file, used before, built the
 * whole sheet in memory first). Every cell is a string: a value like
 * "=HYPERLINK(…)" is text, never a formula.
 */
export async function writeXlsxSheet(
  file: string,
  sheetName: string,
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  let written = 0;
  for await (const row of rows) {
    sheet.addRow([...row]).commit();
    written++;
  }
  sheet.commit();
  await workbook.commit();
  return written;
}
