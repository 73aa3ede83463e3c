import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource, EntitySchema, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { allBuilt, firstBuilt, runBuilt } from '../db/builtStatements';
import { recordChange } from '../db/changeJournal';
import { markDoNotCall } from '../db/clientChanges';
import { ClientEntity } from '../db/entities/clientEntities';
import {
  CallbackEntity,
  InteractionEntity,
  OfferEntity,
  RefusalReasonEntity,
} from '../db/entities/workEntities';
import type { Clock } from '../platform/ports';

import { wrapUpSchema } from '../../../src-shared/calls/wrapUpSchema';

export {
  dispositions,
  wrapUpSchema,
  type Disposition,
  type WrapUpInput,
} from '../../../src-shared/calls/wrapUpSchema';

export type WrapUpResult =
  | { ok: true }
  | {
      ok: false;
      fieldErrors: Partial<
        Record<'disposition' | 'refusalReason' | 'callbackAt' | 'interactionId', string>
      >;
    };

/**
 * Ends a call's wrap-up: the record must be complete before the operator can
 * go Ready. One transaction writes the outcome onto the call, an offer with
 * its refusal reason (so refusers can be offered something else later), the
 * do-not-call flag when the client asked for it, the promised callback, the
 * client's last outcome, the audit event and the outbox row. Its statements
 * are built by TypeORM from the entities and run in one synchronous
 * transaction (see builtStatements).
 */
export class WrapUp {
  constructor(
    private readonly db: { dataSource: DataSource; sqlite: BetterSqlite3.Database },
    private readonly clock: Clock,
  ) {}

  /** The refusal reasons the operator may choose from, in the UI's language. */
  refusalReasons(language: 'uk' | 'en'): { code: string; label: string }[] {
    const reasons = this.repository(RefusalReasonEntity, 'reason')
      .select('reason.code', 'code')
      .addSelect(language === 'en' ? 'reason.labelEn' : 'reason.labelUk', 'label')
      .where('reason.active = :active', { active: 1 })
      .orderBy('reason.id');
    return allBuilt(this.db.sqlite, reasons) as { code: string; label: string }[];
  }

  /** What the wrap-up form shows about the call being wrapped up. */
  callSummary(
    interactionId: number,
  ): { remoteNumber: string; clientName: string | null; direction: string } | undefined {
    const summary = this.repository(InteractionEntity, 'call')
      .leftJoin('call.client', 'client')
      .select('call.remoteNumber', 'remoteNumber')
      .addSelect('client.fullName', 'clientName')
      .addSelect('call.direction', 'direction')
      .where('call.id = :interactionId', { interactionId });
    return firstBuilt(this.db.sqlite, summary) as
      { remoteNumber: string; clientName: string | null; direction: string } | undefined;
  }

