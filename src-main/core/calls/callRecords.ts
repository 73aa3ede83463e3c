import type BetterSqlite3 from 'better-sqlite3';

export interface CallStart {
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  sipCallId: string;
  clientId: number | null;
  offeredAt: Date;
}

export interface CallEnd {
  endedAt: Date;
  endCause: string;
  ringSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  transferTarget: string | null;
}

export interface CallLogEntry {
  interactionId: number;
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  clientId: number | null;
  clientName: string | null;
  offeredAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  talkSeconds: number;
  endCause: string | null;
}

/** End causes of calls nobody picked up: these are the missed calls. */
const missedCauses = ['canceled', 'noAnswer', 'unavailable'];

/**
 * Every call is an interaction row, written when the call is offered and
 * updated as it goes, so a call cut short by a crash or a kill still has its
 * row (closed as such the next time the app starts). Raw prepared statements:
 * they run on the phone line's own path (answer.to200ok in `npm run bench`).
 */
export class CallRecords {
  private readonly insert: BetterSqlite3.Statement;
  private readonly markAnswered: BetterSqlite3.Statement;
  private readonly markEnded: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.insert = sqlite.prepare(
      `INSERT INTO interactions (client_id, kind, direction, remote_number, sip_call_id, offered_at)
       VALUES (?, 'call', ?, ?, ?, ?)`,
    );
    this.markAnswered = sqlite.prepare(
      'UPDATE interactions SET answered_at = ?, sip_dialog = ? WHERE id = ? AND answered_at IS NULL',
    );
    this.markEnded = sqlite.prepare(
      `UPDATE interactions SET ended_at = ?, end_cause = ?, ring_seconds = ?, talk_seconds = ?,
         hold_seconds = ?, transfer_target = ?, sip_dialog = NULL WHERE id = ?`,
    );
  }

  start(call: CallStart): number {
    const result = this.insert.run(
      call.clientId,
      call.direction,
      call.remoteNumber,
      call.sipCallId,
      call.offeredAt.toISOString(),
    );
    return Number(result.lastInsertRowid);
  }

  /** Answered: with its SIP dialog, kept while the call lasts (see byeOwed). */
  answered(interactionId: number, at: Date, dialog?: unknown): void {
    this.markAnswered.run(
      at.toISOString(),
      dialog === undefined ? null : JSON.stringify(dialog),
      interactionId,
    );
  }

  ended(interactionId: number, end: CallEnd): void {
    this.markEnded.run(
      end.endedAt.toISOString(),
      end.endCause,
      round(end.ringSeconds),
      round(end.talkSeconds),
      round(end.holdSeconds),
      end.transferTarget,
      interactionId,
    );
  }

  /**
   * Dialogs of calls a crash or a kill closed (closeAbandoned), owed a BYE at
   * the PBX. Each is given up once tried (byeSent), whatever the answer.
   */
  byeOwed(): { interactionId: number; dialog: unknown }[] {
    return this.sqlite
      .prepare<[], { interactionId: number; dialog: string }>(
        `SELECT id AS interactionId, sip_dialog AS dialog FROM interactions
         WHERE kind = 'call' AND end_cause = 'appClosed' AND sip_dialog IS NOT NULL`,
      )
      .all()
      .map((row) => ({
        interactionId: row.interactionId,
        dialog: JSON.parse(row.dialog) as unknown,
      }));
  }

  byeSent(interactionId: number): void {
    this.sqlite
      .prepare('UPDATE interactions SET sip_dialog = NULL WHERE id = ?')
      .run(interactionId);
  }

  /** Calls left open by a crash or a kill: ended now, with the cause saying so. */
  closeAbandoned(now: Date): number {
    return this.sqlite
      .prepare(
        `UPDATE interactions SET ended_at = ?, end_cause = 'appClosed'
         WHERE kind = 'call' AND ended_at IS NULL`,
      )
      .run(now.toISOString()).changes;
  }

  /** The other party's number on a call, for calling it back from the (masked) log. */
  remoteNumberOf(interactionId: number): string | undefined {
    const row = this.sqlite
      .prepare<[number], { remoteNumber: string }>(
        "SELECT remote_number AS remoteNumber FROM interactions WHERE id = ? AND kind = 'call'",
      )
      .get(interactionId);
    return row?.remoteNumber;
  }

  /** The operator's calls since `since` (today's log), newest first. */
  since(since: Date, limit = 200): CallLogEntry[] {
    return this.sqlite
      .prepare(
        `SELECT i.id AS interactionId, i.direction, i.remote_number AS remoteNumber,
           i.client_id AS clientId, c.full_name AS clientName, i.offered_at AS offeredAt,
           i.answered_at AS answeredAt, i.ended_at AS endedAt, i.talk_seconds AS talkSeconds,
           i.end_cause AS endCause
         FROM interactions i LEFT JOIN clients c ON c.id = i.client_id
         WHERE i.kind = 'call' AND i.offered_at >= ? ORDER BY i.offered_at DESC, i.id DESC LIMIT ?`,
      )
      .all(since.toISOString(), limit) as CallLogEntry[];
  }
}

export function isMissed(entry: Pick<CallLogEntry, 'direction' | 'answeredAt' | 'endCause'>) {
  return (
    entry.direction === 'inbound' &&
    entry.answeredAt === null &&
    entry.endCause !== null &&
    missedCauses.includes(entry.endCause)
  );
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
