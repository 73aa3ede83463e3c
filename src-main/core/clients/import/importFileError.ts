import type { ImportFileProblem } from '../../../../src-shared/clients/importSchemas';

/** The file as a whole cannot be imported: the import ends, saying why (not one error per row). */
export class ImportFileError extends Error {
  constructor(readonly fileProblem: ImportFileProblem) {
    super(
      fileProblem.problem === 'lineTooLong'
        ? `line ${fileProblem.line ?? '?'} is longer than any row of clients can be`
        : fileProblem.problem === 'notText'
          ? 'the file is not a text table (binary or random bytes)'
          : 'the file has no rows',
    );
    this.name = 'ImportFileError';
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
