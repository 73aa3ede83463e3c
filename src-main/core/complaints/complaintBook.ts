import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { localized } from '../../../src-shared/orders/catalogue';
import type { ComplaintView } from '../../../src-shared/orders/orderViews';
import type { CatalogueStore } from '../catalogue/catalogueStore';
import { localMoment } from '../catalogue/catalogueStore';
import { recordChange } from '../db/changeJournal';
import type { Clock } from '../platform/ports';
import { Refusal } from '../platform/refusal';

export type ComplaintProblem =
  | 'complaintCategoryUnknown'
  | 'clientNotFound'
  | 'complaintNotFound'
  | 'complaintOrderOfAnotherClient'
  | 'complaintNeedsVerdict'
  | 'callNotFound';

export class ComplaintRefusal extends Refusal<ComplaintProblem> {}

/** How long a complaint may take unless the operator sets another date (the center's usual 15 days). */
export const defaultComplaintDays = 15;

const columns = `p.id, p.client_id AS clientId, c.full_name AS clientName, p.order_id AS orderId,
  p.interaction_id AS interactionId, p.kind, p.category_code AS categoryCode, p.category_title AS category,
  p.body, p.status, p.justified, p.due_on AS dueOn, p.created_by AS createdBy, p.created_at AS createdAt`;

type Row = Omit<ComplaintView, 'justified'> & { justified: number | null };
const view = (row: Row): ComplaintView => ({
  ...row,
  justified: row.justified === null ? null : row.justified === 1,
});

/**
 * Complaints (скарга, рекламація, претензія) about a client, and perhaps one
 * of their orders and the call they came in on; the category is one of the
 * center's (from the catalogue). Resolving one says whether it was
 * justified (обґрунтована): a justified one counts on the performance sheet.
 */
export class ComplaintBook {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly catalogue: CatalogueStore,
    private readonly clock: Clock,
  ) {}

  register(
    complaint: {
      clientId: number;
      interactionId?: number;
      orderId?: number;
      kind: ComplaintView['kind'];
      categoryCode: string;
      body: string;
      dueOn?: string;
    },
    actor: string,
  ): ComplaintView {
    const category = this.catalogue
      .current()
      ?.catalogue.complaintCategories.find((c) => c.code === complaint.categoryCode);
    if (category === undefined) throw new ComplaintRefusal('complaintCategoryUnknown');
    if (
      this.sqlite.prepare('SELECT 1 FROM clients WHERE id = ?').get(complaint.clientId) ===
      undefined
    )
      throw new ComplaintRefusal('clientNotFound');
    if (
      complaint.orderId !== undefined &&
      this.sqlite
        .prepare('SELECT 1 FROM orders WHERE id = ? AND client_id = ?')
        .get(complaint.orderId, complaint.clientId) === undefined
    )
      throw new ComplaintRefusal('complaintOrderOfAnotherClient');
    if (
      complaint.interactionId !== undefined &&
      this.sqlite
        .prepare('SELECT 1 FROM interactions WHERE id = ?')
        .get(complaint.interactionId) === undefined
    )
      throw new ComplaintRefusal('callNotFound');
    const now = this.clock.now();
    const at = now.toISOString();
    const dueOn =
      complaint.dueOn ??
      localMoment(new Date(now.getTime() + defaultComplaintDays * 86_400_000)).today;
    const uid = uuidv7();
    const id = this.sqlite.transaction(() => {
      const id = Number(
        this.sqlite
          .prepare(
            `INSERT INTO complaints (uid, client_id, order_id, interaction_id, kind, category_code, category_title,
              body, status, due_on, created_by, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
          )
          .run(
            uid,
            complaint.clientId,
            complaint.orderId ?? null,
            complaint.interactionId ?? null,
            complaint.kind,
            category.code,
            localized(category.label, 'uk'),
            complaint.body,
            dueOn,
            actor,
            at,
            at,
          ).lastInsertRowid,
      );
      this.sqlite
        .prepare('UPDATE clients SET open_complaints = open_complaints + 1 WHERE id = ?')
        .run(complaint.clientId);
      recordChange(this.sqlite, {
        at,
        actor,
        action: 'complaint.registered',
        entity: 'complaint',
        entityId: id,
        details: { uid, kind: complaint.kind, category: category.code },
        outbox: { op: 'insert', payload: { uid, ...complaint, dueOn } },
      });
      return id;
    })();
    return this.get(id) as ComplaintView;
  }

  get(id: number): ComplaintView | undefined {
    const row = this.sqlite
      .prepare(
        `SELECT ${columns} FROM complaints p JOIN clients c ON c.id = p.client_id WHERE p.id = ?`,
      )
      .get(id) as Row | undefined;
    return row === undefined ? undefined : view(row);
  }

  /** In work, or resolved with the verdict: justified or not. A resolved complaint stays resolved. */
  setStatus(
    id: number,
    status: 'inProgress' | 'resolved',
    actor: string,
    justified?: boolean,
  ): ComplaintView {
    const current = this.get(id);
    if (current === undefined || current.status === 'resolved')
      throw new ComplaintRefusal('complaintNotFound');
    if (status === 'resolved' && justified === undefined)
      throw new ComplaintRefusal('complaintNeedsVerdict');
    const at = this.clock.now().toISOString();
    this.sqlite.transaction(() => {
      this.sqlite
        .prepare(
          `UPDATE complaints SET status = ?, justified = ?, updated_at = ?, resolved_at = ? WHERE id = ?`,
        )
        .run(
          status,
          justified === undefined ? null : justified ? 1 : 0,
          at,
          status === 'resolved' ? at : null,
          id,
        );
      if (status === 'resolved')
        this.sqlite
          .prepare('UPDATE clients SET open_complaints = max(open_complaints - 1, 0) WHERE id = ?')
          .run(current.clientId);
      recordChange(this.sqlite, {
        at,
        actor,
        action: 'complaint.status',
        entity: 'complaint',
        entityId: id,
        details: { from: current.status, to: status, justified: justified ?? null },
        outbox: { op: 'update', payload: { id, status, justified: justified ?? null } },
      });
    })();
    return this.get(id) as ComplaintView;
  }

  ofClient(clientId: number): ComplaintView[] {
    return (
      this.sqlite
        .prepare(
          `SELECT ${columns} FROM complaints p JOIN clients c ON c.id = p.client_id
           WHERE p.client_id = ? ORDER BY p.created_at DESC LIMIT 100`,
        )
        .all(clientId) as Row[]
    ).map(view);
  }
}
