import type BetterSqlite3 from 'better-sqlite3';
import { recordChange } from '../../db/changeJournal';
import type { ClientChangePayload, ClientFields } from '../../db/clientChanges';
import { ukrainianSearchTokens } from '../../phones/phoneNumbers';
import { linkClientTags } from '../clientTags';
import { SearchBacklog } from '../searchBacklog';
import type { ImportedClient, ImportedPhone } from './clientRowReader';
import { MultiRowInsert, type RowShape } from './multiRowInsert';
import {
  storedErrorLimit,
  type DuplicatePolicy,
  type ImportRowError,
} from '../../../../src-shared/clients/importSchemas';

export interface BatchCounts {
  imported: number;
  merged: number;
  skipped: number;
}

interface NewPhone {
  clientId: number;
  phone: ImportedPhone;
}

// The job and the time are the same for every row (bound once a statement);
// the id is SQLite's next; empty columns are constants.
const clientColumns =
  '(full_name, sort_key, address, city, email, personal_account, notes, import_job_id, created_at, updated_at)';
const clientShapes: RowShape<ImportedClient>[] = [
  {
    tuple: "(?, ?, ?, ?, '', '', '', @job, @now, @now)",
    statement: (tuples) => `INSERT INTO clients ${clientColumns} VALUES ${tuples}`,
    fits: (r) => r.email === '' && r.personalAccount === '' && r.notes === '',
    bind: (r, into) => into.push(r.fullName, r.sortKey, r.address, r.city),
  },
  {
    tuple: '(?, ?, ?, ?, ?, ?, ?, @job, @now, @now)',
    statement: (tuples) => `INSERT INTO clients ${clientColumns} VALUES ${tuples}`,
    fits: () => true,
    bind: (r, into) =>
      into.push(r.fullName, r.sortKey, r.address, r.city, r.email, r.personalAccount, r.notes),
  },
];

/** What a phone's search tokens are, its own or (null) a Ukrainian number's usual ones. */
const tokensOf = (phone: ImportedPhone) => phone.searchTokens ?? ukrainianSearchTokens(phone.e164);
const phoneColumns = '(client_id, e164, raw, search_tokens)';
const phoneShapes: RowShape<NewPhone>[] = [
  {
    tuple: '(?, ?, ?)',
    statement: (tuples) =>
      `INSERT INTO client_phones ${phoneColumns}
       SELECT column1, column2, column3,
         substr(column2, 2) || ' 0' || substr(column2, 5) || ' ' || substr(column2, 5)
       FROM (VALUES ${tuples})`,
    // A Ukrainian number's usual forms, made by SQLite from the e164 (ukrainianSearchTokens).
    fits: ({ phone }) => phone.searchTokens === null,
    bind: (p, into) => into.push(p.clientId, p.phone.e164, p.phone.raw),
  },
  {
    tuple: '(?, ?, ?, ?)',
    statement: (tuples) => `INSERT INTO client_phones ${phoneColumns} VALUES ${tuples}`,
    fits: () => true,
    bind: (p, into) => into.push(p.clientId, p.phone.e164, p.phone.raw, tokensOf(p.phone)),
  },
];

/**
 * Where a batch looks for clients that already have a phone, this file's
 * earlier rows included: the database's e164 index, or, in a bulk load (which
 * drops that index until its end), a map of every number loaded at the start
 * and added since.
 */
interface PhoneOwners {
  find(e164: string): number | undefined;
  /** A new client's number, found from the next row on. */
  add(e164: string, clientId: number): void;
  /** The batch's rows are in the database. */
  batchWritten(): void;
}

/**
 * A Ukrainian number's nine national digits as a small integer: the map a
 * bulk load asks twice per phone hashes it several times faster than the
 * string, and a million take a few MB, not a hundred.
 */
function uaNationalKey(e164: string): number | undefined {
  if (e164.length !== 13 || !e164.startsWith('+380')) return undefined;
  let key = 0;
  for (let at = 4; at < 13; at++) key = key * 10 + (e164.charCodeAt(at) - 48);
  return key;
}

function memoryPhoneOwners(sqlite: BetterSqlite3.Database): PhoneOwners {
  const ukrainian = new Map<number, number>();
  const others = new Map<string, number>();
  const find = (e164: string) => {
    const key = uaNationalKey(e164);
    return key === undefined ? others.get(e164) : ukrainian.get(key);
  };
  const add = (e164: string, clientId: number) => {
    if (find(e164) !== undefined) return;
    const key = uaNationalKey(e164);
    if (key === undefined) others.set(e164, clientId);
    else ukrainian.set(key, clientId);
  };
  const stored = sqlite
    .prepare<[], { e164: string; clientId: number }>(
      'SELECT e164, client_id AS clientId FROM client_phones ORDER BY id',
    )
    .iterate();
  // The first client with a number owns it, as the index lookup would find.
  for (const row of stored) add(row.e164, row.clientId);
  return { find, add, batchWritten: () => undefined };
}

