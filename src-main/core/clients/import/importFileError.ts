import type { ImportFileProblem } from '../../../../src-shared/clients/importSchemas';

/** The file as a whole cannot be imported: the import ends, saying why (not one error per row). */
export class ImportFileError extends Error {
  constructor(readonly fileProblem: ImportFileProblem) {
    super(fileProblemText(fileProblem));
    this.name = 'ImportFileError';
  }
}

/** For the log and the job's journal entry; the window says it in the operator's words. */
function fileProblemText(fileProblem: ImportFileProblem): string {
  switch (fileProblem.problem) {
    case 'lineTooLong':
      return `line ${fileProblem.line ?? '?'} is longer than any row of clients can be`;
    case 'notText':
      return 'the file is not a text table (binary or random bytes)';
    case 'noRows':
      return 'the file has no rows';
    case 'xlsxDamaged':
      return 'the XLSX file is damaged or not an XLSX';
    case 'xlsxTooLarge':
      return 'the XLSX file unpacks to more than any table of clients (or is packed like a zip bomb)';
    case 'xlsxNoSheet':
      return 'the XLSX file has no worksheet';
    case 'tooManyRows':
      return 'the sheet has more rows than Excel allows';
  }
}

/**
 * Whether decoded text is a table a person made, not binary bytes read as
 * text: such bytes decode to NULs, other control characters and undecodable
 * ones at a rate no spreadsheet export has (random bytes read as Windows-1251:
 * about one in nine; a real CSV: none). Tabs and line ends are text.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) odd++;
  }
  return odd / sample.length > 0.01;
}
