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
export const databaseStateSchema = z.enum(['notConfigured', 'opening', 'ready', 'error']);

export const workstationStatusSchema = z.object({
  agent: z.object({
    state: agentStateSchema,
    reason: z.string().optional(),
    since: z.iso.datetime(),
  }),
  sip: z.object({ state: sipStateSchema, detail: z.string().optional() }),
  headset: z.object({ state: headsetStateSchema, deviceName: z.string().optional() }),
  database: z.object({ state: databaseStateSchema, detail: z.string().optional() }),
});
export type WorkstationStatus = z.infer<typeof workstationStatusSchema>;