function databasePhoneOwners(sqlite: BetterSqlite3.Database): PhoneOwners {
  const lookup = sqlite.prepare<[string], { clientId: number }>(
    'SELECT client_id AS clientId FROM client_phones WHERE e164 = ? LIMIT 1',
  );
  // The batch's own rows, not written yet when its later rows are checked.
  const batch = new Map<string, number>();
  return {
    find: (e164) => batch.get(e164) ?? lookup.get(e164)?.clientId,
    add: (e164, clientId) => {
      if (!batch.has(e164)) batch.set(e164, clientId);
    },
    batchWritten: () => batch.clear(),
  };
}

/**
 * Writes one batch of imported clients in one transaction, together with the
 * job's counters and errors, so a crash leaves whole batches and a job row that
 * says how far it got. New clients go in with multi-row statements; their
 * search rows are left to the search backlog, so the import does not wait for
 * the index. Raw prepared statements, multi-row: the import's hot path, in
 * the worker (import.rowsPerSecond in `npm run bench`).
 *
 * The search triggers that fire on inserts are dropped for those statements
 * and made again before the batch commits: even paused, a trigger ran for
 * every row, and a million-row import spent a seventh of its time there. No
 * other connection ever sees them missing (the batch is one transaction, and a
 * rollback brings them back), so what the operator saves meanwhile is indexed
 * as always.
 */
