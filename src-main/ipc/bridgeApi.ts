import type { IpcResult } from './result';
import type {
  EventChannel,
  EventPayloadOf,
  InvokeChannel,
  RequestOf,
  ResponseOf,
} from './contract';

/** What the preload exposes as `window.pult`: exactly these two functions. */
export interface PultBridge {
  invoke<C extends InvokeChannel>(
    channel: C,
    ...request: RequestOf<C> extends undefined ? [] : [RequestOf<C>]
  ): Promise<IpcResult<ResponseOf<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
}

export const bridgeKey = 'pult';
