/**
 * Why a spreadsheet as a whole cannot be read: damaged (not a readable XLSX),
 * unpacking to more than any table of clients (or packed far tighter than a
 * real sheet is: a zip bomb), no worksheet where an XLSX keeps one, or more
 * rows than Excel itself allows.
 */
export type SpreadsheetProblem = 'xlsxDamaged' | 'xlsxTooLarge' | 'xlsxNoSheet' | 'tooManyRows';

export class SpreadsheetError extends Error {
  constructor(
    readonly problem: SpreadsheetProblem,
    detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'SpreadsheetError';
  }
}
