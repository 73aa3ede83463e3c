import { rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { envWithTemp, type WorkerTempFolders } from '../../platform/workerTemp';
import type { CountryCode } from 'libphonenumber-js';
import type { DatabaseKey } from '../../db/encryption';
import type { Logger } from '../../platform/ports';
import type { SearchBacklogProgress } from '../searchBacklog';
import {
  progressAtStart,
  type ImportProgress,
  type ImportSettings,
} from '../../../../src-shared/clients/importSchemas';

export interface ImportRequest {
  file: string;
  settings: ImportSettings;
  actor: string;
  region: CountryCode;
}

/** The key travels in memory only: the worker opens the encrypted base with it. */
export type ImportWorkerData = { databaseFile: string; databaseKey?: DatabaseKey } & (
  ({ task: 'import' } & ImportRequest) | { task: 'index' }
);

export type ImportWorkerMessage =
  | { type: 'started'; jobId: number }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'finished'; progress: ImportProgress }
  | { type: 'indexing'; progress: SearchBacklogProgress }
  | { type: 'indexed'; progress: SearchBacklogProgress }
  | { type: 'failed'; message: string };

/**
 * Runs imports on worker threads and relays their progress, then their search
 * indexing (`onIndexing`: progress while it runs, undefined once done).
 */
export class ImportRunner {
  private readonly running = new Map<number, Worker>();
  private indexing: Worker | undefined;

  constructor(
    private readonly database: { file: string; key?: DatabaseKey },
    private readonly workerFile: string,
    private readonly logger: Logger,
    private readonly onIndexing: (progress: SearchBacklogProgress | undefined) => void = () =>
      undefined,
    /** Where the import's threads keep temporary files; the system's if unset. */
    private readonly temp?: WorkerTempFolders,
  ) {}

  /** Indexes what an earlier run left unindexed (an import cut off, the app closed while indexing). */
  resumeIndexing(): void {
    if (this.indexing !== undefined) return;
    const worker = new Worker(this.workerFile, {
      workerData: { task: 'index', ...this.workerDatabase() } satisfies ImportWorkerData,
    });
    this.watchIndexing(worker);
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'failed')
        this.logger.error('search indexing failed', { message: message.message });
    });
    worker.on('error', (error) => {
      this.logger.error('search indexing crashed', { error: String(error) });
    });
  }

  private watchIndexing(worker: Worker): void {
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'indexing') {
        this.indexing = worker;
        this.onIndexing(message.progress);
      } else if (message.type === 'indexed') this.onIndexing(undefined);
    });
    worker.on('exit', () => {
      if (this.indexing !== worker) return;
      this.indexing = undefined;
      this.onIndexing(undefined);
    });
  }

  private workerDatabase(): { databaseFile: string; databaseKey?: DatabaseKey } {
    const { file, key } = this.database;
    return key === undefined ? { databaseFile: file } : { databaseFile: file, databaseKey: key };
  }

  async start(
    request: ImportRequest,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<number> {
    const temp = await this.temp?.next();
    const worker = new Worker(this.workerFile, {
      workerData: {
        task: 'import',
        ...request,
        ...this.workerDatabase(),
      } satisfies ImportWorkerData,
      ...(temp === undefined ? {} : { env: envWithTemp(temp) }),
    });
    if (temp !== undefined)
      worker.on(
        'exit',
        () => void rm(temp, { recursive: true, force: true }).catch(() => undefined),
      );
    this.watchIndexing(worker);
    return new Promise<number>((resolve, reject) => {
      let jobId: number | undefined;
      let last: ImportProgress | undefined;
      worker.on('message', (message: ImportWorkerMessage) => {
        switch (message.type) {
          case 'started':
            jobId = message.jobId;
            this.running.set(jobId, worker);
            resolve(jobId);
            break;
          case 'progress':
          case 'finished':
            last = message.progress;
            onProgress(message.progress);
            break;
          case 'indexing':
          case 'indexed':
            break;
          case 'failed':
            this.logger.error('import failed', { jobId, message: message.message });
            if (jobId === undefined) reject(new Error(message.message));
            // A failure the import did not report itself (the database, the disk): the window must not wait on.
            else if (last?.status !== 'failed')
              onProgress({ ...(last ?? progressAtStart(jobId)), status: 'failed' });
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
