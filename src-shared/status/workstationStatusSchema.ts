import { z } from 'zod';

// Kept free of Node imports: the renderer type-checks it through the IPC contract.

export const agentStateSchema = z.enum(['ready', 'notReady', 'onCall', 'wrapUp']);
export const sipStateSchema = z.enum([
  'notConfigured',
  'connecting',
  'registered',
  'unregistered',
  'failed',
]);
export const headsetStateSchema = z.enum(['none', 'connected', 'busy', 'error']);
export const databaseStateSchema = z.enum([
  'notConfigured',
  'opening',
  'ready',
  // Ready, but the search index is still catching up with an import.
  'indexing',
  'error',
]);

export const workstationStatusSchema = z.object({
  agent: z.object({
    state: agentStateSchema,
    reason: z.string().optional(),
    since: z.iso.datetime(),
  }),
  sip: z.object({ state: sipStateSchema, detail: z.string().optional() }),
  headset: z.object({ state: headsetStateSchema, deviceName: z.string().optional() }),
  database: z.object({
    state: databaseStateSchema,
    detail: z.string().optional(),
    /** 0..1, while indexing. */
    progress: z.number().min(0).max(1).optional(),
  }),
});
export type WorkstationStatus = z.infer<typeof workstationStatusSchema>;
