import type BetterSqlite3 from 'better-sqlite3';
import type { Clock, Logger } from '../platform/ports';
import { TeamClients } from './teamClients';
import type { TeamClientRow } from './pgConnection';

/** One change of the outbox as it goes to the server. */
export interface OutboxChange {
  seq: number;
  /** How far this workstation had read the team's feed when the change was made. */
  seen: number;
  at: string;
  entity: string;
  entityId: number | null;
  op: string;
  payload: string;
}

export interface PushAnswer {
  seq: number;
  answer?: 'stored' | 'already';
  code?: string;
  error?: string;
}

/** A connection to the center's server, as the push needs it (pgConnection.ts makes one). */
export interface PushConnection {
  /**
   * Stores changes in their order, each answered on its own: 'stored', or
   * 'already' when the server had it (a retry), or the server's refusal
   * (SQLSTATE and why). Stops at the first failure that is not a refusal.
   */
  pushMany(workstation: string, changes: OutboxChange[]): Promise<PushAnswer[]>;
  /** Clients with their ids, stored once by uid; how many the server did not have. */
  uploadClients(workstation: string, clients: TeamClientRow[]): Promise<number>;
  close(): Promise<void>;
}

export interface PushState {
  pending: number;
  /** Clients from before team mode still to be uploaded. */
  toUpload: number;
  refused: number;
  /** Sent since Pult started. */
  sent: number;
  /** Why the last round stopped, in the server's or the network's words; null after a good round. */
  lastError: string | null;
  /** When the push tries again after a failure. */
  nextTryAt: string | null;
  lastPushAt: string | null;
}

/**
 * Whether a failure is the change's own (the server will never take it) or
 * the connection's (try again later). Per-change: bad data, a broken rule, no
 * right to it (SQLSTATE classes 22, 23, 42, P0, 54). Everything else (no
 * network, the server starting or shutting down, too busy, a lost
 * connection, a failed login) says nothing about the change.
 */
export function isRefusalOfChange(error: unknown): boolean {
  const code = sqlStateOf(error);
  if (code === undefined) return false;
  return ['22', '23', '42', 'P0', '54'].includes(code.slice(0, 2));
}

/**
 * The server answered the call, even if with a no (bad data, no right, a
 * request already decided): the connection that carried the answer is fine.
 * Connection, shutdown, resource and internal errors say otherwise.
 */
export function isAnswerOnALiveConnection(error: unknown): boolean {
  const code = sqlStateOf(error);
  if (code === undefined) return false;
  return !['08', '53', '57', '58', 'XX'].includes(code.slice(0, 2));
}

/**
 * The database's SQLSTATE of an error, if it is the database's answer: five
 * characters whose class is digits or one of PostgreSQL's lettered classes.
 * A socket's error code (EPIPE, ECONNRESET) is not one.
 */
export function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^([0-9]{2}|P0|XX|HV|F0)[0-9A-Z]{3}$/.test(code)
    ? code
    : undefined;
}

/** The wait before the next try after `failures` failed rounds: doubling, capped, jittered ±50 %. */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(300_000, 2_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random()));
}

/**
 * Team sync's push: the outbox is sent in its order, each change on its own,
 * stored by the server once per (workstation, change number), so a retry
 * after a crash or a cut connection stores nothing twice. A change the
 * server refuses for good is set aside (status 'refused', with why) and the
 * rest of the queue moves on; a temporary failure stops the round, and the
 * next comes after a jittered, growing wait, or at once when asked (a
 * reconnect, a new local change).
 */
export class OutboxPush {
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastError: string | null = null;
  private nextTryAt: Date | null = null;
  private lastPushAt: Date | null = null;
  private sentSinceStart = 0;
  private readonly listeners: ((state: PushState) => void)[] = [];

  constructor(
    private readonly deps: {
      sqlite: BetterSqlite3.Database;
      connect: () => Promise<PushConnection>;
      clock: Clock;
      logger: Logger;
      /** Changes read from the outbox per step. */
      batch?: number;
      random?: () => number;
    },
  ) {}

