import { z } from 'zod';
import { workstationStatusSchema } from '../core/status/workstationStatusSchema';
import { settingsPatchSchema, settingsViewSchema } from '../core/settings/userSettingsSchema';
import type { EventChannel, InvokeChannel } from './channels';

/**
 * The one IPC contract between main and renderer. Each invoke channel has the
 * request main accepts and the response it returns; each event channel (main →
 * renderer) has its payload. Main validates every request against it before a
 * handler runs; the renderer's client and the preload are typed from it.
 */

const noRequest = z.undefined();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
});

export const invokeContract = {
  'app.info': { request: noRequest, response: appInfoSchema },
  'settings.get': { request: noRequest, response: settingsViewSchema },
  'settings.update': { request: settingsPatchSchema, response: settingsViewSchema },
  'status.get': { request: noRequest, response: workstationStatusSchema },
  'links.openExternal': {
    request: z.object({ url: z.string().max(2048) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  'status.changed': workstationStatusSchema,
  'settings.changed': settingsViewSchema,
} as const satisfies Record<EventChannel, z.ZodType>;

export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>;
export type ParsedRequestOf<C extends InvokeChannel> = z.output<
  (typeof invokeContract)[C]['request']
>;
export type ResponseOf<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['response']>;
export type EventPayloadOf<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

export type { EventChannel, InvokeChannel } from './channels';
