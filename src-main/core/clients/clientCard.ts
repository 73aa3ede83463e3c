import type BetterSqlite3 from 'better-sqlite3';
import type {
  ClientCard,
  ClientDetails,
  HistoryEntry,
} from '../../../src-shared/clients/clientSchemas';

/** How much history the card shows at once; older entries are a search away. */
export const cardHistoryLimit = 500;

interface ClientRowRaw extends ClientDetails {
  id: number;
  doNotCall: number;
  createdAt: string;
  updatedAt: string;
  openOrders: number;
  openComplaints: number;
}

/**
 * The caller's card and history, read when a call rings (the screen pop).
 * Raw statements prepared once: clientCard.p95Ms in `npm run bench`, goal 5 ms.
 */
export class ClientCardReader {
  private readonly client: BetterSqlite3.Statement<[number], ClientRowRaw>;
  private readonly phones: BetterSqlite3.Statement<[number], ClientCard['phones'][number]>;
  private readonly tags: BetterSqlite3.Statement<[number], { name: string }>;
  private readonly calls: BetterSqlite3.Statement<[number, number]>;
  private readonly colleaguesCalls: BetterSqlite3.Statement<[number, number]>;
  private readonly offers: BetterSqlite3.Statement<[number, number]>;
  private readonly orders: BetterSqlite3.Statement<[number, number]>;
  private readonly complaints: BetterSqlite3.Statement<[number, number]>;

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly language: () => 'uk' | 'en',
  ) {
    this.client = sqlite.prepare(
      `SELECT id, full_name AS fullName, address, city, email, personal_account AS personalAccount, notes,
        do_not_call AS doNotCall, created_at AS createdAt, updated_at AS updatedAt,
        open_orders AS openOrders, open_complaints AS openComplaints
       FROM clients WHERE id = ?`,
    );
    this.phones = sqlite.prepare(
      'SELECT e164, raw, label FROM client_phones WHERE client_id = ? ORDER BY id',
    );
    this.tags = sqlite.prepare(
      'SELECT t.name FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = ? ORDER BY t.name',
    );
    this.calls = sqlite.prepare(
      `SELECT i.id, i.offered_at AS at, i.direction, i.talk_seconds AS talkSeconds, i.outcome,
        r.label_uk AS reasonUk, r.label_en AS reasonEn, i.notes
       FROM interactions i LEFT JOIN refusal_reasons r ON r.id = i.refusal_reason_id
       WHERE i.client_id = ? ORDER BY i.offered_at DESC LIMIT ?`,
    );
    // Negative ids: a colleague's call is not one of this desk's, and the card keys by id.
    this.colleaguesCalls = sqlite.prepare(
      `SELECT -t.id AS id, t.offered_at AS at, t.direction, t.talk_seconds AS talkSeconds, t.outcome,
        r.label_uk AS reasonUk, r.label_en AS reasonEn, t.notes, t.operator AS by
       FROM team_calls t LEFT JOIN refusal_reasons r ON r.code = t.refusal_reason
       WHERE t.client_uid = (SELECT uid FROM clients WHERE id = ?) ORDER BY t.offered_at DESC LIMIT ?`,
    );
    this.offers = sqlite.prepare(
      `SELECT o.id, o.offered_at AS at, coalesce(t.name, p.name, pr.name, '') AS item, o.result,
        r.label_uk AS reasonUk, r.label_en AS reasonEn
       FROM offers o
       LEFT JOIN tariffs t ON t.id = o.tariff_id LEFT JOIN products p ON p.id = o.product_id
       LEFT JOIN promotions pr ON pr.id = o.promotion_id
       LEFT JOIN refusal_reasons r ON r.id = o.refusal_reason_id
       WHERE o.client_id = ? ORDER BY o.offered_at DESC LIMIT ?`,
    );
    this.orders = sqlite.prepare(
      `SELECT id, created_at AS at, type_title AS title, status, total_kop AS totalKop, due_at AS dueAt
       FROM orders WHERE client_id = ? ORDER BY created_at DESC LIMIT ?`,
    );
    this.complaints = sqlite.prepare(
      `SELECT id, created_at AS at, kind AS complaintKind, category_title AS category, status,
        justified, due_on AS dueOn
       FROM complaints WHERE client_id = ? ORDER BY created_at DESC LIMIT ?`,
    );
  }

  read(id: number): ClientCard | undefined {
    const row = this.client.get(id);
    if (row === undefined) return undefined;
    const n = cardHistoryLimit;
    const english = this.language() === 'en';
    const reason = ({
      reasonUk,
      reasonEn,
      ...rest
    }: {
      reasonUk: string | null;
      reasonEn: string | null;
    }) => ({
      ...rest,
      refusalReason: english ? reasonEn : reasonUk,
    });
    type Call = Omit<Extract<HistoryEntry, { kind: 'call' }>, 'kind' | 'refusalReason'>;
    type Offer = Omit<Extract<HistoryEntry, { kind: 'offer' }>, 'kind' | 'refusalReason'>;
    type Reasoned = { reasonUk: string | null; reasonEn: string | null };
    const history: HistoryEntry[] = [
      ...(this.calls.all(id, n) as (Omit<Call, 'by'> & Reasoned)[]).map((e) => ({
        kind: 'call' as const,
        ...(reason(e) as Call & { refusalReason: string | null }),
        by: null,
      })),
      ...(this.colleaguesCalls.all(id, n) as (Call & Reasoned)[]).map((e) => ({
        kind: 'call' as const,
        ...(reason(e) as Call & { refusalReason: string | null }),
      })),
      ...(this.offers.all(id, n) as (Offer & Reasoned)[]).map((e) => ({
        kind: 'offer' as const,
        ...(reason(e) as Offer & { refusalReason: string | null }),
      })),
      ...(this.orders.all(id, n) as Omit<Extract<HistoryEntry, { kind: 'order' }>, 'kind'>[]).map(
        (e) => ({ kind: 'order' as const, ...e }),
      ),
      ...(
        this.complaints.all(id, n) as (Omit<
          Extract<HistoryEntry, { kind: 'complaint' }>,
          'kind' | 'justified'
        > & { justified: number | null })[]
      ).map((e) => ({
        kind: 'complaint' as const,
        ...e,
        justified: e.justified === null ? null : e.justified === 1,
      })),
    ]
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, n);
    return {
      ...row,
      doNotCall: row.doNotCall === 1,
      phones: this.phones.all(id),
      tags: this.tags.all(id).map((t) => t.name),
      history,
      masked: false,
    };
  }
}
