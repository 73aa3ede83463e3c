import { Worker } from 'node:worker_threads';
import type { CountryCode } from 'libphonenumber-js';
import type { Logger } from '../../platform/ports';
import type { ImportProgress, ImportSettings } from './importSchemas';

export interface ImportWorkerData {
  databaseFile: string;
  file: string;
  settings: ImportSettings;
  actor: string;
  region: CountryCode;
}

export type ImportWorkerMessage =
  | { type: 'started'; jobId: number }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'finished'; progress: ImportProgress }
  | { type: 'failed'; message: string };

/** Runs imports on worker threads and relays their progress; one import at a time per file. */
export class ImportRunner {
  private readonly running = new Map<number, Worker>();

  constructor(
    private readonly databaseFile: string,
    private readonly workerFile: string,
    private readonly logger: Logger,
  ) {}

  start(
    request: Omit<ImportWorkerData, 'databaseFile'>,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<number> {
    const worker = new Worker(this.workerFile, {
      workerData: { ...request, databaseFile: this.databaseFile } satisfies ImportWorkerData,
    });
    return new Promise<number>((resolve, reject) => {
      let jobId: number | undefined;
      worker.on('message', (message: ImportWorkerMessage) => {
        switch (message.type) {
          case 'started':
            jobId = message.jobId;
            this.running.set(jobId, worker);
            resolve(jobId);
            break;
          case 'progress':
          case 'finished':
            onProgress(message.progress);
            break;
          case 'failed':
            this.logger.error('import failed', { jobId, message: message.message });
            if (jobId === undefined) reject(new Error(message.message));
            break;
        }
      });
      worker.on('error', (error) => {
        this.logger.error('import worker crashed', { jobId, error: String(error) });
        if (jobId === undefined) reject(error);
      });
      worker.on('exit', () => {
        if (jobId !== undefined) this.running.delete(jobId);
        else reject(new Error('the import stopped before it began'));
      });
    });
  }

  cancel(jobId: number): boolean {
    const worker = this.running.get(jobId);
    worker?.postMessage('cancel');
    return worker !== undefined;
  }

  isRunning(): boolean {
    return this.running.size > 0;
  }
}
