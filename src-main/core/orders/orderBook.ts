import type BetterSqlite3 from 'better-sqlite3';
import { localized } from '../../../src-shared/orders/catalogue';
import { checkOrder, type FieldProblem } from '../../../src-shared/orders/orderValues';
import {
  openOrderStatuses,
  orderTransitions,
  type OrderListItem,
  type OrderQuery,
  type OrderStatus,
  type OrderSubmitResult,
} from '../../../src-shared/orders/orderViews';
import type { CatalogueStore } from '../catalogue/catalogueStore';
import { recordChange } from '../db/changeJournal';
import type { Clock } from '../platform/ports';
import { Refusal } from '../platform/refusal';
import { DraftRefusal, type OrderDrafts } from './orderDrafts';

export type OrderProblem = 'orderNotFound' | 'orderNotConfirmed' | 'orderStatusNotAllowed';

export class OrderRefusal extends Refusal<OrderProblem> {}

const listColumns = `o.id, o.uid, o.created_at AS createdAt, o.client_id AS clientId, c.full_name AS clientName,
  o.type_code AS typeCode, o.type_title AS title, o.status, o.total_kop AS totalKop, o.due_at AS dueAt,
  o.created_by AS createdBy`;

/** The list's filters as SQL on `orders o`: the list and its export read the same orders. */
export function orderFilter(
  query: Omit<OrderQuery, 'limit'>,
  actor: string,
): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (query.status !== undefined) add('o.status = ?', query.status);
  if (query.typeCode !== undefined) add('o.type_code = ?', query.typeCode);
  if (query.clientId !== undefined) add('o.client_id = ?', query.clientId);
  if (query.mine) add('o.created_by = ?', actor);
  if (query.from !== undefined) add('o.created_at >= ?', localDate(query.from).toISOString());
  if (query.to !== undefined)
    add('o.created_at < ?', new Date(localDate(query.to).getTime() + 86_400_000).toISOString());
  if (query.after !== undefined) {
    const { createdAt, id } = query.after;
    add('(o.created_at < ? OR (o.created_at = ? AND o.id < ?))', createdAt, createdAt, id);
  }
  return { where: where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`, params };
}

export const orderListColumns = listColumns;

/** "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD", local to the workstation, as a moment. */
function localDate(dueAt: string): Date {
  return new Date(dueAt.length === 10 ? `${dueAt}T00:00` : dueAt);
}

/**
 * Submitted orders. A submit stores the draft as an order once, by the
 * draft's uid: a second Enter, or a retry after a crash between the write and
 * its answer, finds the order already there. The same client ordering the
 * same type lately is asked about first. A future order schedules its own
 * confirmation callback. Every status change is kept with who and when.
 */
export class OrderBook {
  private readonly byUid: BetterSqlite3.Statement<[string], OrderListItem>;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly drafts: OrderDrafts,
    private readonly catalogue: CatalogueStore,
    private readonly clock: Clock,
    private readonly language: () => 'uk' | 'en' = () => 'uk',
  ) {
    this.byUid = sqlite.prepare(
      `SELECT ${listColumns} FROM orders o JOIN clients c ON c.id = o.client_id WHERE o.uid = ?`,
    );
  }

  /** The draft's values checked: what is wrong, field by field. */
  check(uid: string): Record<string, FieldProblem> {
    const draft = this.drafts.get(uid);
    if (draft === undefined) throw new DraftRefusal('orderDraftNotFound');
    const type = this.catalogue.orderType(draft.typeCode);
    if (type === undefined) throw new DraftRefusal('orderTypeUnknown');
    return checkOrder(type, draft.values, this.catalogue.checkContext(this.clock.now())).problems;
  }

  /** The client confirmed the read-back: only a draft with nothing wrong can be confirmed. */
  confirm(
    uid: string,
    actor: string,
  ): { confirmedAt: string } | { problems: Record<string, FieldProblem> } {
    const problems = this.check(uid);
    if (Object.keys(problems).length > 0) return { problems };
    return { confirmedAt: this.drafts.confirm(uid, actor) };
  }

  submit(uid: string, actor: string, options: { notADouble?: boolean } = {}): OrderSubmitResult {
    const stored = this.byUid.get(uid);
    if (stored !== undefined) return { kind: 'submitted', order: stored, repeated: true };
    const draft = this.drafts.get(uid);
    if (draft === undefined) throw new DraftRefusal('orderDraftNotFound');
    const type = this.catalogue.orderType(draft.typeCode);
    if (type === undefined) throw new DraftRefusal('orderTypeUnknown');
    const now = this.clock.now();
    const check = checkOrder(type, draft.values, this.catalogue.checkContext(now));
    if (Object.keys(check.problems).length > 0)
      return { kind: 'invalid', problems: check.problems };
    if (draft.clientConfirmedAt === null) throw new OrderRefusal('orderNotConfirmed');
    if (options.notADouble !== true && type.duplicateWithinMinutes > 0) {
      const since = new Date(now.getTime() - type.duplicateWithinMinutes * 60_000).toISOString();
      const earlier = this.sqlite
        .prepare(
          `SELECT ${listColumns} FROM orders o JOIN clients c ON c.id = o.client_id
           WHERE o.client_id = ? AND o.type_code = ? AND o.created_at >= ? AND o.status <> 'cancelled'
           ORDER BY o.created_at DESC LIMIT 1`,
        )
        .get(draft.clientId, type.code, since) as OrderListItem | undefined;
      if (earlier !== undefined) return { kind: 'possibleDouble', earlier };
    }
    const at = now.toISOString();
    const title = localized(type.title, 'uk');
    const version = this.catalogue.current()?.version ?? null;
    this.sqlite.transaction(() => {
      const id = Number(
        this.sqlite
          .prepare(
            `INSERT INTO orders (uid, client_id, interaction_id, type_code, type_title, status, total_kop, due_at,
              "values", client_confirmed_at, catalogue_version, created_by, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            uid,
            draft.clientId,
            draft.interactionId,
            type.code,
            title,
            check.totalKop,
            check.dueAt,
            JSON.stringify(draft.values),
            draft.clientConfirmedAt,
            version,
            actor,
            at,
            at,
          ).lastInsertRowid,
      );
      this.sqlite
        .prepare(
          "INSERT INTO order_status_events (order_id, status, at, actor) VALUES (?, 'new', ?, ?)",
        )
        .run(id, at, actor);
      this.sqlite
        .prepare('UPDATE clients SET open_orders = open_orders + 1 WHERE id = ?')
        .run(draft.clientId);
      this.sqlite.prepare('DELETE FROM order_drafts WHERE uid = ?').run(uid);
      const callbackAt = this.confirmationDue(type.confirmation?.hoursBefore, check.dueAt, now);
      if (callbackAt !== undefined)
        this.sqlite
          .prepare(
            `INSERT INTO callbacks (client_id, interaction_id, due_at, status, note, created_by, created_at, updated_at)
             VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)`,
          )
          .run(
            draft.clientId,
            draft.interactionId,
            callbackAt,
            `${this.confirmNote()}: ${title}`,
            actor,
            at,
            at,
          );
      recordChange(this.sqlite, {
        at,
        actor,
        action: 'order.submitted',
        entity: 'order',
        entityId: id,
        details: {
          uid,
          type: type.code,
          totalKop: check.totalKop,
          confirmationCallback: callbackAt ?? null,
        },
        outbox: {
          op: 'insert',
          payload: {
            uid,
            clientId: draft.clientId,
            // The team knows clients by their global ids.
            clientUid: this.sqlite
              .prepare('SELECT uid FROM clients WHERE id = ?')
              .pluck()
              .get(draft.clientId) as string | null,
            type: type.code,
            values: draft.values,
            totalKop: check.totalKop,
          },
        },
      });
    })();
    return { kind: 'submitted', order: this.byUid.get(uid) as OrderListItem, repeated: false };
  }

  private confirmNote(): string {
    return this.language() === 'en' ? 'Confirm the order' : 'Підтвердити замовлення';
  }

  /** A future order is confirmed by a callback this long before its date; none when that time has passed. */
  private confirmationDue(
    hoursBefore: number | undefined,
    dueAt: string | null,
    now: Date,
  ): string | undefined {
    if (hoursBefore === undefined || dueAt === null) return undefined;
    const due = localDate(dueAt).getTime() - hoursBefore * 3_600_000;
    return due > now.getTime() ? new Date(due).toISOString() : undefined;
  }

  setStatus(id: number, status: OrderStatus, actor: string, note = ''): OrderListItem {
    const order = this.sqlite
      .prepare('SELECT uid, client_id AS clientId, status FROM orders WHERE id = ?')
      .get(id) as { uid: string; clientId: number; status: OrderStatus } | undefined;
    if (order === undefined) throw new OrderRefusal('orderNotFound');
    if (!orderTransitions[order.status].includes(status))
      throw new OrderRefusal('orderStatusNotAllowed');
    const at = this.clock.now().toISOString();
    this.sqlite.transaction(() => {
      this.sqlite
        .prepare('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?')
        .run(status, at, id);
      this.sqlite
        .prepare(
          'INSERT INTO order_status_events (order_id, status, at, actor, note) VALUES (?, ?, ?, ?, ?)',
        )
        .run(id, status, at, actor, note);
      if (openOrderStatuses.includes(order.status) && !openOrderStatuses.includes(status))
        this.sqlite
          .prepare('UPDATE clients SET open_orders = max(open_orders - 1, 0) WHERE id = ?')
          .run(order.clientId);
      recordChange(this.sqlite, {
        at,
        actor,
        action: 'order.status',
        entity: 'order',
        entityId: id,
        details: { from: order.status, to: status },
        outbox: { op: 'update', payload: { uid: order.uid, status, note } },
      });
    })();
    return this.byUid.get(order.uid) as OrderListItem;
  }

  /** A page of orders, newest first, by the list's filters (keyset paging on the creation time). */
  list(query: OrderQuery, actor: string): OrderListItem[] {
    const { where, params } = orderFilter(query, actor);
    return this.sqlite
      .prepare(
        `SELECT ${listColumns} FROM orders o JOIN clients c ON c.id = o.client_id ${where}
         ORDER BY o.created_at DESC, o.id DESC LIMIT ?`,
      )
      .all(...params, query.limit) as OrderListItem[];
  }

  /** A client's orders still open (new, confirmed, scheduled), for the card and the screen pop. */
  openOf(clientId: number): OrderListItem[] {
    return this.list({ clientId, mine: false, limit: 50 }, '').filter((o) =>
      openOrderStatuses.includes(o.status),
    );
  }
}
