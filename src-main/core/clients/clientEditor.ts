import type BetterSqlite3 from 'better-sqlite3';
import type { CountryCode } from 'libphonenumber-js';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { allBuilt, firstBuilt, runBuilt } from '../db/builtStatements';
import { recordChange } from '../db/changeJournal';
import { clientChange, type ClientState } from '../db/clientChanges';
import {
  ClientEntity,
  ClientPhoneEntity,
  ClientTagEntity,
  type ClientRow,
} from '../db/entities/clientEntities';
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

/** The client's own columns, as a draft sets them. */
function clientColumns(
  draft: ClientDraft,
): Pick<
  ClientRow,
  'fullName' | 'sortKey' | 'address' | 'city' | 'email' | 'personalAccount' | 'notes' | 'doNotCall'
> {
  return {
    fullName: draft.fullName,
    sortKey: nameSortKey(draft.fullName),
    address: draft.address,
    city: draft.city,
    email: draft.email,
    personalAccount: draft.personalAccount,
    notes: draft.notes,
    doNotCall: draft.doNotCall,
  };
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
  uid: string;
  doNotCall: boolean;
  phones: { e164: string; raw: string; label: string }[];
  tags: string[];
}

/** A client as team mode shares it, from its draft or its stored row. */
function stateOf(
  client: ClientDetails & { doNotCall: boolean; tags: string[] },
  phones: { e164: string; raw: string; label: string }[],
): ClientState {
  return {
    fields: {
      fullName: client.fullName,
      address: client.address,
      city: client.city,
      email: client.email,
      personalAccount: client.personalAccount,
      notes: client.notes,
      doNotCall: client.doNotCall,
    },
    phones: phones.map(({ e164, raw, label }) => ({ e164, raw, label })),
    tags: [...client.tags].sort(),
  };
}

/**
 * Creates and edits clients. Each save is one transaction with its audit event
 * (who, when, which fields) and its outbox row, so nothing is half-saved and
 * nothing escapes the audit. Its statements are built by TypeORM from the
 * entities and run synchronously (see builtStatements).
 */
export class ClientEditor {
  private readonly sqlite: BetterSqlite3.Database;
  private readonly dataSource: DataSource;

  constructor(
    db: { dataSource: DataSource; sqlite: BetterSqlite3.Database },
    private readonly clock: Clock,
    private readonly region: CountryCode = 'UA',
  ) {
    this.sqlite = db.sqlite;
    this.dataSource = db.dataSource;
  }

  create(input: unknown, actor: string): ClientSaveResult {
    const checked = this.check(input);
    if (!checked.ok) return checked;
    const { draft, phones } = checked;
    const now = this.clock.now().toISOString();
    const uid = uuidv7();
    const id = this.sqlite.transaction(() => {
      const insert = this.dataSource
        .createQueryBuilder()
        .insert()
        .into(ClientEntity)
        .values({ ...clientColumns(draft), uid, createdAt: now, updatedAt: now });
      const clientId = Number(runBuilt(this.sqlite, insert).lastInsertRowid);
      this.writePhones(clientId, phones);
      linkClientTags(this.sqlite, clientId, draft.tags);
      recordChange(this.sqlite, {
        at: now,
        actor,
        action: 'client.create',
        entity: 'client',
        entityId: clientId,
        details: { phones: phones.length, tags: draft.tags.length },
        outbox: {
          op: 'insert',
          payload: clientChange(clientId, uid, undefined, stateOf(draft, phones)),
        },
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
      const { uid, ...was } = before;
      // The card's form does not show labels: a phone saved without one keeps the one it had.
      const labelled = new Map(was.phones.map((p) => [p.e164, p.label]));
      for (const phone of phones)
        if (phone.label === '') phone.label = labelled.get(phone.e164) ?? '';
      const after = { ...draft, phones, tags: [...draft.tags].sort() };
      // A phone is its number and its label; how it was spelt when typed is no change.
      const compared = (client: typeof was | typeof after, key: keyof typeof was) =>
        key === 'phones'
          ? JSON.stringify(client.phones.map((p) => [p.e164, p.label]))
          : JSON.stringify(client[key]);
      const changed = (Object.keys(was) as (keyof typeof was)[]).filter(
        (key) => compared(was, key) !== compared(after, key),
      );
      if (changed.length === 0) return { ok: true, id: clientId };
      const update = this.dataSource
        .createQueryBuilder()
        .update(ClientEntity)
        .set({ ...clientColumns(draft), updatedAt: now })
        .where('id = :clientId', { clientId });
      runBuilt(this.sqlite, update);
      if (changed.includes('phones')) {
        runBuilt(this.sqlite, this.deleteOf(ClientPhoneEntity, clientId));
        this.writePhones(clientId, phones);
      }
      if (changed.includes('tags')) {
        runBuilt(this.sqlite, this.deleteOf(ClientTagEntity, clientId));
        linkClientTags(this.sqlite, clientId, draft.tags);
      }
      recordChange(this.sqlite, {
        at: now,
        actor,
        action: 'client.update',
        entity: 'client',
        entityId: clientId,
        details: { fields: changed },
        outbox: {
          op: 'update',
          payload: clientChange(clientId, uid, stateOf(was, was.phones), stateOf(draft, phones)),
        },
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
    if (phones.length === 0) return;
    const insert = this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ClientPhoneEntity)
      .values(phones.map((phone) => ({ clientId, ...phone })));
    runBuilt(this.sqlite, insert);
  }

  private deleteOf(entity: typeof ClientPhoneEntity | typeof ClientTagEntity, clientId: number) {
    return this.dataSource
      .createQueryBuilder()
      .delete()
      .from(entity)
      .where('client_id = :clientId', { clientId });
  }

  private stored(clientId: number): StoredClient | undefined {
    const client = this.dataSource
      .getRepository(ClientEntity)
      .createQueryBuilder('client')
      .select('client.uid', 'uid')
      .addSelect('client.fullName', 'fullName')
      .addSelect('client.address', 'address')
      .addSelect('client.city', 'city')
      .addSelect('client.email', 'email')
      .addSelect('client.personalAccount', 'personalAccount')
      .addSelect('client.notes', 'notes')
      .addSelect('client.doNotCall', 'doNotCall')
      .where('client.id = :clientId', { clientId });
    const row = firstBuilt(this.sqlite, client) as
      (Omit<StoredClient, 'phones' | 'tags' | 'doNotCall'> & { doNotCall: number }) | undefined;
    if (row === undefined) return undefined;
    const phones = this.dataSource
      .getRepository(ClientPhoneEntity)
      .createQueryBuilder('phone')
      .select('phone.e164', 'e164')
      .addSelect('phone.raw', 'raw')
      .addSelect('phone.label', 'label')
      .where('phone.clientId = :clientId', { clientId })
      .orderBy('phone.id');
    const tags = this.dataSource
      .getRepository(ClientTagEntity)
      .createQueryBuilder('link')
      .innerJoin('link.tag', 'tag')
      .select('tag.name', 'name')
      .where('link.clientId = :clientId', { clientId })
      .orderBy('tag.name');
    return {
      ...row,
      doNotCall: row.doNotCall === 1,
      phones: allBuilt(this.sqlite, phones) as StoredClient['phones'],
      tags: (allBuilt(this.sqlite, tags) as { name: string }[]).map((t) => t.name),
    };
  }
}
