import type { EventChannel, EventPayloadOf } from '../../ipc/contract';

/**
 * Sends one contract event to the main window, if there is one. The Electron
 * layer checks the payload against the contract and drops it when no window
 * is open; core code only says what happened.
 */
export type EventSink = <E extends EventChannel>(event: E, payload: EventPayloadOf<E>) => void;
