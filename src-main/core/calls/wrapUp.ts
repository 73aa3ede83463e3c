import type BetterSqlite3 from 'better-sqlite3';
import { recordChange } from '../db/changeJournal';
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
 * client's last outcome, the audit event and the outbox row.
 */
export class WrapUp {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly clock: Clock,
  ) {}

  /** The refusal reasons the operator may choose from, in the UI's language. */
  refusalReasons(language: 'uk' | 'en'): { code: string; label: string }[] {
    return this.sqlite
      .prepare<[], { code: string; label: string }>(
        `SELECT code, ${language === 'en' ? 'label_en' : 'label_uk'} AS label
         FROM refusal_reasons WHERE active = 1 ORDER BY id`,
      )
      .all();
  }

  /** What the wrap-up form shows about the call being wrapped up. */
  callSummary(
    interactionId: number,
  ): { remoteNumber: string; clientName: string | null; direction: string } | undefined {
    return this.sqlite
      .prepare<[number], { remoteNumber: string; clientName: string | null; direction: string }>(
        `SELECT i.remote_number AS remoteNumber, c.full_name AS clientName, i.direction
         FROM interactions i LEFT JOIN clients c ON c.id = i.client_id WHERE i.id = ?`,
      )
      .get(interactionId);
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
    const fieldErrors: Extract<WrapUpResult, { ok: false }>['fieldErrors'] = {};
    const call = this.sqlite
      .prepare<[number], { clientId: number | null }>(
        'SELECT client_id AS clientId FROM interactions WHERE id = ?',
      )
      .get(data.interactionId);
    if (call === undefined) fieldErrors.interactionId = 'notFound';
    if (data.disposition === undefined) fieldErrors.disposition = 'required';
    let reasonId: number | undefined;
    if (data.disposition === 'refused') {
      reasonId =
        data.refusalReason === undefined
          ? undefined
          : this.sqlite
              .prepare<[string], { id: number }>(
                'SELECT id FROM refusal_reasons WHERE code = ? AND active = 1',
              )
              .get(data.refusalReason)?.id;
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
    this.sqlite.transaction(() => {
      this.sqlite
        .prepare(
          'UPDATE interactions SET outcome = ?, refusal_reason_id = ?, notes = ? WHERE id = ?',
        )
        .run(data.disposition, reasonId ?? null, data.notes, data.interactionId);
      if (clientId !== null) {
        if (
          data.disposition === 'refused' ||
          (data.disposition === 'sale' && data.offer !== undefined)
        ) {
          this.sqlite
            .prepare(
              `INSERT INTO offers (client_id, interaction_id, product_id, tariff_id, promotion_id, offered_at, result, refusal_reason_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              clientId,
              data.interactionId,
              data.offer?.productId ?? null,
              data.offer?.tariffId ?? null,
              data.offer?.promotionId ?? null,
              at,
              data.disposition === 'refused' ? 'refused' : 'accepted',
              reasonId ?? null,
            );
        }
        if (data.refusalReason === 'doNotCall' && data.disposition === 'refused') {
          this.sqlite
            .prepare('UPDATE clients SET do_not_call = 1, updated_at = ? WHERE id = ?')
            .run(at, clientId);
        }
        if (data.disposition === 'callback' && data.callbackAt !== undefined) {
          this.sqlite
            .prepare(
              `INSERT INTO callbacks (client_id, interaction_id, due_at, status, note, created_by, created_at, updated_at)
               VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)`,
            )
            .run(
              clientId,
              data.interactionId,
              new Date(data.callbackAt).toISOString(),
              data.notes,
              actor,
              at,
              at,
            );
        }
        this.sqlite
          .prepare('UPDATE clients SET last_outcome = ?, last_contact_at = ? WHERE id = ?')
          .run(data.disposition, at, clientId);
      }
      recordChange(this.sqlite, {
        at,
        actor,
        action: 'call.wrapUp',
        entity: 'interaction',
        entityId: data.interactionId,
        details: {
          disposition: data.disposition,
          refusalReason: data.refusalReason ?? null,
          callback: data.callbackAt ?? null,
        },
        outbox: { op: 'update', payload: { ...data } },
      });
    })();
    return { ok: true };
  }
}
