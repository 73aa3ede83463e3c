/**
 * Thread entry that copies a writer's WAL into the database file (see
 * WalCheckpointer). Bundled as its own file (dist/main/walCheckpointThread.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { prepareConnection } from './connection';
import type { CheckpointThreadData, CheckpointThreadMessage } from './walCheckpointer';

const data = workerData as CheckpointThreadData;
const sqlite = new Database(data.databaseFile);
prepareConnection(sqlite, { key: data.databaseKey, busyTimeoutMs: 0 });
let told = false;

parentPort?.on('message', (message: CheckpointThreadMessage) => {
  if (message === 'stop') {
    copy();
    sqlite.close();
    parentPort?.close();
    return;
  }
  // Commits told of while a copy ran are one copy's worth: gathered, then copied once.
  if (told) return;
  told = true;
  setImmediate(copy);
});

function copy(): void {
  if (!told) return;
  told = false;
  // Passive: it takes what no reader still needs and never waits; the rest goes next time.
  sqlite.pragma('wal_checkpoint(PASSIVE)');
}
