import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { ClientState } from '../db/clientChanges';
import { linkClientTags } from '../clients/clientTags';
import { SearchBacklog } from '../clients/searchBacklog';
import { nameSortKey } from '../clients/nameSortKey';
import { normalizePhone } from '../phones/phoneNumbers';
import type { TeamClientRow } from './pgConnection';

/** The clients table's columns for a client as the team has it. */
function columnsOf(uid: string, state: z.output<typeof clientStateSchema>, at: string) {
  const f = state.fields;
  return {
    fullName: f.fullName,
    sortKey: nameSortKey(f.fullName),
    address: f.address,
    city: f.city,
    email: f.email,
    personalAccount: f.personalAccount,
    notes: f.notes,
    doNotCall: f.doNotCall ? 1 : 0,
    uid,
    at,
  };
}

/** A client as the server sends it: checked before it touches the base, like any input. */
const clientStateSchema = z.object({
  fields: z
    .object({
      fullName: z.string().max(200).default(''),
      address: z.string().max(500).default(''),
      city: z.string().max(100).default(''),
      email: z.string().max(200).default(''),
      personalAccount: z.string().max(50).default(''),
      notes: z.string().max(5000).default(''),
      doNotCall: z.boolean().default(false),
    })
    .strip(),
  phones: z
    .array(
      z.object({
        e164: z.string().regex(/^\+[1-9]\d{6,14}$/),
        raw: z.string().max(64),
        label: z.string().max(64).default(''),
      }),
    )
    .max(50),
  tags: z.array(z.string().min(1).max(100)).max(100),
});
const uidSchema = z.uuid();

export type ApplyResult =
  | { kind: 'created' | 'updated' | 'same'; clientId: number }
  | { kind: 'pending'; clientId: number }
  | { kind: 'invalid'; problem: string };

/**
 * The team's clients in this workstation's base: what the first upload
 * sends, and how what others changed lands here. A client with a change of
 * its own still waiting in the outbox is left as it is: the server's answer
 * to that change (its merge of both) comes back through the feed. Writes
 * what the search and the card read, through the same tables and triggers
 * as an operator's save, but records no change: it is the team's, not ours.
 */
export class TeamClients {
  private readonly byUid: BetterSqlite3.Statement<[string], { id: number }>;
  private readonly pendingOf: BetterSqlite3.Statement<[number], { one: number }>;

