import { z } from 'zod';

// The operator's performance sheet as both processes see it. Free of Node imports.

/** Every figure of the sheet; its formula is `performance.formula.<key>` in the window's words. */
export const metricKeys = [
  'callsHandled',
  'inboundHandled',
  'outboundHandled',
  'missed',
  'outboundAttempts',
  'transferred',
  'inWrapUp',
  'talkSeconds',
  'holdSeconds',
  'wrapSeconds',
  'ahtSeconds',
  'wrapShare',
  'readySeconds',
  'notReadySeconds',
  'occupancy',
  'offersMade',
  'offersAccepted',
  'conversion',
  'ordersSubmitted',
  'refusals',
  'callbacksDue',
  'callbacksKept',
  'complaintsResolved',
  'complaintsJustified',
] as const;
export const metricKeySchema = z.enum(metricKeys);
export type MetricKey = z.infer<typeof metricKeySchema>;

export type MetricUnit = 'count' | 'seconds' | 'ratio';
export const metricUnits: Record<MetricKey, MetricUnit> = {
  callsHandled: 'count',
  inboundHandled: 'count',
  outboundHandled: 'count',
  missed: 'count',
  outboundAttempts: 'count',
  transferred: 'count',
  inWrapUp: 'count',
  talkSeconds: 'seconds',
  holdSeconds: 'seconds',
  wrapSeconds: 'seconds',
  ahtSeconds: 'seconds',
  wrapShare: 'ratio',
  readySeconds: 'seconds',
  notReadySeconds: 'seconds',
  occupancy: 'ratio',
  offersMade: 'count',
  offersAccepted: 'count',
  conversion: 'ratio',
  ordersSubmitted: 'count',
  refusals: 'count',
  callbacksDue: 'count',
  callbacksKept: 'count',
  complaintsResolved: 'count',
  complaintsJustified: 'count',
};

/** The figures whose records are calls: each opens the list of calls behind it. */
export const drillableMetrics = [
  'callsHandled',
  'inboundHandled',
  'outboundHandled',
  'missed',
  'outboundAttempts',
  'transferred',
  'inWrapUp',
  'offersMade',
  'offersAccepted',
  'ordersSubmitted',
  'refusals',
] as const satisfies readonly MetricKey[];
export type DrillableMetric = (typeof drillableMetrics)[number];
export const drillableMetricSchema = z.enum(drillableMetrics);

/** What a target may be set on, and which way is better. */
export const targetMetrics = [
  'callsHandled',
  'offersAccepted',
  'conversion',
  'ordersSubmitted',
  'ahtSeconds',
  'occupancy',
] as const satisfies readonly MetricKey[];
export type TargetMetric = (typeof targetMetrics)[number];
export const lowerIsBetter: ReadonlySet<MetricKey> = new Set(['ahtSeconds', 'missed']);
/** Targets that are counted up over a period (pacing applies); the rest are rates. */
export const countedTargets: ReadonlySet<MetricKey> = new Set([
  'callsHandled',
  'offersAccepted',
  'ordersSubmitted',
]);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Three years of days at most: the sheet sums one row a day. */
const maxRangeDays = 1100;
const dayNumber = (text: string) => Date.parse(`${text}T00:00:00Z`) / 86_400_000;
export const sheetRangeSchema = z
  .object({ from: day, to: day })
  .strict()
  .refine((r) => r.from <= r.to, { error: 'from after to' })
  .refine((r) => dayNumber(r.to) - dayNumber(r.from) < maxRangeDays, {
    error: 'a range of three years at most',
  });
export type SheetRange = z.infer<typeof sheetRangeSchema>;

/**
 * How each figure is made, by version: a change of formula is said on the
 * sheet on the day it took effect (performance.formulaChange.<key>.<version>).
 */
export const formulaEditions: { metric: MetricKey; version: number; since: string }[] = [
  { metric: 'ahtSeconds', version: 1, since: '2026-01-01' },
  { metric: 'occupancy', version: 1, since: '2026-01-01' },
  { metric: 'conversion', version: 1, since: '2026-01-01' },
];

const breakdownItem = z.object({ key: z.string(), label: z.string(), value: z.number() });
export type BreakdownItem = z.infer<typeof breakdownItem>;

export const sheetTargetSchema = z.object({
  metric: z.enum(targetMetrics),
  period: z.enum(['day', 'week', 'month']),
  /** The target over the range shown (a daily target times the range's working days). */
  value: z.number(),
  perPeriod: z.number(),
  version: z.string(),
  effectiveFrom: day,
  source: z.string(),
  met: z.boolean(),
});
export type SheetTarget = z.infer<typeof sheetTargetSchema>;

export const sheetChangeSchema = z.object({
  day,
  kind: z.enum(['target', 'formula']),
  metric: metricKeySchema,
  from: z.number().nullable(),
  to: z.number().nullable(),
  version: z.string(),
});
export type SheetChange = z.infer<typeof sheetChangeSchema>;

export const sheetDaySchema = z.object({
  day,
  callsHandled: z.number(),
  offersAccepted: z.number(),
  offersMade: z.number(),
  ahtSeconds: z.number().nullable(),
});
export type SheetDay = z.infer<typeof sheetDaySchema>;

export const sheetWeekSchema = z.object({
  weekStart: day,
  callsHandled: z.number(),
  offersAccepted: z.number(),
  conversion: z.number().nullable(),
  ahtSeconds: z.number().nullable(),
});
export type SheetWeek = z.infer<typeof sheetWeekSchema>;

export const pacingSchema = z.object({
  metric: z.enum(targetMetrics),
  target: z.number(),
  done: z.number(),
  /** What the shift's elapsed share of the day target is now. */
  expectedByNow: z.number(),
  /** Still to do today. */
  remaining: z.number(),
  /** For sales: calls it takes at today's conversion (null with no conversion yet). */
  callsAtCurrentRate: z.number().nullable(),
  shift: z.object({ from: z.string(), to: z.string(), fromSchedule: z.boolean() }),
});
export type Pacing = z.infer<typeof pacingSchema>;

export const performanceSheetSchema = z.object({
  range: z.object({ from: day, to: day }),
  computedAt: z.string(),
  /** IT's grace for a callback kept on time, which the formula names. */
  callbackGraceMinutes: z.number(),
  figures: z.record(metricKeySchema, z.number().nullable()),
  breakdowns: z.object({
    notReadyByReason: z.array(breakdownItem),
    refusalsByReason: z.array(breakdownItem),
    refusalsByBranch: z.array(breakdownItem),
    ordersByType: z.array(breakdownItem),
  }),
  days: z.array(sheetDaySchema),
  weeks: z.array(sheetWeekSchema),
  best: z
    .object({ weekStart: day, offersAccepted: z.number(), callsHandled: z.number() })
    .nullable(),
  targets: z.array(sheetTargetSchema),
  changes: z.array(sheetChangeSchema),
  pacing: z.array(pacingSchema),
  /** Colleagues' range for comparison: only with team data (none on a workstation alone). */
  peers: z.null(),
});
export type PerformanceSheet = z.infer<typeof performanceSheetSchema>;

export const drillCallSchema = z.object({
  interactionId: z.number().int(),
  clientId: z.number().int().nullable(),
  clientName: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']),
  offeredAt: z.string(),
  talkSeconds: z.number(),
  outcome: z.string().nullable(),
});
export type DrillCall = z.infer<typeof drillCallSchema>;
export const drillResultSchema = z.object({
  metric: drillableMetricSchema,
  total: z.number().int(),
  calls: z.array(drillCallSchema),
});
export type DrillResult = z.infer<typeof drillResultSchema>;
