import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { firstBuilt, runBuilt } from '../db/builtStatements';
import { recordChange } from '../db/changeJournal';
import { ClientEntity } from '../db/entities/clientEntities';
import { CallbackEntity, type CallbackRow } from '../db/entities/workEntities';
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

/**
 * The operator's promised callbacks: overdue, due today, later; rescheduled
 * or cancelled with an audit trail. Reads go through TypeORM's query builder;
 * a change and its audit are one synchronous transaction (see builtStatements).
 */
export class CallbackList {
  constructor(
    private readonly db: { dataSource: DataSource; sqlite: BetterSqlite3.Database },
    private readonly clock: Clock,
  ) {}

  /** "Today" ends at local midnight of the given time zone offset (minutes east of UTC, e.g. 120 in Kyiv winter). */
  async mine(actor: string, utcOffsetMinutes: number): Promise<MyCallbacks> {
    const now = this.clock.now();
    const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
    const endOfDay =
      Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) -
      utcOffsetMinutes * 60_000;
    const rows = await this.pending(actor).getRawMany<CallbackItem>();
    const due = (row: CallbackItem) => Date.parse(row.dueAt);
    return {
      overdue: rows.filter((r) => due(r) < now.getTime()),
      today: rows.filter((r) => due(r) >= now.getTime() && due(r) < endOfDay),
      later: rows.filter((r) => due(r) >= endOfDay),
    };
  }

  /** Callbacks that have come due since `since`, for the desktop notification. */
  dueBetween(actor: string, since: Date): Promise<CallbackItem[]> {
    return this.pending(actor)
      .andWhere('callback.dueAt > :since', { since: since.toISOString() })
      .andWhere('callback.dueAt <= :now', { now: this.clock.now().toISOString() })
      .getRawMany<CallbackItem>();
  }

  /** A callback promised outside a call (from the client card). */
  create(
    clientId: number,
    dueAt: string,
    note: string,
    actor: string,
  ): number | 'notFound' | 'past' {
    const at = this.clock.now().toISOString();
    if (Date.parse(dueAt) <= Date.parse(at)) return 'past';
    const { sqlite, dataSource } = this.db;
    return sqlite.transaction(() => {
      const client = dataSource
        .getRepository(ClientEntity)
        .createQueryBuilder('client')
        .select('client.id')
        .where('client.id = :clientId', { clientId });
      if (firstBuilt(sqlite, client) === undefined) return 'notFound' as const;
      const row: Omit<CallbackRow, 'id'> = {
        clientId,
        interactionId: null,
        dueAt: new Date(dueAt).toISOString(),
        status: 'pending',
        note,
        createdBy: actor,
        createdAt: at,
        updatedAt: at,
      };
      const insert = dataSource.createQueryBuilder().insert().into(CallbackEntity).values(row);
      const id = Number(runBuilt(sqlite, insert).lastInsertRowid);
      recordChange(sqlite, {
        at,
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
    const moved = new Date(dueAt).toISOString();
    return this.change(id, actor, 'callback.reschedule', { dueAt: moved }, { dueAt: moved });
  }

  cancel(id: number, actor: string): boolean {
    return this.change(id, actor, 'callback.cancel', { status: 'cancelled' }, {});
  }

  markDone(id: number, actor: string): boolean {
    return this.change(id, actor, 'callback.done', { status: 'done' }, {});
  }

  private pending(actor: string) {
    return this.db.dataSource
      .getRepository(CallbackEntity)
      .createQueryBuilder('callback')
      .innerJoin('callback.client', 'client')
      .select('callback.id', 'id')
      .addSelect('callback.clientId', 'clientId')
      .addSelect('client.fullName', 'clientName')
      .addSelect('callback.dueAt', 'dueAt')
      .addSelect('callback.note', 'note')
      .where('callback.status = :pending', { pending: 'pending' })
      .andWhere('callback.createdBy = :actor', { actor })
      .orderBy('callback.dueAt');
  }

  /** Changes a pending callback (a done or cancelled one stays as it ended). */
  private change(
    id: number,
    actor: string,
    action: string,
    set: Partial<Pick<CallbackRow, 'dueAt' | 'status'>>,
    details: Record<string, unknown>,
  ): boolean {
    const at = this.clock.now().toISOString();
    const { sqlite, dataSource } = this.db;
    return sqlite.transaction(() => {
      const update = dataSource
        .createQueryBuilder()
        .update(CallbackEntity)
        .set({ ...set, updatedAt: at })
        .where('id = :id AND status = :pending', { id, pending: 'pending' });
      const changed = runBuilt(sqlite, update).changes > 0;
      if (changed) {
        recordChange(sqlite, {
          at,
          actor,
          action,
          entity: 'callback',
          entityId: id,
          details,
          outbox: { op: 'update', payload: { callbackId: id, action } },
        });
      }
      return changed;
    })();
  }
}