  workstation(): string {
    return (
      this.deps.sqlite.prepare('SELECT workstation FROM sync_state WHERE id = 1').get() as {
        workstation: string;
      }
    ).workstation;
  }

  /**
   * Where the push stands. Counted through the outbox's partial indexes
   * (pending; not sent), never over every change ever made: it is read on
   * main after each round.
   */
  state(): PushState {
    const count = (sql: string) => (this.deps.sqlite.prepare(sql).get() as { n: number }).n;
    return {
      pending: count("SELECT count(*) AS n FROM outbox WHERE status = 'pending'"),
      toUpload: count(
        `SELECT count(*) AS n FROM clients, sync_state
         WHERE sync_state.id = 1 AND clients.id > uploaded AND clients.id <= upload_until`,
      ),
      refused: count(
        "SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND status = 'refused'",
      ),
      sent: this.sentSinceStart,
      lastError: this.lastError,
      nextTryAt: this.nextTryAt?.toISOString() ?? null,
      lastPushAt: this.lastPushAt?.toISOString() ?? null,
    };
  }

  /**
   * Changes wait and no retry is planned for later: worth a round now. Reads
   * the pending index only, as it runs every few seconds on main.
   */
  due(): boolean {
    if (this.nextTryAt !== null && this.nextTryAt.getTime() > this.deps.clock.now().getTime())
      return false;
    return (
      this.deps.sqlite
        .prepare(
          "SELECT 1 FROM outbox WHERE status = 'pending' UNION ALL SELECT 1 FROM sync_state WHERE uploaded < upload_until LIMIT 1",
        )
        .get() !== undefined
    );
  }

  onChanged(listener: (state: PushState) => void): void {
    this.listeners.push(listener);
  }

  /** The refused changes, for the operator and IT's diagnostics. */
  refused(limit = 100): { seq: number; at: string; entity: string; error: string }[] {
    return this.deps.sqlite
      .prepare(
        `SELECT id AS seq, at, entity, last_error AS error FROM outbox
         WHERE status = 'refused' ORDER BY id DESC LIMIT ?`,
      )
      .all(limit) as { seq: number; at: string; entity: string; error: string }[];
  }

  /** Pushes now (a new change, a reconnect); one round at a time. */
  pushNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    clearTimeout(this.timer);
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async uploadRange(
    connection: PushConnection,
    workstation: string,
    clients: TeamClients,
    payload: string,
  ): Promise<void> {
    const range = JSON.parse(payload) as { firstId?: unknown; lastId?: unknown };
    if (typeof range.firstId !== 'number' || typeof range.lastId !== 'number') return;
    for (let after = range.firstId - 1; after < range.lastId;) {
      const batch = clients.states(after, range.lastId, uploadBatch);
      if (batch.rows.length > 0) await connection.uploadClients(workstation, batch.rows);
      after = batch.lastId;
    }
  }

