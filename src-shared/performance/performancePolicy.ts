import { z } from 'zod';
import { targetMetrics } from './sheetView';

// What the center sets for the performance sheet: targets, achievements and the
// average score. Free of Node imports.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const targetSchema = z
  .object({
    metric: z.enum(targetMetrics),
    period: z.enum(['day', 'week', 'month']).default('day'),
    value: z.number().min(0).max(1_000_000),
  })
  .strict();

/** The supervisor's targets file: one edition, in force from its day on. */
export const targetsFileSchema = z
  .object({
    format: z.literal('pult-targets/1'),
    version: z.string().trim().min(1).max(40),
    effectiveFrom: day,
    targets: z.array(targetSchema).min(1).max(50),
  })
  .strict();
export type TargetsFile = z.infer<typeof targetsFileSchema>;

/** What backs an achievement of a kind: the record that must exist for it on its day. */
export const achievementBackings = ['order', 'acceptedOffer', 'completedScript'] as const;

export const achievementKindSchema = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    uk: z.string().trim().min(1).max(100),
    en: z.string().trim().min(1).max(100),
    points: z.number().min(0).max(1000),
    backedBy: z.enum(achievementBackings),
    /** For orders: only these order types (catalogue codes) back it; absent, any. */
    orderTypes: z.array(z.string().max(40)).max(20).optional(),
  })
  .strict();
export type AchievementKind = z.infer<typeof achievementKindSchema>;

export const defaultAchievementKinds: AchievementKind[] = [
  { code: 'sale', uk: 'Продаж', en: 'Sale', points: 3, backedBy: 'acceptedOffer' },
  {
    code: 'application',
    uk: 'Успішна заявка',
    en: 'Successful application',
    points: 5,
    backedBy: 'order',
  },
  {
    code: 'survey',
    uk: 'Завершене опитування',
    en: 'Survey completed',
    points: 1,
    backedBy: 'completedScript',
  },
];

/**
 * The average score (середній бал) as the center defines it: the mean of the
 * days' scores (each day's points summed; the default), or the mean of the
 * entries' points; counting every entry, or only those the records confirm.
 */
export const averageScoreSchema = z
  .object({
    over: z.enum(['days', 'entries']).default('days'),
    count: z.enum(['all', 'confirmed']).default('all'),
  })
  .strict();
export type AverageScoreFormula = z.infer<typeof averageScoreSchema>;

export const performancePolicySchema = z
  .object({
    /** Targets IT sets, each edition in force from its day on. */
    targets: z
      .array(
        z
          .object({ version: z.string().trim().min(1).max(40), effectiveFrom: day })
          .extend(targetSchema.shape)
          .strict(),
      )
      .max(200)
      .default([]),
    /** The supervisor's targets file (pult-targets/1), read when the sheet opens. */
    targetsFile: z.string().trim().min(1).max(1000).optional(),
    achievementKinds: z
      .array(achievementKindSchema)
      .min(1)
      .max(50)
      .default(defaultAchievementKinds),
    averageScore: averageScoreSchema.default({ over: 'days', count: 'all' }),
    /** The shift when the schedule has none for a day: pacing's "expected by now". */
    shift: z.object({ from: clock, to: clock }).strict().default({ from: '09:00', to: '18:00' }),
    /** A callback done this many minutes after it was due is still kept on time. */
    callbackGraceMinutes: z.number().int().min(0).max(240).default(15),
    /** The supervisors' schedule file (CSV or XLSX), read when the schedule opens. */
    scheduleFile: z.string().trim().min(1).max(1000).optional(),
  })
  .strict();
export type PerformancePolicy = z.infer<typeof performancePolicySchema>;

export const defaultPerformancePolicy: PerformancePolicy = performancePolicySchema.parse({});

/** The average score over achievements, as the formula says (null with none to count). */
export function averageScore(
  entries: readonly { day: string; points: number; verdict: 'confirmed' | 'unconfirmed' }[],
  formula: AverageScoreFormula,
): number | null {
  const counted =
    formula.count === 'confirmed' ? entries.filter((e) => e.verdict === 'confirmed') : entries;
  if (formula.over === 'entries') {
    if (counted.length === 0) return null;
    return counted.reduce((t, e) => t + e.points, 0) / counted.length;
  }
  // Days with any entry are the days scored: a day whose entries none confirmed scores 0.
  const days = new Map<string, number>();
  for (const entry of entries) days.set(entry.day, days.get(entry.day) ?? 0);
  for (const entry of counted) days.set(entry.day, (days.get(entry.day) ?? 0) + entry.points);
  if (days.size === 0) return null;
  return [...days.values()].reduce((t, v) => t + v, 0) / days.size;
}
