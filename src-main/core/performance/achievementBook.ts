import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { recordChange } from '../db/changeJournal';
import type { Clock } from '../platform/ports';
import { Refusal } from '../platform/refusal';
import {
  averageScore,
  type AchievementKind,
  type AverageScoreFormula,
} from '../../../src-shared/performance/performancePolicy';
import type {
  AchievementSheet,
  AchievementView,
} from '../../../src-shared/performance/achievementViews';
import { addDays, dayStart } from '../../../src-shared/localDays';

export type AchievementProblem = 'achievementKindUnknown' | 'achievementInFuture';
export class AchievementRefusal extends Refusal<AchievementProblem> {}

type Entity = 'order' | 'offer' | 'scriptRun';
const entityOf: Record<AchievementKind['backedBy'], Entity> = {
  order: 'order',
  acceptedOffer: 'offer',
  completedScript: 'scriptRun',
};

interface AchievementRecord {
  id: number;
  day: string;
  kindCode: string;
  title: string;
  points: number;
  note: string;
  verdict: 'confirmed' | 'unconfirmed';
  backedEntity: Entity | null;
  backedId: number | null;
  checkedAt: string;
  verdictChangedAt: string | null;
}

/**
 * The operator's own table of achievements (досягнення): each entry is
 * matched against the records of its day when entered, "confirmed" when an
 * order, an accepted offer or a finished script run backs it (one record
 * backs one entry), "not confirmed" otherwise; checked again whenever the
 * table is read, and a verdict that changes says so with its day and an
 * audit row, never silently.
 */