  private async round(): Promise<void> {
    let connection: PushConnection | undefined;
    try {
      const pending = this.deps.sqlite.prepare(
        `SELECT id AS seq, seen, at, entity, entity_id AS entityId, op, payload FROM outbox
         WHERE status = 'pending' ORDER BY id LIMIT ?`,
      );
      const sent = this.deps.sqlite.prepare(
        "UPDATE outbox SET status = 'sent', sent_at = ?, tries = tries + 1, last_error = NULL WHERE id = ?",
      );
      const refused = this.deps.sqlite.prepare(
        "UPDATE outbox SET status = 'refused', tries = tries + 1, last_error = ? WHERE id = ?",
      );
      const workstation = this.workstation();
      const clients = new TeamClients(this.deps.sqlite);
      const uploadedTo = this.deps.sqlite.prepare(
        'UPDATE sync_state SET uploaded = ? WHERE id = 1',
      );
      // The base from before team mode first, once, with its ids: the outbox's later changes
      // of those clients then find them on the server.
      for (;;) {
        const { uploaded, until } = this.deps.sqlite
          .prepare('SELECT uploaded, upload_until AS until FROM sync_state WHERE id = 1')
          .get() as { uploaded: number; until: number };
        if (uploaded >= until) break;
        const batch = clients.states(uploaded, until, uploadBatch);
        connection ??= await this.deps.connect();
        if (batch.rows.length > 0) await connection.uploadClients(workstation, batch.rows);
        uploadedTo.run(batch.lastId);
      }
      for (;;) {
        const changes = pending.all(this.deps.batch ?? 200) as OutboxChange[];
        if (changes.length === 0) break;
        connection ??= await this.deps.connect();
        // An import's batch travels as its clients first, then as the change that made them;
        // the other changes go many to a round trip, in their order.
        const first = changes[0];
        const isUpload = (change: OutboxChange) =>
          change.entity === 'client' && change.op === 'bulkInsert';
        let group: OutboxChange[];
        if (first !== undefined && isUpload(first)) {
          await this.uploadRange(connection, workstation, clients, first.payload);
          group = [first];
        } else {
          const upTo = changes.findIndex(isUpload);
          group = upTo === -1 ? changes : changes.slice(0, upTo);
          // A round trip carries a few megabytes at most; the rest go in the next.
          let bytes = 0;
          const fits = group.findIndex((change, index) => {
            bytes += change.payload.length;
            return index > 0 && bytes > batchBytes;
          });
          if (fits !== -1) group = group.slice(0, fits);
        }
        const answers = await connection.pushMany(workstation, group);
        const markAll = this.deps.sqlite.transaction(() => {
          for (const answer of answers) {
            if (answer.answer !== undefined) {
              sent.run(this.deps.clock.now().toISOString(), answer.seq);
              this.sentSinceStart += 1;
            } else if (isRefusalOfChange(answer)) {
              const why = `${answer.code ?? ''}: ${answer.error ?? ''}`.slice(0, 500);
              refused.run(why, answer.seq);
              this.deps.logger.warn('sync: the server refused a change for good; it is set aside', {
                seq: answer.seq,
                entity: group.find((change) => change.seq === answer.seq)?.entity,
                error: why,
              });
            }
          }
        });
        markAll();
        // A failure that says nothing about the change stops the round there, in order.
        const stopped = answers.find(
          (answer) => answer.answer === undefined && !isRefusalOfChange(answer),
        );
        if (stopped !== undefined)
          throw Object.assign(new Error(stopped.error ?? 'the server stopped the batch'), {
            code: stopped.code,
          });
        if (answers.length < group.length)
          throw new Error(`the server answered ${answers.length} of ${group.length} changes`);
      }
      this.failures = 0;
      this.lastError = null;
      this.nextTryAt = null;
      this.lastPushAt = this.deps.clock.now();
    } catch (error) {
      this.failures += 1;
      this.lastError = errorText(error);
      const wait = retryDelayMs(this.failures, this.deps.random);
      this.nextTryAt = new Date(this.deps.clock.now().getTime() + wait);
      this.deps.sqlite
        .prepare(
          `UPDATE outbox SET tries = tries + 1, last_error = ?
           WHERE id = (SELECT min(id) FROM outbox WHERE status = 'pending')`,
        )
        .run(this.lastError);
      this.deps.logger.warn('sync: the push stopped; it tries again later', {
        error: this.lastError,
        inMs: wait,
      });
      if (!this.stopped) this.timer = setTimeout(() => void this.pushNow(), wait);
    } finally {
      await connection?.close().catch(() => undefined);
      const state = this.state();
      for (const listener of this.listeners) listener(state);
    }
  }
}

const uploadBatch = 500;
const batchBytes = 4 * 1024 * 1024;

function errorText(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return (typeof code === 'string' ? `${code}: ${message}` : message).slice(0, 500);
}
