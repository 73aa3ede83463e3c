import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../platform/ports';
import type { ClientQuery } from '../../../src-shared/clients/clientSchemas';
import { buildMatchExpression, listFilters } from './clientSearch';
import { phoneForExport } from '../phones/phoneMasking';
import { exportTableFile } from '../spreadsheets/tableFile';

export interface ExportOptions {
  actor: string;
  clock: Clock;
  headers: readonly string[];
  /** The XLSX sheet's name, in the operator's language. */
  sheetName: string;
  fileName: string;
  /** After each client written: the count so far. */
  onRow?: (rows: number) => void;
}

/**
 * Writes the clients the operator is looking at (all pages, not just the
 * screen) to CSV or XLSX for Excel, and audits who exported what. Raw SQL:
 * it reads the list with ClientSearch's filters and FTS5 match, which
 * TypeORM cannot express, on the file worker's connection.
 */
export async function exportClients(
  sqlite: BetterSqlite3.Database,
  query: ClientQuery,
  file: string,
  format: 'csv' | 'xlsx',
  options: ExportOptions,
): Promise<number> {
  return exportTableFile(
    sqlite,
    {
      file,
      format,
      sheetName: options.sheetName,
      header: options.headers,
      rows: clientRecords(sqlite, query),
      onRow: options.onRow,
    },
    {
      actor: options.actor,
      clock: options.clock,
      action: 'clients.export',
      entity: 'client',
      fileName: options.fileName,
      // What was searched for may itself be personal data (a name, a phone): the audit
      // keeps that there was a search, not its text.
      filter: {
        ...query,
        text: undefined,
        searched: query.text.trim() !== '',
        offset: undefined,
        limit: undefined,
      },
    },
  );
}

interface ExportRow {
  fullName: string;
  phones: string | null;
  city: string;
  address: string;
  email: string;
  account: string;
  doNotCall: number;
  lastOutcome: string | null;
}

/**
 * Every client the query matches, in the list's order, as neutralised cells:
 * one statement stepped row by row (the export runs on a file worker's own
 * connection), so 100,000 clients of a million cost one pass. Paging it
 * through the list's LIMIT/OFFSET, with a count per page, took minutes.
 */
function* clientRecords(sqlite: BetterSqlite3.Database, query: ClientQuery): Generator<string[]> {
  const match = buildMatchExpression(query.text);
  const where = listFilters(query);
  const conditions = [...(match === undefined ? [] : ['client_search MATCH ?']), ...where.sql];
  const from =
    match === undefined
      ? 'FROM clients c'
      : 'FROM client_search s JOIN clients c ON c.id = s.rowid';
  const statement = sqlite.prepare<unknown[], ExportRow>(
    `SELECT c.full_name AS fullName,
       (SELECT group_concat(e164, ' ') FROM (SELECT e164 FROM client_phones p WHERE p.client_id = c.id ORDER BY p.id)) AS phones,
       c.city, c.address, c.email, c.personal_account AS account, c.do_not_call AS doNotCall,
       c.last_outcome AS lastOutcome
     ${from} ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY c.sort_key, c.id`,
  );
  for (const row of statement.iterate(...(match === undefined ? [] : [match]), ...where.params)) {
    yield [
      row.fullName,
      (row.phones ?? '')
        .split(' ')
        .filter((e164) => e164 !== '')
        .map(phoneForExport)
        .join(', '),
      row.city,
      row.address,
      row.email,
      row.account,
      row.doNotCall === 1 ? '1' : '0',
      row.lastOutcome ?? '',
    ];
  }
}