  private readonly backlog: SearchBacklog;
  private readonly insertClient: BetterSqlite3.Statement;
  private readonly insertPhone: BetterSqlite3.Statement;
  private readonly nextId: BetterSqlite3.Statement<[], { next: number }>;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.byUid = sqlite.prepare('SELECT id FROM clients WHERE uid = ?');
    this.backlog = new SearchBacklog(sqlite);
    this.insertClient = sqlite.prepare(
      `INSERT INTO clients (id, full_name, sort_key, address, city, email, personal_account, notes,
         do_not_call, uid, created_at, updated_at)
       VALUES (@id, @fullName, @sortKey, @address, @city, @email, @personalAccount, @notes,
         @doNotCall, @uid, @at, @at)`,
    );
    this.insertPhone = sqlite.prepare(
      'INSERT INTO client_phones (client_id, e164, raw, label, search_tokens) VALUES (?, ?, ?, ?, ?)',
    );
    this.nextId = sqlite.prepare('SELECT coalesce(max(id), 0) + 1 AS next FROM clients');
    this.pendingOf = sqlite.prepare(
      "SELECT 1 AS one FROM outbox WHERE status = 'pending' AND entity = 'client' AND entity_id = ? LIMIT 1",
    );
  }

  /** Clients after `afterId` up to `untilId`, in id order, with their phones and tags. */
  states(
    afterId: number,
    untilId: number,
    limit: number,
  ): { lastId: number; rows: TeamClientRow[] } {
    const clients = this.sqlite
      .prepare<
        [number, number, number],
        { id: number; uid: string } & Record<string, string | number>
      >(
        `SELECT id, uid, full_name AS fullName, address, city, email,
           personal_account AS personalAccount, notes, do_not_call AS doNotCall
         FROM clients WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`,
      )
      .all(afterId, untilId, limit);
    const first = clients[0]?.id;
    const last = clients.at(-1)?.id;
    if (first === undefined || last === undefined) return { lastId: untilId, rows: [] };
    const phones = new Map<number, ClientState['phones']>();
    for (const phone of this.sqlite
      .prepare<[number, number], { clientId: number; e164: string; raw: string; label: string }>(
        'SELECT client_id AS clientId, e164, raw, label FROM client_phones WHERE client_id BETWEEN ? AND ? ORDER BY id',
      )
      .all(first, last)) {
      const list = phones.get(phone.clientId) ?? [];
      list.push({ e164: phone.e164, raw: phone.raw, label: phone.label });
      phones.set(phone.clientId, list);
    }
    const tags = new Map<number, string[]>();
    for (const tag of this.sqlite
      .prepare<[number, number], { clientId: number; name: string }>(
        `SELECT ct.client_id AS clientId, t.name FROM client_tags ct JOIN tags t ON t.id = ct.tag_id
         WHERE ct.client_id BETWEEN ? AND ?`,
      )
      .all(first, last)) {
      const list = tags.get(tag.clientId) ?? [];
      list.push(tag.name);
      tags.set(tag.clientId, list);
    }
    return {
      lastId: last,
      rows: clients.map((c) => ({
        uid: c.uid,
        state: {
          fields: {
            fullName: String(c.fullName),
            address: String(c.address),
            city: String(c.city),
            email: String(c.email),
            personalAccount: String(c.personalAccount),
            notes: String(c.notes),
            doNotCall: c.doNotCall === 1,
          },
          phones: phones.get(c.id) ?? [],
          tags: (tags.get(c.id) ?? []).sort(),
        },
      })),
    };
  }

  /**
   * Lands many clients (a snapshot's chunk). Those this base does not have
   * yet go in as a bulk import does: consecutive ids, the search triggers
   * left out and their search rows left to the backlog (indexed on the
   * import worker); the others as `apply` lands one. Call inside a
   * transaction.
   */
  applyMany(rows: readonly { uid: unknown; state: unknown }[], at: string): ApplyResult[] {
    const fresh: { index: number; uid: string; state: z.output<typeof clientStateSchema> }[] = [];
    const results: ApplyResult[] = rows.map((row, index) => {
      const id = uidSchema.safeParse(row.uid);
      if (id.success && this.byUid.get(id.data) === undefined) {
        const parsed = clientStateSchema.safeParse(row.state);
        if (parsed.success) {
          fresh.push({ index, uid: id.data, state: parsed.data });
          return { kind: 'created', clientId: 0 };
        }
      }
      return this.apply(row.uid, row.state, at);
    });
    if (fresh.length === 0) return results;
    const triggers = this.sqlite
      .prepare<[string, string], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)",
      )
      .all('clients_search_insert', 'client_phones_search_insert');
    for (const trigger of triggers) this.sqlite.exec(`DROP TRIGGER ${trigger.name}`);
    const first = this.nextId.get()?.next ?? 1;
    let id = first;
    for (const row of fresh) {
      this.insertClient.run({ id, ...columnsOf(row.uid, row.state, at) });
      this.insertPhones(id, row.state.phones);
      if (row.state.tags.length > 0) linkClientTags(this.sqlite, id, row.state.tags);
      results[row.index] = { kind: 'created', clientId: id };
      id += 1;
    }
    for (const trigger of triggers) this.sqlite.exec(trigger.sql);
    this.backlog.defer(first, id - 1);
    return results;
  }

  /** Lands one client as the team has it. Call inside a transaction. */
  apply(uid: unknown, data: unknown, at: string): ApplyResult {
    const id = uidSchema.safeParse(uid);
    const parsed = clientStateSchema.safeParse(data);
    if (!id.success || !parsed.success)
      return {
        kind: 'invalid',
        problem: (id.error ?? parsed.error)?.issues[0]?.message ?? 'not a client',
      };
    const state = parsed.data;
    const existing = this.byUid.get(id.data)?.id;
    if (existing !== undefined && this.pendingOf.get(existing) !== undefined)
      return { kind: 'pending', clientId: existing };
    const row = columnsOf(id.data, state, at);
    let clientId: number;
    let kind: 'created' | 'updated' | 'same';
    if (existing === undefined) {
      clientId = Number(
        this.sqlite
          .prepare(
            `INSERT INTO clients (full_name, sort_key, address, city, email, personal_account, notes,
               do_not_call, uid, created_at, updated_at)
             VALUES (@fullName, @sortKey, @address, @city, @email, @personalAccount, @notes,
               @doNotCall, @uid, @at, @at)`,
          )
          .run(row).lastInsertRowid,
      );
      kind = 'created';
    } else {
      clientId = existing;
      const changed = this.sqlite
        .prepare(
          `UPDATE clients SET full_name = @fullName, sort_key = @sortKey, address = @address,
             city = @city, email = @email, personal_account = @personalAccount, notes = @notes,
             do_not_call = @doNotCall, updated_at = @at
           WHERE uid = @uid AND NOT (full_name = @fullName AND address = @address AND city = @city
             AND email = @email AND personal_account = @personalAccount AND notes = @notes
             AND do_not_call = @doNotCall)`,
        )
        .run(row).changes;
      kind = changed > 0 ? 'updated' : 'same';
    }
    if (this.replacePhones(clientId, state.phones)) kind = kind === 'same' ? 'updated' : kind;
    if (this.replaceTags(clientId, state.tags)) kind = kind === 'same' ? 'updated' : kind;
    return { kind, clientId };
  }

  private replacePhones(clientId: number, phones: ClientState['phones']): boolean {
    const stored = this.sqlite
      .prepare<[number], { e164: string; raw: string; label: string }>(
        'SELECT e164, raw, label FROM client_phones WHERE client_id = ? ORDER BY id',
      )
      .all(clientId);
    const key = (list: ClientState['phones']) =>
      JSON.stringify(list.map((p) => [p.e164, p.raw, p.label]).sort());
    if (key(stored) === key(phones)) return false;
    this.sqlite.prepare('DELETE FROM client_phones WHERE client_id = ?').run(clientId);
    this.insertPhones(clientId, phones);
    return true;
  }

  /** With the digit forms search matches them by, as the editor writes them. */
  private insertPhones(clientId: number, phones: ClientState['phones']): void {
    for (const phone of phones) {
      const normal = normalizePhone(phone.e164);
      this.insertPhone.run(
        clientId,
        phone.e164,
        phone.raw,
        phone.label,
        normal.ok ? normal.searchTokens : '',
      );
    }
  }

  private replaceTags(clientId: number, tags: string[]): boolean {
    const stored = this.sqlite
      .prepare<[number], { name: string }>(
        'SELECT t.name FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = ?',
      )
      .all(clientId)
      .map((t) => t.name);
    const fold = (list: string[]) => JSON.stringify(list.map((t) => t.toLowerCase()).sort());
    if (fold(stored) === fold(tags)) return false;
    this.sqlite.prepare('DELETE FROM client_tags WHERE client_id = ?').run(clientId);
    linkClientTags(this.sqlite, clientId, tags);
    return true;
  }
}
