import type BetterSqlite3 from 'better-sqlite3';
import { recordChange } from '../db/changeJournal';
import type { Clock } from '../platform/ports';

export interface CallbackItem {
  id: number;
  clientId: number;
  clientName: string;
  dueAt: string;
  note: string;
}

export interface MyCallbacks {
  overdue: CallbackItem[];
  today: CallbackItem[];
  later: CallbackItem[];
}

/** The operator's promised callbacks: overdue, due today, later; rescheduled or cancelled with an audit trail. */
export class CallbackList {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly clock: Clock,
  ) {}

  /** "Today" ends at local midnight of the given time zone offset (minutes east of UTC, e.g. 120 in Kyiv winter). */
  mine(actor: string, utcOffsetMinutes: number): MyCallbacks {
    const now = this.clock.now();
    const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
    const endOfDay =
      Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) -
      utcOffsetMinutes * 60_000;
    const rows = this.sqlite
      .prepare<[string], CallbackItem>(
        `SELECT cb.id, cb.client_id AS clientId, c.full_name AS clientName, cb.due_at AS dueAt, cb.note
         FROM callbacks cb JOIN clients c ON c.id = cb.client_id
         WHERE cb.status = 'pending' AND cb.created_by = ? ORDER BY cb.due_at`,
      )
      .all(actor);
    const due = (row: CallbackItem) => Date.parse(row.dueAt);
    return {
      overdue: rows.filter((r) => due(r) < now.getTime()),
      today: rows.filter((r) => due(r) >= now.getTime() && due(r) < endOfDay),
      later: rows.filter((r) => due(r) >= endOfDay),
    };
  }

  /** Callbacks that have come due since `since`, for the desktop notification. */
  dueBetween(actor: string, since: Date): CallbackItem[] {
    return this.sqlite
      .prepare<[string, string, string], CallbackItem>(
        `SELECT cb.id, cb.client_id AS clientId, c.full_name AS clientName, cb.due_at AS dueAt, cb.note
         FROM callbacks cb JOIN clients c ON c.id = cb.client_id
         WHERE cb.status = 'pending' AND cb.created_by = ? AND cb.due_at > ? AND cb.due_at <= ? ORDER BY cb.due_at`,
      )
      .all(actor, since.toISOString(), this.clock.now().toISOString());
  }

  /** A callback promised outside a call (from the client card). */
  create(
    clientId: number,
    dueAt: string,
    note: string,
    actor: string,
  ): number | 'notFound' | 'past' {
    const at = this.clock.now();
    if (Date.parse(dueAt) <= at.getTime()) return 'past';
    return this.sqlite.transaction(() => {
      const exists = this.sqlite.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId);
      if (exists === undefined) return 'notFound' as const;
      const id = Number(
        this.sqlite
          .prepare(
            `INSERT INTO callbacks (client_id, due_at, status, note, created_by, created_at, updated_at)
             VALUES (?, ?, 'pending', ?, ?, ?, ?)`,
          )
          .run(
            clientId,
            new Date(dueAt).toISOString(),
            note,
            actor,
            at.toISOString(),
            at.toISOString(),
          ).lastInsertRowid,
      );
      recordChange(this.sqlite, {
        at: at.toISOString(),
        actor,
        action: 'callback.create',
        entity: 'callback',
        entityId: id,
        details: { clientId, dueAt },
        outbox: { op: 'insert', payload: { callbackId: id, clientId, dueAt } },
      });
      return id;
    })();
  }

  reschedule(id: number, dueAt: string, actor: string): boolean | 'past' {
    // Moving a promise into the past would only make it overdue at once.
    if (Date.parse(dueAt) <= this.clock.now().getTime()) return 'past';
    return this.change(
      id,
      actor,
      'callback.reschedule',
      "UPDATE callbacks SET due_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'",
      [new Date(dueAt).toISOString()],
    );
  }

  cancel(id: number, actor: string): boolean {
    return this.change(
      id,
      actor,
      'callback.cancel',
      "UPDATE callbacks SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'pending'",
      [],
    );
  }

  markDone(id: number, actor: string): boolean {
    return this.change(
      id,
      actor,
      'callback.done',
      "UPDATE callbacks SET status = 'done', updated_at = ? WHERE id = ? AND status = 'pending'",
      [],
    );
  }

  private change(
    id: number,
    actor: string,
    action: string,
    sql: string,
    leading: unknown[],
  ): boolean {
    const at = this.clock.now().toISOString();
    return this.sqlite.transaction(() => {
      const changed = this.sqlite.prepare(sql).run(...leading, at, id).changes > 0;
      if (changed) {
        recordChange(this.sqlite, {
          at,
          actor,
          action,
          entity: 'callback',
          entityId: id,
          details: leading.length > 0 ? { dueAt: leading[0] } : {},
          outbox: { op: 'update', payload: { callbackId: id, action } },
        });
      }
      return changed;
    })();
  }
}
