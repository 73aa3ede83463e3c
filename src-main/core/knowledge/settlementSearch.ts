import type BetterSqlite3 from 'better-sqlite3';
import type { SettlementHit } from '../../../src-shared/orders/orderViews';
import { settlementKey } from './settlementKey';

/** Cities before towns, towns before villages: the one an operator means is nearly always first. */
const categoryOrder = `CASE category WHEN 'K' THEN 0 WHEN 'M' THEN 1 WHEN 'T' THEN 2 WHEN 'X' THEN 3 ELSE 4 END`;

/**
 * Settlements as the operator types: the name's beginning, case and
 * apostrophes aside; after a comma, words that must begin the oblast, raion
 * or hromada ("Андріївка, харк") tell forty Андріївки apart.
 */
export class SettlementSearch {
  private readonly byPrefix: BetterSqlite3.Statement<[string, string, number], SettlementHit>;

  constructor(sqlite: BetterSqlite3.Database) {
    this.byPrefix = sqlite.prepare(
      `SELECT code, name, category, oblast, raion, hromada FROM settlements
       WHERE search_key >= ? AND search_key < ? ORDER BY ${categoryOrder}, length(name), name LIMIT ?`,
    );
  }

  find(typed: string, limit = 15): SettlementHit[] {
    const [namePart = '', ...rest] = typed.split(',');
    const key = settlementKey(namePart);
    if (key === '') return [];
    const region = rest
      .join(' ')
      .split(/\s+/)
      .map(settlementKey)
      .filter((w) => w !== '');
    const candidates = this.byPrefix.all(key, `${key}\uffff`, region.length === 0 ? limit : 2000);
    if (region.length === 0) return candidates;
    return candidates
      .filter((s) => {
        const words = `${s.oblast} ${s.raion} ${s.hromada}`.split(/\s+/).map(settlementKey);
        return region.every((part) => words.some((word) => word.startsWith(part)));
      })
      .slice(0, limit);
  }
}
