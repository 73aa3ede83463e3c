import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { recordChange } from '../db/changeJournal';
import type { Clock } from '../platform/ports';
import { Refusal } from '../platform/refusal';
import { addDays, localDay, weekStartOf } from '../../../src-shared/localDays';
import type { DayOffRequestView } from '../../../src-shared/performance/achievementViews';

export type DayOffProblem = 'dayOffNotNextWeek' | 'dayOffAlreadyRequested';
export class DayOffRefusal extends Refusal<DayOffProblem> {}

type RequestRecord = Omit<DayOffRequestView, 'waitingToSend'>;

/**
 * The weekly day-off form (бланк вихідного дня): days off asked for next
 * week with a reason, each written with its outbox row in one transaction,
 * so a request made offline waits there until team sync sends it. Decisions
 * (погоджено, відхилено) come back from the center with who made them.
 */
export class DayOffRequests {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly clock: Clock,
  ) {}

  /** The Monday of the week requests are made for: next week. */
  requestWeek(): string {
    return addDays(weekStartOf(localDay(this.clock.now())), 7);
  }

  request(input: { day: string; reason: string }, actor: string): number {
    const week = this.requestWeek();
    if (input.day < week || input.day > addDays(week, 6))
      throw new DayOffRefusal('dayOffNotNextWeek');
    const at = this.clock.now().toISOString();
    return this.sqlite.transaction(() => {
      const taken = this.sqlite
        .prepare(
          "SELECT 1 FROM day_off_requests WHERE created_by = ? AND day = ? AND status != 'rejected'",
        )
        .get(actor, input.day);
      if (taken !== undefined) throw new DayOffRefusal('dayOffAlreadyRequested');
      const uid = uuidv7();
      const id = Number(
        this.sqlite
          .prepare(
            `INSERT INTO day_off_requests (uid, day, reason, status, created_by, created_at)
             VALUES (?, ?, ?, 'submitted', ?, ?)`,
          )
          .run(uid, input.day, input.reason, actor, at).lastInsertRowid,
      );
      recordChange(this.sqlite, {
        at,
        actor,
        action: 'dayOff.request',
        entity: 'dayOffRequest',
        entityId: id,
        details: { day: input.day },
        outbox: { op: 'insert', payload: { uid, day: input.day, reason: input.reason } },
      });
      return id;
    })();
  }

  /** The operator's requests for days from `from` to `to`, with whether each still waits to be sent. */
  between(from: string, to: string, actor: string): DayOffRequestView[] {
    const rows = this.sqlite
      .prepare<[string, string, string], RequestRecord & { unsent: number }>(
        `SELECT r.id, r.day, r.reason, r.status, r.decided_by AS decidedBy, r.decided_at AS decidedAt,
           r.decision_note AS decisionNote, r.created_at AS createdAt,
           EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'dayOffRequest' AND o.entity_id = r.id AND o.sent_at IS NULL) AS unsent
         FROM day_off_requests r WHERE r.created_by = ? AND r.day >= ? AND r.day <= ? ORDER BY r.day, r.id`,
      )
      .all(actor, from, to);
    return rows.map(({ unsent, ...row }) => ({ ...row, waitingToSend: unsent === 1 }));
  }
}
