import { z } from 'zod';
import { syncedClientFields } from '../clients/syncedClientFields';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A colleague's day-off request as the supervisor's list shows it. */
export const teamDayOffViewSchema = z.object({
  uid: z.string(),
  operator: z.string(),
  day,
  reason: z.string(),
  status: z.enum(['submitted', 'approved', 'rejected']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  requestedAt: z.string(),
});
export type TeamDayOffView = z.infer<typeof teamDayOffViewSchema>;

/** The client fields the center keeps per field, the ones two desks can clash on. */
export const clashFields = syncedClientFields;

const fieldValue = z.union([z.string(), z.boolean(), z.null()]);

/** Two operators wrote one field of a client without seeing each other's write. */
export const clashViewSchema = z.object({
  id: z.number().int(),
  /** The client on this desk (null: not landed here yet), and their name as the card has it. */
  clientId: z.number().int().nullable(),
  clientName: z.string().nullable(),
  field: z.enum(clashFields),
  /** The value that won (received later), the one it overwrote, and the field as it is now. */
  kept: fieldValue,
  lost: fieldValue,
  current: fieldValue,
  keptBy: z.string(),
  lostBy: z.string(),
  at: z.string(),
});
export type ClashView = z.infer<typeof clashViewSchema>;

/** One operator's calls of a period, as the center counts them from every desk's wrap-ups. */
export const operatorFiguresSchema = z.object({
  operator: z.string(),
  /** Calls talked on. */
  handled: z.number().int(),
  sales: z.number().int(),
  /** Sales per call handled; null with none handled. */
  conversion: z.number().nullable(),
  /** Average talk time per call handled, in seconds. */
  ahtSeconds: z.number().nullable(),
});
export type OperatorFigures = z.infer<typeof operatorFiguresSchema>;

const spread = z.tuple([z.number(), z.number(), z.number()]).nullable();

/**
 * The operator's own figures beside their colleagues' range (least, median,
 * most), never a colleague's by name; no range with fewer than three.
 */
export const peerRangeViewSchema = z.object({
  from: z.string(),
  peers: z.number().int(),
  own: operatorFiguresSchema.omit({ operator: true }).nullable(),
  range: z
    .object({ handled: spread, sales: spread, conversion: spread, ahtSeconds: spread })
    .nullable(),
});
export type PeerRangeView = z.infer<typeof peerRangeViewSchema>;

/** Over which days the supervisor reads the team's figures: today, this week (from Monday), this month. */
export const figuresPeriods = ['day', 'week', 'month'] as const;
export const figuresPeriodSchema = z.enum(figuresPeriods);
export type FiguresPeriod = z.infer<typeof figuresPeriodSchema>;

/** The supervisor's desk (старший зміни): the team's day-off requests and field clashes. */
export const supervisorViewSchema = z.object({
  /** The center says this operator supervises their team; null: not known (never reached it). */
  supervisor: z.boolean().nullable(),
  team: z.string().nullable(),
  /** Waiting for a decision first (oldest first), then the last two weeks' decisions. */
  dayOffs: z.array(teamDayOffViewSchema),
  /** Read live from the center; null when it cannot be reached now. */
  clashes: z.array(clashViewSchema).nullable(),
  /** Each operator's figures over the period, read live; null offline or for operators. */
  figures: z.array(operatorFiguresSchema).nullable(),
  /** The period the figures are of (the last one the supervisor chose; this week at first). */
  figuresPeriod: figuresPeriodSchema,
  /** Why the center could not be asked (English, for the log); null when it answered. */
  offline: z.string().nullable(),
});
export type SupervisorView = z.infer<typeof supervisorViewSchema>;

export const supervisorAskSchema = z
  .object({ figuresPeriod: figuresPeriodSchema.optional() })
  .strict()
  .optional();

export const decideDayOffSchema = z
  .object({ uid: z.uuid(), approve: z.boolean(), note: z.string().max(500) })
  .strict();
export const resolveClashSchema = z
  .object({ id: z.number().int().positive(), keep: z.enum(['kept', 'lost']) })
  .strict();

/** What the supervisors read of a call for help (звернутися до старшого). */
export const helpRequestSchema = z.object({
  /** The call on the asking operator's desk (to transfer once answered). */
  callId: z.number().int(),
  direction: z.enum(['inbound', 'outbound']),
  clientName: z.string().max(200).nullable(),
  /** The caller's number, masked as the card masks it. */
  number: z.string().max(40),
  /** The line the caller dialled, when an inbound call came on one. */
  line: z.string().max(40).nullable(),
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;

/** A call for help as it reaches the supervisors and, once answered, the asking operator. */
export const helpViewSchema = z.object({
  uid: z.string(),
  operator: z.string(),
  request: helpRequestSchema,
  askedAt: z.string(),
  answeredBy: z.string().nullable(),
  /** The supervisor's line to consult and transfer to. */
  extension: z.string().nullable(),
});
export type HelpView = z.infer<typeof helpViewSchema>;

/** A colleague's callback overdue past its grace: any operator of the team may take it. */
export const teamCallbackViewSchema = z.object({
  uid: z.string(),
  /** The client on this desk (null: not landed here yet). */
  clientId: z.number().int().nullable(),
  clientName: z.string().nullable(),
  /** Who promised it. */
  owner: z.string(),
  dueAt: z.string(),
  note: z.string(),
});
export type TeamCallbackView = z.infer<typeof teamCallbackViewSchema>;
