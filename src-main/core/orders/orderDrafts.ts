import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import {
  blankValues,
  orderValuesSchema,
  type OrderValues,
} from '../../../src-shared/orders/orderValues';
import type { OrderDraftView } from '../../../src-shared/orders/orderViews';
import type { CatalogueStore } from '../catalogue/catalogueStore';
import type { Clock } from '../platform/ports';
import { Refusal } from '../platform/refusal';

interface DraftRow {
  uid: string;
  clientId: number;
  clientName: string;
  interactionId: number | null;
  typeCode: string;
  values: string;
  clientConfirmedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const draftColumns = `d.uid, d.client_id AS clientId, c.full_name AS clientName, d.interaction_id AS interactionId,
  d.type_code AS typeCode, d."values", d.client_confirmed_at AS clientConfirmedAt,
  d.created_at AS createdAt, d.updated_at AS updatedAt`;

export type DraftProblem =
  'orderTypeUnknown' | 'clientNotFound' | 'orderDraftNotFound' | 'callNotFound';

export class DraftRefusal extends Refusal<DraftProblem> {}

/**
 * Orders being typed. A draft belongs to its client and call from the moment
 * it is made, and is written on every change exactly as typed, so a reload or
 * a kill loses nothing; nothing but its own form ever writes to it (a screen
 * pop of the next call never does). Its uid becomes the order's, which makes
 * submitting it twice store one order. Raw statements prepared once: a
 * keystroke's save is order.draftSave.p95Ms in `npm run bench`.
 */
export class OrderDrafts {
  private readonly byUid: BetterSqlite3.Statement<[string], DraftRow>;
  private readonly write: BetterSqlite3.Statement<
    [{ values: string; at: string; uid: string; actor: string }]
  >;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly catalogue: CatalogueStore,
    private readonly clock: Clock,
  ) {
    this.byUid = sqlite.prepare(
      `SELECT ${draftColumns} FROM order_drafts d JOIN clients c ON c.id = d.client_id WHERE d.uid = ?`,
    );
    // What the client confirmed holds only for what was read back: a change withdraws it.
    this.write = sqlite.prepare(
      `UPDATE order_drafts SET client_confirmed_at = CASE WHEN "values" = @values THEN client_confirmed_at END,
        "values" = @values, updated_at = @at WHERE uid = @uid AND created_by = @actor`,
    );
  }

  /** A new draft of a type for a client (and the call it is taken in), filled from the client's card. */
  open(who: {
    typeCode: string;
    clientId: number;
    interactionId?: number;
    actor: string;
  }): OrderDraftView {
    const type = this.catalogue.orderType(who.typeCode);
    if (type === undefined) throw new DraftRefusal('orderTypeUnknown');
    const client = this.sqlite
      .prepare(
        `SELECT full_name AS fullName, address, city, email, personal_account AS personalAccount,
          (SELECT raw FROM client_phones WHERE client_id = clients.id ORDER BY id LIMIT 1) AS phone
         FROM clients WHERE id = ?`,
      )
      .get(who.clientId) as Record<string, string | null> | undefined;
    if (client === undefined) throw new DraftRefusal('clientNotFound');
    if (
      who.interactionId !== undefined &&
      this.sqlite.prepare('SELECT 1 FROM interactions WHERE id = ?').get(who.interactionId) ===
        undefined
    )
      throw new DraftRefusal('callNotFound');
    const prefill = Object.fromEntries(Object.entries(client).map(([k, v]) => [k, v ?? '']));
    const uid = uuidv7();
    const at = this.clock.now().toISOString();
    this.sqlite
      .prepare(
        `INSERT INTO order_drafts (uid, client_id, interaction_id, type_code, "values", created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        uid,
        who.clientId,
        who.interactionId ?? null,
        type.code,
        JSON.stringify(blankValues(type, prefill)),
        who.actor,
        at,
        at,
      );
    return this.get(uid) as OrderDraftView;
  }

  get(uid: string): OrderDraftView | undefined {
    const row = this.byUid.get(uid);
    return row === undefined ? undefined : view(row);
  }

  /** One change, as typed; only the operator who made the draft writes to it. */
  save(
    uid: string,
    values: OrderValues,
    actor: string,
  ): { savedAt: string; clientConfirmedAt: string | null } {
    const at = this.clock.now().toISOString();
    if (this.write.run({ values: JSON.stringify(values), at, uid, actor }).changes === 0)
      throw new DraftRefusal('orderDraftNotFound');
    return { savedAt: at, clientConfirmedAt: this.get(uid)?.clientConfirmedAt ?? null };
  }

  /** "The client confirmed" what was read back, stamped now. */
  confirm(uid: string, actor: string): string {
    const at = this.clock.now().toISOString();
    const done = this.sqlite
      .prepare('UPDATE order_drafts SET client_confirmed_at = ? WHERE uid = ? AND created_by = ?')
      .run(at, uid, actor);
    if (done.changes === 0) throw new DraftRefusal('orderDraftNotFound');
    return at;
  }

  discard(uid: string, actor: string): boolean {
    return (
      this.sqlite
        .prepare('DELETE FROM order_drafts WHERE uid = ? AND created_by = ?')
        .run(uid, actor).changes > 0
    );
  }

  /** The operator's drafts, newest first: what was being typed when the window closed. */
  mine(actor: string): OrderDraftView[] {
    return (
      this.sqlite
        .prepare(
          `SELECT ${draftColumns} FROM order_drafts d JOIN clients c ON c.id = d.client_id
           WHERE d.created_by = ? ORDER BY d.updated_at DESC LIMIT 50`,
        )
        .all(actor) as DraftRow[]
    ).map(view);
  }
}

function view(row: DraftRow): OrderDraftView {
  const values = orderValuesSchema.safeParse(JSON.parse(row.values));
  return { ...row, values: values.success ? values.data : {} };
}
