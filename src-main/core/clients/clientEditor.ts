import type BetterSqlite3 from 'better-sqlite3';
import type { CountryCode } from 'libphonenumber-js';
import type { z } from 'zod';
import { recordChange } from '../db/changeJournal';
import type { Clock } from '../platform/ports';
import { normalizePhone } from '../phones/phoneNumbers';
import { linkClientTags } from './clientTags';
import { nameSortKey } from './nameSortKey';
import {
  clientDraftSchema,
  type ClientDetails,
  type ClientDraft,
  type ClientSaveResult,
} from '../../../src-shared/clients/clientSchemas';

/** full_name, sort_key, address, city, email, personal_account, notes, do_not_call, in that order. */
function columnValues(draft: ClientDraft): (string | number)[] {
  return [
    draft.fullName,
    nameSortKey(draft.fullName),
    draft.address,
    draft.city,
    draft.email,
    draft.personalAccount,
    draft.notes,
    draft.doNotCall ? 1 : 0,
  ];
}

/** Field error codes the UI translates. */
export type FieldErrorCode = 'required' | 'tooLong' | 'invalidEmail' | 'invalidPhone' | 'invalid';

function errorCode(issue: z.core.$ZodIssue): FieldErrorCode {
  if (issue.code === 'too_small') return 'required';
  if (issue.code === 'too_big') return 'tooLong';
  if (issue.path[0] === 'email') return 'invalidEmail';
  return 'invalid';
}

interface StoredClient extends ClientDetails {
  doNotCall: boolean;
  phones: string[];
  tags: string[];
}

/**
 * Creates and edits clients. Each save is one transaction with its audit event
 * (who, when, which fields) and its outbox row, so nothing is half-saved and
 * nothing escapes the audit.
 */
export class ClientEditor {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly clock: Clock,
    private readonly region: CountryCode = 'UA',
  ) {}

  create(input: unknown, actor: string): ClientSaveResult {
    const checked = this.check(input);
    if (!checked.ok) return checked;
    const { draft, phones } = checked;
    const now = this.clock.now().toISOString();
    const id = this.sqlite.transaction(() => {
      const row = this.sqlite
        .prepare(
          `INSERT INTO clients (full_name, sort_key, address, city, email, personal_account, notes, do_not_call, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...columnValues(draft), now, now);
      const clientId = Number(row.lastInsertRowid);
      this.writePhones(clientId, phones);
      linkClientTags(this.sqlite, clientId, draft.tags);
      recordChange(this.sqlite, {
        at: now,
        actor,
        action: 'client.create',
        entity: 'client',
        entityId: clientId,
        details: { phones: phones.length, tags: draft.tags.length },
        outbox: { op: 'insert', payload: { id: clientId, ...draft, phones } },
      });
      return clientId;
    })();
    return { ok: true, id };
  }

  update(clientId: number, input: unknown, actor: string): ClientSaveResult | 'notFound' {
    const checked = this.check(input);
    if (!checked.ok) return checked;
    const { draft, phones } = checked;
    const now = this.clock.now().toISOString();
    return this.sqlite.transaction((): ClientSaveResult | 'notFound' => {
      const before = this.stored(clientId);
      if (before === undefined) return 'notFound';
      const after: StoredClient = {
        ...draft,
        phones: phones.map((p) => p.e164),
        tags: [...draft.tags].sort(),
      };
      const changed = (Object.keys(after) as (keyof StoredClient)[]).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      );
      if (changed.length === 0) return { ok: true, id: clientId };
      this.sqlite
        .prepare(
          `UPDATE clients SET full_name = ?, sort_key = ?, address = ?, city = ?, email = ?, personal_account = ?, notes = ?,
             do_not_call = ?, updated_at = ? WHERE id = ?`,
        )
        .run(...columnValues(draft), now, clientId);
      if (changed.includes('phones')) {
        this.sqlite.prepare('DELETE FROM client_phones WHERE client_id = ?').run(clientId);
        this.writePhones(clientId, phones);
      }
      if (changed.includes('tags')) {
        this.sqlite.prepare('DELETE FROM client_tags WHERE client_id = ?').run(clientId);
        linkClientTags(this.sqlite, clientId, draft.tags);
      }
      recordChange(this.sqlite, {
        at: now,
        actor,
        action: 'client.update',
        entity: 'client',
        entityId: clientId,
        details: { fields: changed },
        outbox: { op: 'update', payload: { id: clientId, ...draft, phones } },
      });
      return { ok: true, id: clientId };
    })();
  }

  private check(input: unknown):
    | {
        ok: true;
        draft: ClientDraft;
        phones: { e164: string; raw: string; label: string; searchTokens: string }[];
      }
    | { ok: false; fieldErrors: Record<string, FieldErrorCode> } {
    const parsed = clientDraftSchema.safeParse(input);
    const fieldErrors: Record<string, FieldErrorCode> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        fieldErrors[issue.path.join('.') || 'form'] ??= errorCode(issue);
      return { ok: false, fieldErrors };
    }
    const phones = parsed.data.phones.map((phone, index) => {
      const normal = normalizePhone(phone.raw, this.region);
      if (!normal.ok) fieldErrors[`phones.${index}.raw`] = 'invalidPhone';
      return normal.ok
        ? {
            e164: normal.e164,
            raw: phone.raw,
            label: phone.label,
            searchTokens: normal.searchTokens,
          }
        : undefined;
    });
    if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
    const unique = new Map<string, NonNullable<(typeof phones)[number]>>();
    for (const phone of phones)
      if (phone !== undefined && !unique.has(phone.e164)) unique.set(phone.e164, phone);
    const tags = [...new Set(parsed.data.tags)];
    return { ok: true, draft: { ...parsed.data, tags }, phones: [...unique.values()] };
  }

  private writePhones(
    clientId: number,
    phones: { e164: string; raw: string; label: string; searchTokens: string }[],
  ): void {
    const insert = this.sqlite.prepare(
      'INSERT INTO client_phones (client_id, e164, raw, label, search_tokens) VALUES (?, ?, ?, ?, ?)',
    );
    for (const phone of phones)
      insert.run(clientId, phone.e164, phone.raw, phone.label, phone.searchTokens);
  }

  private stored(clientId: number): StoredClient | undefined {
    const row = this.sqlite
      .prepare<
        [number],
        Omit<StoredClient, 'phones' | 'tags' | 'doNotCall'> & { doNotCall: number }
      >(
        `SELECT full_name AS fullName, address, city, email, personal_account AS personalAccount, notes,
           do_not_call AS doNotCall FROM clients WHERE id = ?`,
      )
      .get(clientId);
    if (row === undefined) return undefined;
    const phones = this.sqlite
      .prepare<[number], { e164: string }>(
        'SELECT e164 FROM client_phones WHERE client_id = ? ORDER BY id',
      )
      .all(clientId)
      .map((p) => p.e164);
    const tags = this.sqlite
      .prepare<[number], { name: string }>(
        'SELECT t.name FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = ? ORDER BY t.name',
      )
      .all(clientId)
      .map((t) => t.name);
    return { ...row, doNotCall: row.doNotCall === 1, phones, tags };
  }
}
