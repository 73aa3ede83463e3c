import { Worker } from 'node:worker_threads';
import type { DatabaseKey } from '../db/encryption';
import type { BranchStats } from './branchStats';

/** A version's branch statistics, computed on a worker thread (branchStatsWorker). */
export function computeBranchStats(
  workerFile: string | URL,
  database: { file: string; key?: DatabaseKey },
  versionId: number,
): Promise<BranchStats> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, {
      workerData: { ...database, versionId },
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    let answered = false;
    worker.on(
      'message',
      (message: { type: 'done'; stats: BranchStats } | { type: 'failed'; message: string }) => {
        answered = true;
        if (message.type === 'done') resolve(message.stats);
        else reject(new Error(message.message));
      },
    );
    worker.on('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!answered) reject(new Error(`the statistics stopped (exit ${code})`));
    });
  });
}