export class BulkClientWriter {
  private readonly owners: PhoneOwners;
  private readonly backlog: SearchBacklog;
  private readonly nextId: BetterSqlite3.Statement<[], { next: number }>;
  private readonly insertClients: MultiRowInsert<ImportedClient>;
  private readonly insertPhones: MultiRowInsert<NewPhone>;
  private readonly insertPhone: BetterSqlite3.Statement;
  private readonly insertTriggers: { name: string; sql: string }[];
  private readonly updateJob: BetterSqlite3.Statement;
  private readonly insertError: BetterSqlite3.Statement;
  private storedErrors = 0;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly jobId: number,
    private readonly duplicates: DuplicatePolicy,
    private readonly actor: string,
    /** A load bigger than the base: phone owners are kept in memory (see bulkLoadIndexes). */
    bulk: boolean,
    /** The import's list tag: a client the file names who is already in the base gets it too. */
    private readonly listTag?: string,
  ) {
    this.owners = bulk ? memoryPhoneOwners(sqlite) : databasePhoneOwners(sqlite);
    this.backlog = new SearchBacklog(sqlite);
    this.insertClients = new MultiRowInsert(sqlite, clientShapes);
    this.insertPhones = new MultiRowInsert(sqlite, phoneShapes);
    this.insertPhone = sqlite.prepare(
      'INSERT INTO client_phones (client_id, e164, raw, search_tokens) VALUES (?, ?, ?, ?)',
    );
    this.nextId = sqlite.prepare('SELECT coalesce(max(id), 0) + 1 AS next FROM clients');
    this.insertTriggers = sqlite
      .prepare<[string, string], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)",
      )
      .all('clients_search_insert', 'client_phones_search_insert');
    this.updateJob = sqlite.prepare(
      `UPDATE import_jobs SET rows_read = ?, rows_imported = rows_imported + ?, rows_merged = rows_merged + ?,
         rows_skipped = rows_skipped + ?, rows_failed = ? WHERE id = ?`,
    );
    this.insertError = sqlite.prepare(
      'INSERT INTO import_errors (job_id, line, column_name, reason, detail) VALUES (?, ?, ?, ?, ?)',
    );
  }

  write(
    rows: readonly ImportedClient[],
    progress: { rowsRead: number; rowsFailed: number; newErrors: readonly ImportRowError[] },
    now: string,
  ): BatchCounts {
    // Immediate: it reads the next id and then writes, and the app may write in between.
    const counts = this.sqlite
      .transaction((): BatchCounts => {
        const counts: BatchCounts = { imported: 0, merged: 0, skipped: 0 };
        // New clients get consecutive ids from `firstId`, in order.
        const fresh: ImportedClient[] = [];
        const merges: { clientId: number; row: ImportedClient }[] = [];
        const firstId = this.nextId.get()?.next ?? 1;
        let id = firstId;
        for (const row of rows) {
          const existing = this.duplicates === 'create' ? undefined : this.existingClient(row);
          if (existing !== undefined) {
            if (this.duplicates === 'merge') {
              merges.push({ clientId: existing, row });
              counts.merged++;
            } else {
              counts.skipped++;
              // Left as it is, but on the file's call list all the same.
              if (this.listTag !== undefined) linkClientTags(this.sqlite, existing, [this.listTag]);
            }
            continue;
          }
          fresh.push(row);
          for (const phone of row.phones) this.owners.add(phone.e164, id);
          id++;
        }
        if (fresh.length > 0) {
          this.withoutInsertTriggers(() => this.insertNew(fresh, firstId, now));
          this.backlog.defer(firstId, id - 1);
          counts.imported = fresh.length;
          recordChange(this.sqlite, {
            at: now,
            actor: this.actor,
            action: 'clients.importBatch',
            entity: 'client',
            entityId: null,
            details: { importJobId: this.jobId, count: fresh.length },
            outbox: {
              op: 'bulkInsert',
              payload: {
                importJobId: this.jobId,
                firstId,
                lastId: id - 1,
                count: fresh.length,
              },
            },
          });
        }
        for (const merge of merges) this.merge(merge.clientId, merge.row, now);
        this.writeTags(fresh, firstId);
        this.updateJob.run(
          progress.rowsRead,
          counts.imported,
          counts.merged,
          counts.skipped,
          progress.rowsFailed,
          this.jobId,
        );
        this.storeErrors(progress.newErrors);
        return counts;
      })
      .immediate();
    this.owners.batchWritten();
    return counts;
  }

  /** Call inside the batch's transaction. */
  private withoutInsertTriggers(insert: () => void): void {
    for (const trigger of this.insertTriggers) this.sqlite.exec(`DROP TRIGGER ${trigger.name}`);
    insert();
    for (const trigger of this.insertTriggers) this.sqlite.exec(trigger.sql);
  }

  private existingClient(row: ImportedClient): number | undefined {
    for (const phone of row.phones) {
      const stored = this.owners.find(phone.e164);
      if (stored !== undefined) return stored;
    }
    return undefined;
  }

  private insertNew(rows: readonly ImportedClient[], firstId: number, now: string): void {
    this.insertClients.run(rows, { job: this.jobId, now });
    // The ids were left to SQLite (one bound value fewer a row): under this
    // transaction's write lock they are max + 1 onwards, which this confirms.
    const lastId = this.nextId.get()?.next ?? 0;
    if (lastId !== firstId + rows.length) {
      throw new Error(`imported clients got ids up to ${lastId - 1}, not ${firstId}..`);
    }
    const phones: NewPhone[] = [];
    rows.forEach((row, index) => {
      for (const phone of row.phones) phones.push({ clientId: firstId + index, phone });
    });
    this.insertPhones.run(phones);
  }

  /** Fills what the stored client lacks and adds new phones; never overwrites what an operator entered. */
  private merge(clientId: number, row: ImportedClient, now: string): void {
    const stored = this.sqlite
      .prepare<
        [number],
        Pick<ImportedClient, 'address' | 'city' | 'email' | 'personalAccount'> & { uid: string }
      >(
        'SELECT uid, address, city, email, personal_account AS personalAccount FROM clients WHERE id = ?',
      )
      .get(clientId);
    this.sqlite
      .prepare(
        `UPDATE clients SET
           address = CASE WHEN address = '' THEN ? ELSE address END,
           city = CASE WHEN city = '' THEN ? ELSE city END,
           email = CASE WHEN email = '' THEN ? ELSE email END,
           personal_account = CASE WHEN personal_account = '' THEN ? ELSE personal_account END,
           updated_at = ? WHERE id = ?`,
      )
      .run(row.address, row.city, row.email, row.personalAccount, now, clientId);
    const known = new Set(
      this.sqlite
        .prepare<[number], { e164: string }>('SELECT e164 FROM client_phones WHERE client_id = ?')
        .all(clientId)
        .map((p) => p.e164),
    );
    const added = row.phones.filter((phone) => !known.has(phone.e164));
    for (const phone of added)
      this.insertPhone.run(clientId, phone.e164, phone.raw, tokensOf(phone));
    linkClientTags(this.sqlite, clientId, row.tags);
    // What the team's base takes from the merge: the fields it filled, the phones and tags it added.
    const set: Partial<ClientFields> = {};
    for (const field of ['address', 'city', 'email', 'personalAccount'] as const)
      if (stored !== undefined && stored[field] === '' && row[field] !== '')
        set[field] = row[field];
    const payload: ClientChangePayload = {
      id: clientId,
      uid: stored?.uid ?? '',
      set,
      phones: { add: added.map((p) => ({ e164: p.e164, raw: p.raw, label: '' })), remove: [] },
      tags: { add: row.tags, remove: [] },
    };
    recordChange(this.sqlite, {
      at: now,
      actor: this.actor,
      action: 'client.importMerge',
      entity: 'client',
      entityId: clientId,
      details: { importJobId: this.jobId, line: row.line },
      outbox: { op: 'update', payload },
    });
  }

  private writeTags(rows: readonly ImportedClient[], firstId: number): void {
    rows.forEach((row, index) => linkClientTags(this.sqlite, firstId + index, row.tags));
  }

  private storeErrors(errors: readonly ImportRowError[]): void {
    for (const error of errors.slice(0, Math.max(0, storedErrorLimit - this.storedErrors))) {
      this.insertError.run(
        this.jobId,
        error.line,
        error.column,
        error.reason,
        error.detail.slice(0, 500),
      );
      this.storedErrors++;
    }
  }
}
