import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { DatabaseKey } from './encryption';

export interface CheckpointThreadData {
  databaseFile: string;
  databaseKey?: DatabaseKey;
}
export type CheckpointThreadMessage = 'committed' | 'stop';

/** The thread's entry (the bundled walCheckpointThread) and the key it opens the base with. */
export interface CheckpointThread {
  file: string | URL;
  key?: DatabaseKey | undefined;
}

/**
 * Past this much WAL the writer copies it itself (as SQLite normally does past
 * a thousand pages): only if the thread falls behind.
 */
const writerCheckpointBytes = 64 * 1024 * 1024;

/**
 * Copies a long write's WAL into the database file on a thread of its own.
 * SQLite's automatic checkpoint runs inside the writer's commits: a bulk
 * import spent about a tenth of its time there, copying pages and syncing the
 * file. Here the writer leaves that to this thread, says after each commit
 * that there is more to copy, and goes on; the thread's checkpoints are
 * passive, so they never hold up the writer or the app's readers.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly writerPages: number;
  private stopped = false;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    thread: CheckpointThread,
  ) {
    this.writerPages = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
    const workerData: CheckpointThreadData = { databaseFile: sqlite.name };
    if (thread.key !== undefined) workerData.databaseKey = thread.key;
    this.worker = new Worker(thread.file, { workerData });
    // A thread that cannot open the base or dies leaves the copying to the writer again.
    this.worker.on('error', () => this.stop());
    this.worker.on('exit', () => this.stop());
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    sqlite.pragma(`wal_autocheckpoint = ${Math.ceil(writerCheckpointBytes / pageSize)}`);
  }

  committed(): void {
    if (!this.stopped) this.worker.postMessage('committed' satisfies CheckpointThreadMessage);
  }

  /** The writer copies its WAL itself again; the thread finishes what it was told of, then ends. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.sqlite.open) this.sqlite.pragma(`wal_autocheckpoint = ${this.writerPages}`);
    this.worker.postMessage('stop' satisfies CheckpointThreadMessage);
  }
}
