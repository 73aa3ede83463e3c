import { z } from 'zod';
import { updateRings } from './updatePolicy';

/** Why a downloaded update is not offered yet. */
export const updateHolds = ['call', 'wrapUp', 'outbound', 'window'] as const;
export type UpdateHold = (typeof updateHolds)[number];

/** What Settings and the diagnostics show of updates. */
export const updateStateSchema = z.discriminatedUnion('kind', [
  /** Not looked for: IT turned updates off, gave no server, or Pult runs from its sources. */
  z.object({ kind: z.literal('off'), why: z.enum(['disabled', 'noServer', 'notInstalled']) }),
  /** Not looked yet since start (the first check comes within a minute). */
  z.object({ kind: z.literal('notChecked') }),
  z.object({ kind: z.literal('checking') }),
  /** Nothing to take: the newest the ring offers is running, or IT's pin or hold keeps it. */
  z.object({
    kind: z.literal('upToDate'),
    /** The version the server offers (null when nothing is published in the ring). */
    offered: z.string().nullable(),
    why: z.enum(['newest', 'held', 'pinned', 'nothingPublished']),
  }),
  z.object({ kind: z.literal('downloading'), version: z.string(), percent: z.number() }),
  /** Downloaded and its sha512 checked; held while the operator works, else offered. */
  z.object({
    kind: z.literal('ready'),
    version: z.string(),
    heldBy: z.enum(updateHolds).nullable(),
    installOnQuit: z.boolean(),
  }),
  /** The server could not be reached or a download was refused; the running version is untouched. */
  z.object({
    kind: z.literal('failed'),
    problem: z.enum(['serverUnreachable', 'downloadRefused']),
    detail: z.string(),
    version: z.string().nullable(),
  }),
]);
export type UpdateState = z.infer<typeof updateStateSchema>;

export const updateViewSchema = z.object({
  running: z.string(),
  ring: z.enum(updateRings),
  state: updateStateSchema,
  lastCheckAt: z.string().nullable(),
  nextCheckAt: z.string().nullable(),
  /** The update window IT set ("20:00–08:00"), if any. */
  window: z.string().nullable(),
});
export type UpdateView = z.infer<typeof updateViewSchema>;

export const installAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), why: z.enum(['notReady', ...updateHolds]) }),
]);
export type InstallAnswer = z.infer<typeof installAnswerSchema>;
