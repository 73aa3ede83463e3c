import { z } from 'zod';

// Achievements and the schedule as the window sees them. Free of Node imports.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const achievementViewSchema = z.object({
  id: z.number().int(),
  day,
  kindCode: z.string(),
  title: z.string(),
  points: z.number(),
  note: z.string(),
  verdict: z.enum(['confirmed', 'unconfirmed']),
  /** The record that backs it: an order, an accepted offer, a finished script run. */
  backedBy: z
    .object({
      entity: z.enum(['order', 'offer', 'scriptRun']),
      id: z.number().int(),
      label: z.string(),
      interactionId: z.number().int().nullable(),
    })
    .nullable(),
  checkedAt: z.string(),
  verdictChangedAt: z.string().nullable(),
});
export type AchievementView = z.infer<typeof achievementViewSchema>;

export const achievementSheetSchema = z.object({
  items: z.array(achievementViewSchema),
  kinds: z.array(z.object({ code: z.string(), title: z.string(), points: z.number() })),
  /** As the center's formula says, counting every entry, and counting the confirmed ones. */
  average: z.number().nullable(),
  averageConfirmed: z.number().nullable(),
  formula: z.object({ over: z.enum(['days', 'entries']), count: z.enum(['all', 'confirmed']) }),
});
export type AchievementSheet = z.infer<typeof achievementSheetSchema>;

export const achievementInputSchema = z
  .object({
    day,
    kindCode: z.string().max(40),
    note: z.string().trim().max(500).default(''),
  })
  .strict();

export const dayOffStatuses = ['submitted', 'approved', 'rejected'] as const;
export const dayOffRequestViewSchema = z.object({
  id: z.number().int(),
  day,
  reason: z.string(),
  status: z.enum(dayOffStatuses),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Why, in the supervisor's words (team mode). */
  decisionNote: z.string().nullable().default(null),
  createdAt: z.string(),
  /** Still in the outbox: not yet sent to the center (no team sync, or offline). */
  waitingToSend: z.boolean(),
});
export type DayOffRequestView = z.infer<typeof dayOffRequestViewSchema>;

export const scheduleDaySchema = z.object({
  day,
  shift: z
    .object({
      from: z.string(),
      to: z.string(),
      breaks: z.array(z.object({ from: z.string(), to: z.string() })),
    })
    .nullable(),
  shortStaffed: z.boolean(),
  requests: z.array(dayOffRequestViewSchema),
});
export type ScheduleDay = z.infer<typeof scheduleDaySchema>;

export const scheduleWeekSchema = z.object({
  weekStart: day,
  days: z.array(scheduleDaySchema),
  /** Where the shifts came from: the schedule file's name and when it was read; null with none. */
  source: z.object({ file: z.string(), loadedAt: z.string() }).nullable(),
  /** The week requests may be made for (next week). */
  requestWeek: day,
});
export type ScheduleWeek = z.infer<typeof scheduleWeekSchema>;

export const dayOffInputSchema = z
  .object({ day, reason: z.string().trim().min(1).max(300) })
  .strict();
