import type BetterSqlite3 from 'better-sqlite3';
import type { CountryCode } from 'libphonenumber-js';
import { normalizePhone } from '../phones/phoneNumbers';

export interface CallerMatch {
  clientId: number;
  fullName: string;
}

/**
 * Who is calling: the number in any format, matched exactly on E.164.
 * Raw prepared statement: it runs on every ringing call (callerId.p95Ms in
 * `npm run bench`, goal 1 ms at a million clients).
 */
export class CallerIdLookup {
  private readonly byE164: BetterSqlite3.Statement<[string], CallerMatch>;

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly region: CountryCode = 'UA',
  ) {
    this.byE164 = sqlite.prepare(
      `SELECT DISTINCT c.id AS clientId, c.full_name AS fullName
       FROM client_phones p JOIN clients c ON c.id = p.client_id
       WHERE p.e164 = ? ORDER BY c.id LIMIT 5`,
    );
  }

  find(rawNumber: string): CallerMatch[] {
    const phone = normalizePhone(rawNumber, this.region);
    return phone.ok ? this.byE164.all(phone.e164) : [];
  }
}
