import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { ConsentView } from '../../../src-shared/campaigns/clientCallRules';
import { recordChange } from '../db/changeJournal';

/**
 * A client's consent to advertising calls: given (with its source and date)
 * and withdrawn at any time, free, from the card. A withdrawal ends sales
 * calls at once: "may I call now?" reads the consent in force before each dial.
 */
export class Consents {
  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  of(clientId: number): ConsentView {
    const inForce = this.sqlite
      .prepare(
        `SELECT source, given_at AS givenAt FROM consents
         WHERE client_id = ? AND scope = 'advertising' AND withdrawn_at IS NULL
         ORDER BY given_at DESC LIMIT 1`,
      )
      .get(clientId) as { source: string; givenAt: string } | undefined;
    const withdrawn = this.sqlite
      .prepare(
        `SELECT max(withdrawn_at) AS at FROM consents WHERE client_id = ? AND scope = 'advertising'`,
      )
      .get(clientId) as { at: string | null };
    return {
      given: inForce !== undefined,
      source: inForce?.source ?? null,
      givenAt: inForce?.givenAt ?? null,
      withdrawnAt: withdrawn.at,
    };
  }

  /** Records consent, or withdraws every consent in force; false for a client the base lacks. */
  set(clientId: number, given: boolean, source: string, actor: string, now: Date): boolean {
    const at = now.toISOString();
    return this.sqlite.transaction(() => {
      if (this.sqlite.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId) === undefined)
        return false;
      if (given) {
        if (this.of(clientId).given) return true;
        this.sqlite
          .prepare(
            `INSERT INTO consents (uid, client_id, scope, source, given_at, recorded_by)
             VALUES (?, ?, 'advertising', ?, ?, ?)`,
          )
          .run(uuidv7(), clientId, source, at, actor);
      } else
        this.sqlite
          .prepare(
            `UPDATE consents SET withdrawn_at = ?
             WHERE client_id = ? AND scope = 'advertising' AND withdrawn_at IS NULL`,
          )
          .run(at, clientId);
      recordChange(this.sqlite, {
        at,
        actor,
        action: given ? 'consent.give' : 'consent.withdraw',
        entity: 'client',
        entityId: clientId,
        details: given ? { source } : {},
        outbox: { op: 'update', payload: { clientId, consent: given, source } },
      });
      return true;
    })();
  }
}
