import type BetterSqlite3 from 'better-sqlite3';
import { UnchangedCache } from '../db/unchangedCache';
import { phoneQueryDigits } from '../phones/phoneNumbers';
import type {
  ClientListItem,
  ClientPage,
  ClientQuery,
} from '../../../src-shared/clients/clientSchemas';

/** A text search counts its matches only this far: past it, the operator should narrow the search. */
export const searchCountCap = 1000;

/**
 * The FTS5 expression for what the operator typed: a phone in any grouping
 * ("067 123 45", "+380671") becomes a digit prefix on the phones column; words
 * become prefixes that must all match, in any column, case-insensitively
 * (unicode61 folds Cyrillic too). Only letters and digits reach the
 * expression, so nothing typed can change its syntax. The text is taken in
 * NFC, the form names are stored in.
 */
export function buildMatchExpression(typed: string): string | undefined {
  const text = typed.normalize('NFC');
  const digits = phoneQueryDigits(text);
  if (digits !== undefined) return `phones : ${digits}*`;
  const words = text
    .replace(/['’ʼ`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .slice(0, 8);
  if (words.length === 0) return undefined;
  return words.map((word) => `"${word}"*`).join(' ');
}

const listColumns = `c.id, c.full_name AS fullName,
  (SELECT p.e164 FROM client_phones p WHERE p.client_id = c.id ORDER BY p.id LIMIT 1) AS phone,
  c.city, c.address, c.do_not_call AS doNotCall, c.last_outcome AS lastOutcome,
  c.open_orders AS openOrders, c.open_complaints AS openComplaints`;

interface RawItem extends Omit<ClientListItem, 'doNotCall'> {
  doNotCall: number;
}

/** The list's filters as SQL on `clients c`: shared with the export, which reads the same list. */
export function listFilters(query: ClientQuery): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (query.tag !== undefined && query.tag !== '') {
    sql.push(
      'EXISTS (SELECT 1 FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = c.id AND t.name = ?)',
    );
    params.push(query.tag);
  }
  if (query.lastOutcome === 'none') sql.push('c.last_outcome IS NULL');
  else if (query.lastOutcome !== 'any') {
    sql.push('c.last_outcome = ?');
    params.push(query.lastOutcome);
  }
  if (query.doNotCall === 'only') sql.push('c.do_not_call = 1');
  if (query.doNotCall === 'exclude') sql.push('c.do_not_call = 0');
  if (query.hasOpenOrder) sql.push('c.open_orders > 0');
  if (query.hasOpenComplaint) sql.push('c.open_complaints > 0');
  return { sql, params };
}

/**
 * Search as the operator types, over FTS5 (which TypeORM cannot query).
 * Raw prepared statements, cached per shape: search.p95Ms in `npm run bench`,
 * goal 10 ms at a million clients.
 */
export class ClientSearch {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  /** A count over a million rows is tens of milliseconds: done once, not once per page scrolled. */
  private readonly totals: UnchangedCache<number>;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.totals = new UnchangedCache(sqlite);
  }

  private count(sql: string, params: unknown[]): number {
    return this.totals.get(`${sql}\u0000${JSON.stringify(params)}`, () => {
      const { total } = this.prepare(sql).get(...params) as { total: number };
      return total;
    });
  }

  private prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  find(query: ClientQuery): ClientPage {
    const match = buildMatchExpression(query.text);
    const where = listFilters(query);
    if (match === undefined) {
      const clause = where.sql.length > 0 ? `WHERE ${where.sql.join(' AND ')}` : '';
      const items = this.prepare(
        `SELECT ${listColumns} FROM clients c ${clause} ORDER BY c.sort_key, c.id LIMIT ? OFFSET ?`,
      ).all(...where.params, query.limit, query.offset) as RawItem[];
      const total = this.count(`SELECT count(*) AS total FROM clients c ${clause}`, where.params);
      return { items: items.map(toItem), total, totalIsCapped: false };
    }
    if (where.sql.length === 0 && query.offset + query.limit <= searchCountCap + 1)
      return this.findByMatchOnly(match, query);
    const clause = ['client_search MATCH ?', ...where.sql].join(' AND ');
    const from = `FROM client_search s JOIN clients c ON c.id = s.rowid WHERE ${clause}`;
    const items = this.prepare(`SELECT ${listColumns} ${from} LIMIT ? OFFSET ?`).all(
      match,
      ...where.params,
      query.limit,
      query.offset,
    ) as RawItem[];
    const total = this.count(
      `SELECT count(*) AS total FROM (SELECT 1 ${from} LIMIT ${searchCountCap + 1})`,
      [match, ...where.params],
    );
    return {
      items: items.map(toItem),
      total: Math.min(total, searchCountCap),
      totalIsCapped: total > searchCountCap,
    };
  }

  /**
   * Search as you type, no filters: one pass over the index gives the matching
   * ids as far as they are counted, in the index's order, and only the page's
   * clients are read. (Counting through the join read a client row per match,
   * and the page read the index again: twice the work for "Коваленко О".)
   */
  private findByMatchOnly(match: string, query: ClientQuery): ClientPage {
    const ids = this.prepare(
      `SELECT rowid FROM client_search WHERE client_search MATCH ? ORDER BY rowid LIMIT ${searchCountCap + 1}`,
    )
      .pluck()
      .all(match) as number[];
    const page = ids.slice(query.offset, query.offset + query.limit);
    const items =
      page.length === 0
        ? []
        : (this.prepare(
            `SELECT ${listColumns} FROM clients c WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
          ).all(JSON.stringify(page)) as RawItem[]);
    return {
      items: items.map(toItem),
      total: Math.min(ids.length, searchCountCap),
      totalIsCapped: ids.length > searchCountCap,
    };
  }
}

function toItem(row: RawItem): ClientListItem {
  return { ...row, doNotCall: row.doNotCall === 1 };
}
