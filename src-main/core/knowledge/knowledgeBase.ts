import type BetterSqlite3 from 'better-sqlite3';
import type { KnowledgeHit } from '../../../src-shared/orders/orderViews';
import { inForce, localMoment } from '../catalogue/catalogueStore';
import { searchText } from '../catalogue/catalogueLoader';
import { recordChange } from '../db/changeJournal';
import type { Clock } from '../platform/ports';
import { Refusal } from '../platform/refusal';

export type OfferProblem =
  'knowledgeItemNotFound' | 'offerNotInForce' | 'refusalReasonUnknown' | 'offerNeedsClient';

export class OfferRefusal extends Refusal<OfferProblem> {}

/** Words typed become prefixes that must all match; only letters and digits reach FTS5's syntax. */
export function knowledgeMatch(typed: string): string | undefined {
  const words = searchText(typed)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .slice(0, 8);
  return words.length === 0 ? undefined : words.map((word) => `"${word}"*`).join(' ');
}

interface HitRow {
  kind: KnowledgeHit['kind'];
  id: number;
  title: string;
  text: string;
  priceKop: number | null;
  validFrom: string | null;
  validTo: string | null;
  active: number;
}

/**
 * The knowledge base during a call: products, tariffs, promotions and
 * articles found as the operator types (FTS5, best match first), and an
 * offer made from it recorded on the call. A tariff or promotion not in force
 * today is shown as such and never offered.
 */
export class KnowledgeBase {
  private readonly search: BetterSqlite3.Statement<[string, number], HitRow>;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly clock: Clock,
  ) {
    // The best matches are found in the index alone, and only they are joined to their items:
    // a short prefix matches thousands, and joining every one before ranking cost 10 ms.
    this.search = sqlite.prepare(
      `SELECT s.kind, s.item_id AS id,
        coalesce(p.name, t.name, pr.name, a.title) AS title,
        coalesce(p.description, t.description, pr.description, a.body) AS text,
        coalesce(p.price_kop, t.monthly_fee_kop) AS priceKop,
        coalesce(t.valid_from, pr.starts_on) AS validFrom, coalesce(t.valid_to, pr.ends_on) AS validTo,
        coalesce(p.active, t.active, pr.active, a.active) AS active
       FROM (SELECT kind, item_id, bm25(knowledge_search, 0, 0, 10.0, 1.0) AS score FROM knowledge_search
             WHERE knowledge_search MATCH ? ORDER BY score LIMIT ?) s
       LEFT JOIN products p ON s.kind = 'product' AND p.id = s.item_id
       LEFT JOIN tariffs t ON s.kind = 'tariff' AND t.id = s.item_id
       LEFT JOIN promotions pr ON s.kind = 'promotion' AND pr.id = s.item_id
       LEFT JOIN articles a ON s.kind = 'article' AND a.id = s.item_id
       ORDER BY s.score`,
    );
  }

  find(typed: string, limit = 20): KnowledgeHit[] {
    const match = knowledgeMatch(typed);
    if (match === undefined) return [];
    const today = localMoment(this.clock.now()).today;
    return this.search.all(match, limit).map(({ active, text, ...row }) => ({
      ...row,
      // An article is read on the screen; a list shows its opening.
      text: text.length > 600 ? `${text.slice(0, 600)}…` : text,
      offerable:
        active === 1 &&
        (row.kind === 'tariff' || row.kind === 'promotion' || row.kind === 'product') &&
        inForce(today, row.validFrom, row.validTo),
    }));
  }

  /** An article's whole text. */
  article(id: number): { title: string; body: string } | undefined {
    return this.sqlite.prepare('SELECT title, body FROM articles WHERE id = ?').get(id) as
      { title: string; body: string } | undefined;
  }

  /**
   * An offer from the knowledge base, on the call it was made in: accepted, or
   * refused with a reason from the list wrap-up uses. What is not in force
   * today is refused, whatever the window showed.
   */
  offer(
    made: {
      kind: 'product' | 'tariff' | 'promotion';
      id: number;
      interactionId: number;
      result: 'accepted' | 'refused';
      reasonCode?: string;
    },
    actor: string,
  ): { offerId: number } {
    const call = this.sqlite
      .prepare('SELECT client_id AS clientId FROM interactions WHERE id = ?')
      .get(made.interactionId) as { clientId: number | null } | undefined;
    if (call === undefined || call.clientId === null) throw new OfferRefusal('offerNeedsClient');
    const item = this.sqlite
      .prepare(
        made.kind === 'product'
          ? 'SELECT active, NULL AS validFrom, NULL AS validTo, id FROM products WHERE id = ?'
          : made.kind === 'tariff'
            ? 'SELECT active, valid_from AS validFrom, valid_to AS validTo, id FROM tariffs WHERE id = ?'
            : 'SELECT active, starts_on AS validFrom, ends_on AS validTo, tariff_id AS tariffId, id FROM promotions WHERE id = ?',
      )
      .get(made.id) as
      | {
          active: number;
          validFrom: string | null;
          validTo: string | null;
          tariffId?: number | null;
        }
      | undefined;
    if (item === undefined) throw new OfferRefusal('knowledgeItemNotFound');
    const now = this.clock.now();
    if (item.active !== 1 || !inForce(localMoment(now).today, item.validFrom, item.validTo))
      throw new OfferRefusal('offerNotInForce');
    let reasonId: number | null = null;
    if (made.result === 'refused') {
      const reason = this.sqlite
        .prepare('SELECT id FROM refusal_reasons WHERE code = ? AND active = 1')
        .get(made.reasonCode ?? '') as { id: number } | undefined;
      if (reason === undefined) throw new OfferRefusal('refusalReasonUnknown');
      reasonId = reason.id;
    }
    const at = now.toISOString();
    return this.sqlite.transaction(() => {
      const offerId = Number(
        this.sqlite
          .prepare(
            `INSERT INTO offers (client_id, interaction_id, product_id, tariff_id, promotion_id, offered_at, result, refusal_reason_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            call.clientId,
            made.interactionId,
            made.kind === 'product' ? made.id : null,
            made.kind === 'tariff' ? made.id : (item.tariffId ?? null),
            made.kind === 'promotion' ? made.id : null,
            at,
            made.result,
            reasonId,
          ).lastInsertRowid,
      );
      recordChange(this.sqlite, {
        at,
        actor,
        action: 'offer.recorded',
        entity: 'offer',
        entityId: offerId,
        details: { kind: made.kind, result: made.result, reason: made.reasonCode ?? null },
        outbox: { op: 'insert', payload: { ...made, clientId: call.clientId } },
      });
      return { offerId };
    })();
  }
}
