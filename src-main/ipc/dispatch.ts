import { z } from 'zod';
import type { Logger } from '../core/platform/ports';
import {
  invokeContract,
  type InvokeChannel,
  type ParsedRequestOf,
  type ResponseOf,
} from './contract';
import { originOf } from './origin';
import { IpcRejection, type IpcResult } from './result';

export type InvokeHandlers = {
  [C in InvokeChannel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

/** Who sent a message, as the Electron layer reads it from the IPC event. */
export interface IpcSender {
  /** URL of the frame that sent it. */
  url: string | undefined;
  /** False for iframes: only the app's own top frame may call main. */
  isTopFrame: boolean;
}

const knownChannels = new Set<string>(Object.keys(invokeContract));

export function isTrustedSender(sender: IpcSender, appOrigin: string): boolean {
  if (!sender.isTopFrame || sender.url === undefined) return false;
  return originOf(sender.url) === appOrigin;
}

/**
 * Runs one invoke: channel, sender and payload are checked before the handler
 * sees anything, and whatever happens the caller gets a result value. Nothing
 * a renderer sends can throw out of here and take the main process down.
 */
export async function dispatchInvoke(
  handlers: Partial<InvokeHandlers>,
  channel: unknown,
  payload: unknown,
  sender: IpcSender,
  appOrigin: string,
  logger: Logger,
): Promise<IpcResult<unknown>> {
  if (typeof channel !== 'string' || !knownChannels.has(channel)) {
    logger.warn('ipc: unknown channel', { channel: String(channel) });
    return {
      ok: false,
      error: { code: 'unknownChannel', message: `Unknown channel: ${String(channel)}` },
    };
  }
  const name = channel as InvokeChannel;
  if (!isTrustedSender(sender, appOrigin)) {
    logger.warn('ipc: sender refused', { channel: name, url: sender.url, top: sender.isTopFrame });
    return {
      ok: false,
      error: { code: 'forbiddenSender', message: 'Requests are accepted only from the app itself' },
    };
  }
  const spec = invokeContract[name];
  const request = spec.request.safeParse(payload);
  if (!request.success) {
    logger.warn('ipc: invalid request', { channel: name });
    return {
      ok: false,
      error: {
        code: 'invalidRequest',
        message: `Invalid request for ${name}: ${z.prettifyError(request.error)}`,
        issues: request.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        })),
      },
    };
  }
  try {
    const handler = handlers[name] as ((request: unknown) => unknown) | undefined;
    if (handler === undefined) throw new Error(`no handler for ${name} here`);
    const value = await handler(request.data);
    const response = spec.response.safeParse(value);
    if (!response.success) {
      logger.error('ipc: handler returned a response outside the contract', {
        channel: name,
        problem: z.prettifyError(response.error),
      });
      return {
        ok: false,
        error: { code: 'invalidResponse', message: `Internal error in ${name}` },
      };
    }
    return { ok: true, value: response.data };
  } catch (error) {
    if (error instanceof IpcRejection) {
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    logger.error('ipc: handler failed', { channel: name, error: String(error) });
    return { ok: false, error: { code: 'internal', message: `Internal error in ${name}` } };
  }
}