export class AchievementBook {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly clock: Clock,
    private readonly kinds: () => readonly AchievementKind[],
  ) {}

  add(input: { day: string; kindCode: string; note: string }, actor: string): number {
    const kind = this.kinds().find((k) => k.code === input.kindCode);
    if (kind === undefined) throw new AchievementRefusal('achievementKindUnknown');
    const now = this.clock.now();
    if (dayStart(input.day).getTime() > now.getTime())
      throw new AchievementRefusal('achievementInFuture');
    const at = now.toISOString();
    return this.sqlite.transaction(() => {
      const backing = this.findBacking(kind, input.day, actor);
      const id = Number(
        this.sqlite
          .prepare(
            `INSERT INTO achievements (uid, day, kind_code, kind_title, points, note, verdict, backed_entity, backed_id,
               checked_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            uuidv7(),
            input.day,
            kind.code,
            kind.uk,
            kind.points,
            input.note,
            backing === undefined ? 'unconfirmed' : 'confirmed',
            backing === undefined ? null : entityOf[kind.backedBy],
            backing ?? null,
            at,
            actor,
            at,
          ).lastInsertRowid,
      );
      recordChange(this.sqlite, {
        at,
        actor,
        action: 'achievement.add',
        entity: 'achievement',
        entityId: id,
        details: { kind: kind.code, day: input.day, confirmed: backing !== undefined },
        outbox: { op: 'insert', payload: { ...input, points: kind.points } },
      });
      return id;
    })();
  }

  /** The range's entries, checked again, with the average score as the center defines it. */
  sheet(
    range: { from: string; to: string },
    actor: string,
    formula: AverageScoreFormula,
    language: 'uk' | 'en',
  ): AchievementSheet {
    this.recheck(range, actor);
    const rows = this.sqlite
      .prepare<[string, string, string], AchievementRecord>(
        `SELECT id, day, kind_code AS kindCode, kind_title AS title, points, note, verdict,
           backed_entity AS backedEntity, backed_id AS backedId, checked_at AS checkedAt,
           verdict_changed_at AS verdictChangedAt
         FROM achievements WHERE created_by = ? AND day >= ? AND day <= ? ORDER BY day DESC, id DESC`,
      )
      .all(actor, range.from, range.to);
    const kinds = this.kinds();
    const items: AchievementView[] = rows.map((row) => ({
      id: row.id,
      day: row.day,
      kindCode: row.kindCode,
      title:
        language === 'en'
          ? (kinds.find((k) => k.code === row.kindCode)?.en ?? row.title)
          : row.title,
      points: row.points,
      note: row.note,
      verdict: row.verdict,
      backedBy:
        row.backedEntity === null || row.backedId === null
          ? null
          : {
              entity: row.backedEntity,
              id: row.backedId,
              ...this.describe(row.backedEntity, row.backedId),
            },
      checkedAt: row.checkedAt,
      verdictChangedAt: row.verdictChangedAt,
    }));
    return {
      items,
      kinds: kinds.map((k) => ({
        code: k.code,
        title: language === 'en' ? k.en : k.uk,
        points: k.points,
      })),
      average: averageScore(items, formula),
      averageConfirmed: averageScore(items, { ...formula, count: 'confirmed' }),
      formula,
    };
  }

  /**
   * Each entry against the records as they are now: a backing order
   * cancelled (or gone) no longer confirms; an entry made before its record
   * was (an order entered later that day) is confirmed once it is there.
   */
  private recheck(range: { from: string; to: string }, actor: string): void {
    const rows = this.sqlite
      .prepare<[string, string, string], AchievementRecord>(
        `SELECT id, day, kind_code AS kindCode, verdict, backed_entity AS backedEntity, backed_id AS backedId
         FROM achievements WHERE created_by = ? AND day >= ? AND day <= ?`,
      )
      .all(actor, range.from, range.to);
    const at = this.clock.now().toISOString();
    for (const row of rows) {
      const stillBacked =
        row.backedEntity !== null &&
        row.backedId !== null &&
        this.backs(row.backedEntity, row.backedId);
      if (row.verdict === 'confirmed' && stillBacked) continue;
      const kind = this.kinds().find((k) => k.code === row.kindCode);
      this.sqlite.transaction(() => {
        const backing =
          row.verdict === 'unconfirmed' && kind !== undefined
            ? this.findBacking(kind, row.day, actor)
            : undefined;
        const verdict = backing !== undefined ? 'confirmed' : 'unconfirmed';
        if (verdict === row.verdict) {
          this.sqlite
            .prepare('UPDATE achievements SET checked_at = ? WHERE id = ?')
            .run(at, row.id);
          return;
        }
        this.sqlite
          .prepare(
            `UPDATE achievements SET verdict = ?, backed_entity = ?, backed_id = ?, checked_at = ?, verdict_changed_at = ?
             WHERE id = ?`,
          )
          .run(
            verdict,
            backing === undefined || kind === undefined ? null : entityOf[kind.backedBy],
            backing ?? null,
            at,
            at,
            row.id,
          );
        recordChange(this.sqlite, {
          at,
          actor,
          action: 'achievement.verdictChanged',
          entity: 'achievement',
          entityId: row.id,
          details: { from: row.verdict, to: verdict },
          outbox: { op: 'update', payload: { verdict } },
        });
      })();
    }
  }

  /** The first record of the day of the kind's sort that no other entry claims. */
  private findBacking(kind: AchievementKind, day: string, actor: string): number | undefined {
    const start = dayStart(day).toISOString();
    const end = dayStart(addDays(day, 1)).toISOString();
    const entity = entityOf[kind.backedBy];
    const unclaimed = `id NOT IN (SELECT backed_id FROM achievements WHERE backed_entity = '${entity}' AND backed_id IS NOT NULL)`;
    switch (kind.backedBy) {
      case 'order': {
        const types = kind.orderTypes ?? [];
        const typeFilter =
          types.length === 0 ? '' : `AND type_code IN (${types.map(() => '?').join(', ')})`;
        return this.sqlite
          .prepare<unknown[], { id: number }>(
            `SELECT id FROM orders WHERE created_by = ? AND created_at >= ? AND created_at < ?
               AND status != 'cancelled' ${typeFilter} AND ${unclaimed} ORDER BY created_at, id LIMIT 1`,
          )
          .get(actor, start, end, ...types)?.id;
      }
      case 'acceptedOffer':
        return this.sqlite
          .prepare<[string, string], { id: number }>(
            `SELECT id FROM offers WHERE offered_at >= ? AND offered_at < ? AND result = 'accepted'
               AND ${unclaimed} ORDER BY offered_at, id LIMIT 1`,
          )
          .get(start, end)?.id;
      case 'completedScript':
        return this.sqlite
          .prepare<[string, string, string], { id: number }>(
            `SELECT id FROM script_runs WHERE started_by = ? AND ended_at >= ? AND ended_at < ?
               AND ${unclaimed} ORDER BY ended_at, id LIMIT 1`,
          )
          .get(actor, start, end)?.id;
    }
  }

  private backs(entity: Entity, id: number): boolean {
    const sql = {
      order: "SELECT 1 FROM orders WHERE id = ? AND status != 'cancelled'",
      offer: "SELECT 1 FROM offers WHERE id = ? AND result = 'accepted'",
      scriptRun: 'SELECT 1 FROM script_runs WHERE id = ? AND ended_at IS NOT NULL',
    }[entity];
    return this.sqlite.prepare(sql).get(id) !== undefined;
  }

  private describe(entity: Entity, id: number): { label: string; interactionId: number | null } {
    const sql = {
      order: `SELECT type_title || ' · ' || substr(created_at, 1, 10) AS label, interaction_id AS interactionId FROM orders WHERE id = ?`,
      offer: `SELECT coalesce(t.name, p.name, pr.name, '') AS label, o.interaction_id AS interactionId FROM offers o
                LEFT JOIN tariffs t ON t.id = o.tariff_id LEFT JOIN products p ON p.id = o.product_id
                LEFT JOIN promotions pr ON pr.id = o.promotion_id WHERE o.id = ?`,
      scriptRun: `SELECT s.name AS label, r.interaction_id AS interactionId FROM script_runs r
                JOIN script_versions v ON v.id = r.version_id JOIN scripts s ON s.id = v.script_id WHERE r.id = ?`,
    }[entity];
    return (
      this.sqlite
        .prepare<[number], { label: string; interactionId: number | null }>(sql)
        .get(id) ?? { label: '', interactionId: null }
    );
  }
}
