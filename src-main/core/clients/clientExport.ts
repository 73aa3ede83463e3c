import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type BetterSqlite3 from 'better-sqlite3';
import { stringify } from 'csv-stringify';
import writeXlsxFile from 'write-excel-file/node';
import { recordChange } from '../db/changeJournal';
import type { Clock } from '../platform/ports';
import type { ClientQuery } from '../../../src-shared/clients/clientSchemas';
import { ClientSearch } from './clientSearch';
import { phoneForExport } from '../phones/phoneMasking';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, and tab or
 * carriage return before them) is written with a leading apostrophe, so an
 * exported name like "=HYPERLINK(...)" stays text in Excel.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface ExportOptions {
  actor: string;
  clock: Clock;
  headers: readonly string[];
  fileName: string;
}

/** Excel's row limit, less the header: an XLSX export stops there. */
export const xlsxRowLimit = 1_048_575;

/**
 * Writes the clients the operator is looking at (all pages, not just the
 * screen) to CSV or XLSX for Excel, and audits who exported what. It pages
 * through ClientSearch's statements, so it shares their raw SQL.
 */
export async function exportClients(
  sqlite: BetterSqlite3.Database,
  query: ClientQuery,
  file: string,
  format: 'csv' | 'xlsx',
  options: ExportOptions,
): Promise<number> {
  const header = options.headers.map(neutraliseCell);
  const sheet: string[][] = [];
  let csv: ReturnType<typeof stringify> | undefined;
  let out: ReturnType<typeof createWriteStream> | undefined;
  if (format === 'csv') {
    out = createWriteStream(file);
    out.write('\uFEFF');
    csv = stringify({ delimiter: ';', record_delimiter: 'windows' });
    csv.pipe(out);
    csv.write(header);
  } else sheet.push(header);

  let rows = 0;
  for (const record of clientRecords(sqlite, query)) {
    if (csv !== undefined) {
      if (!csv.write(record)) await once(csv, 'drain');
    } else {
      if (rows >= xlsxRowLimit) break;
      sheet.push(record);
    }
    rows++;
  }
  if (csv !== undefined && out !== undefined) {
    csv.end();
    await once(out, 'finish');
  } else {
    await writeXlsxFile(
      sheet.map((row) => row.map((value) => ({ value, type: String }))),
      {
        sheet: options.headers[0] === 'ПІБ' ? 'Клієнти' : 'Clients',
      },
    ).toFile(file);
  }
  const at = options.clock.now().toISOString();
  sqlite.transaction(() => {
    recordChange(sqlite, {
      at,
      actor: options.actor,
      action: 'clients.export',
      entity: 'client',
      entityId: null,
      details: {
        rows,
        format,
        fileName: options.fileName,
        filter: { ...query, offset: undefined, limit: undefined },
      },
      outbox: { op: 'insert', payload: { export: { rows, format, at } } },
    });
  })();
  return rows;
}

/** Every client the query matches, page by page, as neutralised cells. */
function* clientRecords(sqlite: BetterSqlite3.Database, query: ClientQuery): Generator<string[]> {
  const search = new ClientSearch(sqlite);
  const details = sqlite.prepare<[number], { email: string; account: string }>(
    'SELECT email, personal_account AS account FROM clients WHERE id = ?',
  );
  const phones = sqlite.prepare<[number], { e164: string }>(
    'SELECT e164 FROM client_phones WHERE client_id = ? ORDER BY id',
  );
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page = search.find({ ...query, offset, limit: pageSize });
    for (const item of page.items) {
      const extra = details.get(item.id);
      yield [
        item.fullName,
        phones
          .all(item.id)
          .map((p) => phoneForExport(p.e164))
          .join(', '),
        item.city,
        item.address,
        extra?.email ?? '',
        extra?.account ?? '',
        item.doNotCall ? '1' : '0',
        item.lastOutcome ?? '',
      ].map(neutraliseCell);
    }
    if (page.items.length < pageSize) return;
  }
}
