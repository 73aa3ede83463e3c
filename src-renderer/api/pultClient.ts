import type { PultBridge } from '../../src-main/ipc/bridgeApi';
import type {
  EventChannel,
  EventPayloadOf,
  InvokeChannel,
  RequestOf,
  ResponseOf,
} from '../../src-main/ipc/contract';
import type { IpcErrorCode } from '../../src-main/ipc/result';

declare global {
  interface Window {
    readonly pult: PultBridge;
  }
}

export class PultRequestError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PultRequestError';
  }
}

/** Calls main through the contract; an error result becomes a thrown PultRequestError. */
export async function invoke<C extends InvokeChannel>(
  channel: C,
  ...request: RequestOf<C> extends undefined ? [] : [RequestOf<C>]
): Promise<ResponseOf<C>> {
  const result = await window.pult.invoke(channel, ...request);
  if (!result.ok) throw new PultRequestError(result.error.code, result.error.message);
  return result.value;
}

export function onEvent<E extends EventChannel>(
  event: E,
  listener: (payload: EventPayloadOf<E>) => void,
): () => void {
  return window.pult.on(event, listener);
}
