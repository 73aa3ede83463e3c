/**
 * Thread entry where a team snapshot's clients land (see threadLanding): a
 * million clients in long transactions, off main's event loop, which answers
 * calls meanwhile. Bundled as its own file (dist/main/clientLandingThread.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { prepareConnection } from '../db/connection';
import { landClientLines } from './clientLanding';
import type { LandingRequest, LandingAnswer, LandingThreadData } from './threadLanding';
import { TeamClients } from './teamClients';

const data = workerData as LandingThreadData;
const sqlite = new Database(data.file);
// Main's writes wait for one of these transactions (and this one for theirs), as for an import.
prepareConnection(sqlite, { key: data.key, busyTimeoutMs: 10_000 });
const clients = new TeamClients(sqlite);
const post = (answer: LandingAnswer) => parentPort?.postMessage(answer);

parentPort?.on('message', (request: LandingRequest) => {
  if (request === 'close') {
    sqlite.close();
    parentPort?.close();
    return;
  }
  landClientLines(sqlite, clients, request.lines, request.at, data.rowsPerTransaction).then(
    (value) => post({ id: request.id, ok: true, value }),
    (error: unknown) =>
      post({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
