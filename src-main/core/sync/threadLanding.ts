import { Worker } from 'node:worker_threads';
import type { DatabaseKey } from '../db/encryption';
import type { ClientLanding, LandedClients } from './clientLanding';

export interface LandingThreadData {
  file: string;
  key?: DatabaseKey | undefined;
  rowsPerTransaction: number;
}
export type LandingRequest = { id: number; lines: string[]; at: string } | 'close';
export type LandingAnswer =
  { id: number; ok: true; value: LandedClients } | { id: number; ok: false; message: string };

/**
 * Clients per transaction on the thread. Each commit writes every index page
 * the transaction touched (a random uid lands on a different page each time),
 * so few long transactions land a million clients far faster than many short
 * ones. A write of main's (a wrap-up) waits for the one under way: about a
 * tenth of a second late in a million, well inside SIP's timers.
 */
const threadRowsPerTransaction = 2_000;

/**
 * A snapshot's clients landed on a thread of their own, with its own
 * connection to the base (the key travels in memory only), for the length of
 * one snapshot. A thread that dies fails the batch it was given: the snapshot
 * fails as a cut connection does, and the next pull takes it again.
 */
export function threadLanding(
  threadFile: string | URL,
  database: { file: string; key?: DatabaseKey | undefined },
): ClientLanding {
  const data: LandingThreadData = { ...database, rowsPerTransaction: threadRowsPerTransaction };
  const worker = new Worker(threadFile, { workerData: data });
  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve: (value: LandedClients) => void; reject: (error: Error) => void }
  >();
  let gone: Error | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (answer: LandingAnswer) => {
    const waiter = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.ok) waiter?.resolve(answer.value);
    else waiter?.reject(new Error(answer.message));
  });
  const fail = (error: Error) => {
    gone ??= error;
    for (const waiter of waiting.values()) waiter.reject(error);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) =>
    fail(new Error(`the snapshot's landing thread stopped (exit ${code})`)),
  );
  return {
    land(lines, at) {
      if (gone !== undefined) return Promise.reject(gone);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, lines, at } satisfies LandingRequest);
      });
    },
    async close() {
      if (gone === undefined) worker.postMessage('close' satisfies LandingRequest);
      await exited;
    },
  };
}
