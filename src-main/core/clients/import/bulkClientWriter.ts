import type BetterSqlite3 from 'better-sqlite3';
import { recordChange } from '../../db/changeJournal';
import { linkClientTags } from '../clientTags';
import { nameSortKey } from '../nameSortKey';
import type { ImportedClient } from './clientRowReader';
import { storedErrorLimit, type DuplicatePolicy, type ImportRowError } from './importSchemas';

export interface BatchCounts {
  imported: number;
  merged: number;
  skipped: number;
}

const rowsPerStatement = 50;
const searchName = (name: string) => name.replace(/['’]/g, '');

/**
 * Writes one batch of imported clients in one transaction, together with the
 * job's counters and errors, so a crash leaves whole batches and a job row that
 * says how far it got. New clients go in with multi-row statements and their
 * search rows are written here directly (the triggers are paused for the
 * transaction, and a rollback un-pauses them).
 */
export class BulkClientWriter {
  private readonly findPhone: BetterSqlite3.Statement<[string], { clientId: number }>;
  private readonly nextId: BetterSqlite3.Statement<[], { next: number }>;
  private readonly insertClients: BetterSqlite3.Statement;
  private readonly insertPhones: BetterSqlite3.Statement;
  private readonly insertSearch: BetterSqlite3.Statement;
  private readonly insertClient: BetterSqlite3.Statement;
  private readonly insertPhone: BetterSqlite3.Statement;
  private readonly insertSearchRow: BetterSqlite3.Statement;
  private readonly pause: BetterSqlite3.Statement;
  private readonly updateJob: BetterSqlite3.Statement;
  private readonly insertError: BetterSqlite3.Statement;
  private storedErrors = 0;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly jobId: number,
    private readonly duplicates: DuplicatePolicy,
    private readonly actor: string,
  ) {
    const clientCols =
      '(id, full_name, sort_key, address, city, email, personal_account, notes, import_job_id, created_at, updated_at)';
    const clientVals = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    const phoneCols = '(client_id, e164, raw, search_tokens)';
    const phoneVals = '(?, ?, ?, ?)';
    const searchCols = '(rowid, name, phones, address)';
    const searchVals = '(?, ?, ?, ?)';
    const many = (vals: string) => Array<string>(rowsPerStatement).fill(vals).join(', ');
    this.insertClients = sqlite.prepare(
      `INSERT INTO clients ${clientCols} VALUES ${many(clientVals)}`,
    );
    this.insertClient = sqlite.prepare(`INSERT INTO clients ${clientCols} VALUES ${clientVals}`);
    this.insertPhones = sqlite.prepare(
      `INSERT INTO client_phones ${phoneCols} VALUES ${many(phoneVals)}`,
    );
    this.insertPhone = sqlite.prepare(`INSERT INTO client_phones ${phoneCols} VALUES ${phoneVals}`);
    this.insertSearch = sqlite.prepare(
      `INSERT INTO client_search ${searchCols} VALUES ${many(searchVals)}`,
    );
    this.insertSearchRow = sqlite.prepare(
      `INSERT INTO client_search ${searchCols} VALUES ${searchVals}`,
    );
    this.findPhone = sqlite.prepare(
      'SELECT client_id AS clientId FROM client_phones WHERE e164 = ? LIMIT 1',
    );
    this.nextId = sqlite.prepare('SELECT coalesce(max(id), 0) + 1 AS next FROM clients');
    this.pause = sqlite.prepare('UPDATE search_control SET paused = ? WHERE id = 1');
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
    return this.sqlite.transaction((): BatchCounts => {
      const counts: BatchCounts = { imported: 0, merged: 0, skipped: 0 };
      const fresh: (ImportedClient & { id: number })[] = [];
      const merges: { clientId: number; row: ImportedClient }[] = [];
      const seen = new Map<string, number>();
      let id = this.nextId.get()?.next ?? 1;
      for (const row of rows) {
        const existing = this.duplicates === 'create' ? undefined : this.existingClient(row, seen);
        if (existing !== undefined) {
          if (this.duplicates === 'merge') {
            merges.push({ clientId: existing, row });
            counts.merged++;
          } else counts.skipped++;
          continue;
        }
        fresh.push({ ...row, id });
        for (const phone of row.phones) seen.set(phone.e164, id);
        id++;
      }
      if (fresh.length > 0) {
        this.pause.run(1);
        this.insertNew(fresh, now);
        this.pause.run(0);
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
              firstId: fresh[0]?.id,
              lastId: fresh.at(-1)?.id,
              count: fresh.length,
            },
          },
        });
      }
      for (const merge of merges) this.merge(merge.clientId, merge.row, now);
      this.writeTags(fresh);
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
    })();
  }

  private existingClient(row: ImportedClient, seen: Map<string, number>): number | undefined {
    for (const phone of row.phones) {
      const inBatch = seen.get(phone.e164);
      if (inBatch !== undefined) return inBatch;
      const stored = this.findPhone.get(phone.e164);
      if (stored !== undefined) return stored.clientId;
    }
    return undefined;
  }

  private insertNew(rows: (ImportedClient & { id: number })[], now: string): void {
    const clientParams = (r: ImportedClient & { id: number }) => [
      r.id,
      r.fullName,
      nameSortKey(r.fullName),
      r.address,
      r.city,
      r.email,
      r.personalAccount,
      r.notes,
      this.jobId,
      now,
      now,
    ];
    const searchParams = (r: ImportedClient & { id: number }) => [
      r.id,
      searchName(r.fullName),
      r.phones.map((p) => p.searchTokens).join(' '),
      `${r.address} ${r.city}`,
    ];
    const phones = rows.flatMap((r) => r.phones.map((p) => [r.id, p.e164, p.raw, p.searchTokens]));
    this.inChunks(rows.map(clientParams), this.insertClients, this.insertClient);
    this.inChunks(phones, this.insertPhones, this.insertPhone);
    this.inChunks(rows.map(searchParams), this.insertSearch, this.insertSearchRow);
  }

  private inChunks(
    rows: unknown[][],
    many: BetterSqlite3.Statement,
    one: BetterSqlite3.Statement,
  ): void {
    let at = 0;
    for (; at + rowsPerStatement <= rows.length; at += rowsPerStatement) {
      many.run(rows.slice(at, at + rowsPerStatement).flat());
    }
    for (; at < rows.length; at++) one.run(rows[at]);
  }

  /** Fills what the stored client lacks and adds new phones; never overwrites what an operator entered. */
  private merge(clientId: number, row: ImportedClient, now: string): void {
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
    for (const phone of row.phones) {
      if (!known.has(phone.e164))
        this.insertPhone.run(clientId, phone.e164, phone.raw, phone.searchTokens);
    }
    recordChange(this.sqlite, {
      at: now,
      actor: this.actor,
      action: 'client.importMerge',
      entity: 'client',
      entityId: clientId,
      details: { importJobId: this.jobId, line: row.line },
      outbox: { op: 'update', payload: { id: clientId, merged: row } },
    });
  }

  private writeTags(rows: readonly (ImportedClient & { id: number })[]): void {
    for (const row of rows) linkClientTags(this.sqlite, row.id, row.tags);
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
