import { Worker } from 'node:worker_threads';
import type { ImportedClient } from './clientRowReader';
import type { RowBatch, RowBatchRequest } from './clientRowBatches';
import type {
  ImportFileProblem,
  ImportRowError,
} from '../../../../src-shared/clients/importSchemas';
import { ImportFileError } from './importFileError';

/**
 * A row batch as it crosses between threads: flat arrays of strings and
 * numbers, which the structured clone copies several times faster than
 * thousands of small objects, on the writing thread that has none to spare.
 */
export interface PackedRowBatch {
  /** Per row: name, sort key, address, city, email, account, notes; e164, raw, tokens per phone; tags. */
  strings: string[];
  /** Per row: line, phone count, tag count. */
  numbers: number[];
  errors: ImportRowError[];
  rowsRead: number;
  rowsFailed: number;
  bytesRead: number;
  rowsInRead: number;
}

export type RowThreadMessage =
  | { type: 'batch'; batch: PackedRowBatch }
  | { type: 'end' }
  | { type: 'failed'; message: string; fileProblem?: ImportFileProblem };

/** Main to the reading thread: how many more batches it may send. */
export interface RowThreadCredit {
  credit: number;
}

export function packRowBatch(batch: RowBatch): PackedRowBatch {
  const strings: string[] = [];
  const numbers: number[] = [];
  for (const row of batch.rows) {
    strings.push(
      row.fullName,
      row.sortKey,
      row.address,
      row.city,
      row.email,
      row.personalAccount,
      row.notes,
    );
    // No number has empty search tokens: '' stands for null, the usual forms.
    for (const phone of row.phones) strings.push(phone.e164, phone.raw, phone.searchTokens ?? '');
    strings.push(...row.tags);
    numbers.push(row.line, row.phones.length, row.tags.length);
  }
  const { errors, rowsRead, rowsFailed, bytesRead, rowsInRead } = batch;
  return { strings, numbers, errors, rowsRead, rowsFailed, bytesRead, rowsInRead };
}

export function unpackRowBatch(packed: PackedRowBatch): RowBatch {
  const { strings, numbers } = packed;
  const rows: ImportedClient[] = [];
  let s = 0;
  const take = () => strings[s++] ?? '';
  for (let n = 0; n + 2 < numbers.length; n += 3) {
    const row: ImportedClient = {
      line: numbers[n] ?? 0,
      fullName: take(),
      sortKey: take(),
      address: take(),
      city: take(),
      email: take(),
      personalAccount: take(),
      notes: take(),
      phones: [],
      tags: [],
    };
    for (let p = 0; p < (numbers[n + 1] ?? 0); p++) {
      row.phones.push({ e164: take(), raw: take(), searchTokens: take() || null });
    }
    for (let t = 0; t < (numbers[n + 2] ?? 0); t++) row.tags.push(take());
    rows.push(row);
  }
  const { errors, rowsRead, rowsFailed, bytesRead, rowsInRead } = packed;
  return { rows, errors, rowsRead, rowsFailed, bytesRead, rowsInRead };
}

/** Batches kept ready ahead of the writer: enough to never wait, few enough to bound memory. */
const readAhead = 2;

/**
 * The same batches as `clientRowBatches`, read and checked on a thread of
 * their own (`threadFile`, the bundled clientRowThread), so reading the file
 * and writing the database run side by side on two cores.
 */
export async function* threadedRowBatches(
  threadFile: string | URL,
  request: RowBatchRequest,
): AsyncGenerator<RowBatch> {
  const worker = new Worker(threadFile, { workerData: request });
  const waiting: RowThreadMessage[] = [];
  let wake: (() => void) | undefined;
  let crashed: Error | undefined;
  const arrive = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: RowThreadMessage) => {
    waiting.push(message);
    arrive();
  });
  worker.on('error', (error) => {
    crashed = error;
    arrive();
  });
  worker.on('exit', (code) => {
    crashed ??= new Error(`the file reader stopped (exit code ${code})`);
    arrive();
  });
  try {
    worker.postMessage({ credit: readAhead } satisfies RowThreadCredit);
    for (;;) {
      const message = waiting.shift();
      if (message === undefined) {
        if (crashed !== undefined) throw crashed;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === 'end') return;
      if (message.type === 'failed')
        throw message.fileProblem === undefined
          ? new Error(message.message)
          : new ImportFileError(message.fileProblem);
      worker.postMessage({ credit: 1 } satisfies RowThreadCredit);
      yield unpackRowBatch(message.batch);
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
