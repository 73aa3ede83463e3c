/**
 * Worker-thread entry of a script version's branch statistics: an aggregate
 * over every run, read on a connection of its own, so main's event loop
 * (the phone line) never waits on it. Bundled as dist/main/branchStatsWorker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { prepareConnection } from '../db/connection';
import type { DatabaseKey } from '../db/encryption';
import { branchStats } from './branchStats';

const data = workerData as { file: string; key?: DatabaseKey; versionId: number };
try {
  const sqlite = new Database(data.file);
  try {
    prepareConnection(sqlite, { key: data.key, busyTimeoutMs: 10_000 });
    parentPort?.postMessage({ type: 'done', stats: branchStats(sqlite, data.versionId) });
  } finally {
    sqlite.close();
  }
} catch (error) {
  parentPort?.postMessage({ type: 'failed', message: String(error) });
}
