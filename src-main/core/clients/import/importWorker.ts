/**
 * Worker-thread entry of a client import: its own SQLite connection, so the
 * main process keeps answering the operator while a million rows go in. After
 * the rows, it builds their search rows (the search backlog); started with
 * task 'index', it only does that, for a backlog a previous run left.
 * Bundled as its own file (dist/main/importWorker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { prepareConnection } from '../../db/connection';
import { systemClock } from '../../platform/ports';
import { SearchBacklog } from '../searchBacklog';
import { importClientsFromCsv } from './clientImport';
import type { ImportWorkerData, ImportWorkerMessage } from './importRunner';

const data = workerData as ImportWorkerData;
const post = (message: ImportWorkerMessage) => parentPort?.postMessage(message);
const controller = new AbortController();
parentPort?.on('message', (message: unknown) => {
  if (message === 'cancel') controller.abort();
});

const sqlite = new Database(data.databaseFile);
// A longer wait for the lock than the app's: the app's own writes come first.
// SQLite's default page cache: a larger one made the index builds at the end
// of a bulk load slower (its sorts run in fewer, larger pieces, less in
// parallel) and the search indexing no faster (npm run bench -- import).
prepareConnection(sqlite, { key: data.databaseKey, busyTimeoutMs: 10_000 });
try {
  if (data.task === 'import') {
    const result = await importClientsFromCsv(sqlite, data.file, data.settings, {
      actor: data.actor,
      region: data.region,
      clock: systemClock,
      signal: controller.signal,
      onStarted: (jobId) => post({ type: 'started', jobId }),
      onProgress: (progress) => post({ type: 'progress', progress }),
      // Bundled next to this file (vite.main.config.ts).
      rowThread: new URL('./clientRowThread.js', import.meta.url),
      checkpointThread: {
        file: new URL('./walCheckpointThread.js', import.meta.url),
        key: data.databaseKey,
      },
    });
    post({ type: 'finished', progress: result });
  }
  // Not cancellable: cancel stops reading the file; what was imported gets indexed.
  const left = await new SearchBacklog(sqlite).drain({
    onProgress: (progress) => post({ type: 'indexing', progress }),
  });
  post({ type: 'indexed', progress: left });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
} finally {
  sqlite.close();
}
