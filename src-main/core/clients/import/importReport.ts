import { stringify } from 'csv-stringify/sync';
import type { ImportRowError } from '../../../../src-shared/clients/importSchemas';
import { neutraliseCell } from '../../spreadsheets/tableFile';
import type { MainStrings } from '../../i18n/mainLocales';

/**
 * The rows an import could not take, as a CSV for Excel (UTF-8 with a BOM,
 * ";", CRLF), wholly in the operator's language: the reason in words, the
 * value as found. Cells are neutralised, so a value like "=HYPERLINK(…)"
 * from the imported file stays text.
 */
export function importReportCsv(
  errors: readonly ImportRowError[],
  strings: Pick<MainStrings, 'reportHeaders' | 'importReasons'>,
): string {
  const rows = errors.map((e) =>
    [String(e.line), e.column ?? '', strings.importReasons[e.reason] ?? e.reason, e.detail].map(
      neutraliseCell,
    ),
  );
  return `\uFEFF${stringify([strings.reportHeaders, ...rows], {
    delimiter: ';',
    record_delimiter: 'windows',
  })}`;
}