  finish(input: unknown, actor: string): WrapUpResult {
    const parsed = wrapUpSchema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        fieldErrors[String(issue.path[0] ?? 'form')] ??= 'invalid';
      return { ok: false, fieldErrors };
    }
    const data = parsed.data;
    const now = this.clock.now();
    const { sqlite, dataSource } = this.db;
    const fieldErrors: Extract<WrapUpResult, { ok: false }>['fieldErrors'] = {};
    const call = firstBuilt(
      sqlite,
      this.repository(InteractionEntity, 'call')
        .select('call.clientId', 'clientId')
        .where('call.id = :id', { id: data.interactionId }),
    ) as { clientId: number | null } | undefined;
    if (call === undefined) fieldErrors.interactionId = 'notFound';
    if (data.disposition === undefined) fieldErrors.disposition = 'required';
    let reasonId: number | undefined;
    if (data.disposition === 'refused') {
      reasonId =
        data.refusalReason === undefined
          ? undefined
          : (
              firstBuilt(
                sqlite,
                this.repository(RefusalReasonEntity, 'reason')
                  .select('reason.id', 'id')
                  .where('reason.code = :code AND reason.active = 1', {
                    code: data.refusalReason,
                  }),
              ) as { id: number } | undefined
            )?.id;
      if (reasonId === undefined)
        fieldErrors.refusalReason = data.refusalReason === undefined ? 'required' : 'unknown';
    }
    if (data.disposition === 'callback') {
      if (data.callbackAt === undefined) fieldErrors.callbackAt = 'required';
      else if (Date.parse(data.callbackAt) <= now.getTime()) fieldErrors.callbackAt = 'past';
    }
    if (
      Object.keys(fieldErrors).length > 0 ||
      call === undefined ||
      data.disposition === undefined
    ) {
      return { ok: false, fieldErrors };
    }
    const at = now.toISOString();
    const clientId = call.clientId;
    const disposition = data.disposition;
    const update = <T extends ObjectLiteral>(
      entity: EntitySchema<T>,
      id: number,
      set: QueryDeepPartialEntity<T>,
    ) =>
      runBuilt(
        sqlite,
        dataSource.createQueryBuilder().update(entity).set(set).where('id = :id', { id }),
      );
    const insert = <T extends ObjectLiteral>(
      entity: EntitySchema<T>,
      row: QueryDeepPartialEntity<T>,
    ) => runBuilt(sqlite, dataSource.createQueryBuilder().insert().into(entity).values(row));
    sqlite.transaction(() => {
      update(InteractionEntity, data.interactionId, {
        outcome: disposition,
        refusalReasonId: reasonId ?? null,
        notes: data.notes,
        wrappedUpAt: at,
      });
      if (clientId !== null) {
        if (disposition === 'refused' || (disposition === 'sale' && data.offer !== undefined)) {
          insert(OfferEntity, {
            clientId,
            interactionId: data.interactionId,
            productId: data.offer?.productId ?? null,
            tariffId: data.offer?.tariffId ?? null,
            promotionId: data.offer?.promotionId ?? null,
            offeredAt: at,
            result: disposition === 'refused' ? 'refused' : 'accepted',
            refusalReasonId: reasonId ?? null,
          });
        }
        if (data.refusalReason === 'doNotCall' && disposition === 'refused') {
          markDoNotCall(sqlite, clientId, { at, actor, action: 'client.doNotCall' });
        }
        if (disposition === 'callback' && data.callbackAt !== undefined) {
          insert(CallbackEntity, {
            clientId,
            interactionId: data.interactionId,
            dueAt: new Date(data.callbackAt).toISOString(),
            status: 'pending',
            note: data.notes,
            createdBy: actor,
            createdAt: at,
            updatedAt: at,
          });
        }
        update(ClientEntity, clientId, { lastOutcome: disposition, lastContactAt: at });
      }
      recordChange(sqlite, {
        at,
        actor,
        action: 'call.wrapUp',
        entity: 'interaction',
        entityId: data.interactionId,
        details: {
          disposition,
          refusalReason: data.refusalReason ?? null,
          callback: data.callbackAt ?? null,
        },
        outbox: { op: 'update', payload: { ...data, call: this.teamCall(data.interactionId) } },
      });
    })();
    return { ok: true };
  }

  /** The call as the team's base keeps it (`pult.apply_call`): its ids and what the operator recorded. */
  private teamCall(interactionId: number) {
    return this.db.sqlite
      .prepare(
        `SELECT i.uid, c.uid AS clientUid, i.direction, i.offered_at AS offeredAt,
           i.talk_seconds AS talkSeconds, i.outcome, r.code AS refusalReason, i.notes
         FROM interactions i LEFT JOIN clients c ON c.id = i.client_id
         LEFT JOIN refusal_reasons r ON r.id = i.refusal_reason_id WHERE i.id = ?`,
      )
      .get(interactionId);
  }

  private repository<T extends ObjectLiteral>(entity: EntitySchema<T>, alias: string) {
    return this.db.dataSource.getRepository(entity).createQueryBuilder(alias);
  }
}
