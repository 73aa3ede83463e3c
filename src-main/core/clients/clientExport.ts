import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type BetterSqlite3 from 'better-sqlite3';
import { stringify } from 'csv-stringify';
import { recordChange } from '../db/changeJournal';
import type { Clock } from '../platform/ports';
import type { ClientQuery } from './clientSchemas';
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

/** Writes the clients the operator is looking at (all pages) to CSV for Excel, and audits it. */
export async function exportClientsCsv(
  sqlite: BetterSqlite3.Database,
  query: ClientQuery,
  file: string,
  options: ExportOptions,
): Promise<number> {
  const out = createWriteStream(file);
  out.write('\uFEFF');
  const csv = stringify({ delimiter: ';', record_delimiter: 'windows' });
  csv.pipe(out);
  csv.write(options.headers.map(neutraliseCell));
  const search = new ClientSearch(sqlite);
  const details = sqlite.prepare<[number], { email: string; account: string }>(
    'SELECT email, personal_account AS account FROM clients WHERE id = ?',
  );
  const phones = sqlite.prepare<[number], { e164: string }>(
    'SELECT e164 FROM client_phones WHERE client_id = ? ORDER BY id',
  );
  let rows = 0;
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page = search.find({ ...query, offset, limit: pageSize });
    for (const item of page.items) {
      const extra = details.get(item.id);
      const record = [
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
      if (!csv.write(record)) await once(csv, 'drain');
      rows++;
    }
    if (page.items.length < pageSize) break;
  }
  csv.end();
  await once(out, 'finish');
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
        format: 'csv',
        fileName: options.fileName,
        filter: { ...query, offset: undefined, limit: undefined },
      },
      outbox: { op: 'insert', payload: { export: { rows, at } } },
    });
  })();
  return rows;
}
