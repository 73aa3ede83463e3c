/**
 * Thread entry that reads and checks a client file for an import running on
 * another thread (see rowBatchThread). Bundled as its own file
 * (dist/main/clientRowThread.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { clientRowBatches, type RowBatchRequest } from './clientRowBatches';
import { ImportFileError } from './importFileError';
import { packRowBatch, type RowThreadCredit, type RowThreadMessage } from './rowBatchThread';

const post = (message: RowThreadMessage) => parentPort?.postMessage(message);
let credit = 0;
let wake: (() => void) | undefined;
parentPort?.on('message', (message: RowThreadCredit) => {
  credit += message.credit;
  wake?.();
  wake = undefined;
});

try {
  for await (const batch of clientRowBatches(workerData as RowBatchRequest)) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    post({ type: 'batch', batch: packRowBatch(batch) });
  }
  post({ type: 'end' });
} catch (error) {
  post({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
    ...(error instanceof ImportFileError ? { fileProblem: error.fileProblem } : {}),
  });
}
// The port keeps the thread alive until the importer, having read the last message, ends it.
