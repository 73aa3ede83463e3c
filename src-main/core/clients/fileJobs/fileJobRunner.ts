import { rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../platform/ports';
import { envWithTemp, type WorkerTempFolders } from '../../platform/workerTemp';
import {
  FileJobError,
  type FileJob,
  type FileJobMessage,
  type FileJobResults,
} from './fileJobTypes';

/** Which jobs make the file they name (and which only read it): the compiler keeps it whole. */
const writesItsFile: Record<FileJob['task'], boolean> = {
  preview: false,
  scriptRead: false,
  catalogueLoad: false,
  codifierLoad: false,
  scheduleLoad: false,
  targetsLoad: false,
  achievementsExport: true,
  diagnosticsBundle: true,
  campaignBuild: false,
  teamCatalogue: false,
  scriptWrite: true,
  export: true,
  ordersExport: true,
  importReport: true,
};

export interface FileJobOptions {
  /** Rows written so far (exports). */
  onProgress?: (rows: number) => void;
  /** Cancels: the worker is stopped and a half-written file removed. */
  signal?: AbortSignal;
}

/**
 * Runs file jobs on worker threads, one thread a job, with a memory ceiling:
 * a hostile file that gets past every check can exhaust only its own thread,
 * and the operator is told the job failed while main goes on answering.
 */
export class FileJobRunner {
  constructor(
    private readonly workerFile: string | URL,
    private readonly logger: Logger,
    private readonly temp: WorkerTempFolders,
    private readonly maxMemoryMb = 1024,
  ) {}

  async run<T extends FileJob>(
    job: T,
    options: FileJobOptions = {},
  ): Promise<FileJobResults[T['task']]> {
    const temp = await this.temp.next();
    try {
      return await this.runIn(temp, job, options);
    } finally {
      // A file still held (Windows) stays until the next start clears the folder.
      await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private runIn<T extends FileJob>(
    temp: string,
    job: T,
    options: FileJobOptions,
  ): Promise<FileJobResults[T['task']]> {
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted === true) {
        reject(new FileJobError('cancelled'));
        return;
      }
      const worker = new Worker(this.workerFile, {
        workerData: job,
        env: envWithTemp(temp),
        resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb },
      });
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener('abort', cancel);
        outcome();
      };
      const fail = (error: FileJobError) =>
        settle(() => {
          this.logger.error('file job failed', { task: job.task, message: error.message });
          void this.removeOutput(job).finally(() => reject(error));
        });
      const cancel = () => {
        void worker.terminate();
        fail(new FileJobError('cancelled'));
      };
      options.signal?.addEventListener('abort', cancel, { once: true });
      let result: { value: FileJobResults[T['task']] } | undefined;
      worker.on('message', (message: FileJobMessage) => {
        if (message.type === 'progress') options.onProgress?.(message.rows);
        else if (message.type === 'done') {
          // Its files are written and its base closed: what is left of the thread (a reader
          // stopped early) is stopped, and the job answers once the thread is gone.
          result = { value: message.result as FileJobResults[T['task']] };
          void worker.terminate();
        } else fail(new FileJobError(message.message, message.problem));
      });
      // Out of memory, a crash in a native module: the thread is gone, main is not.
      worker.on('error', (error) => fail(new FileJobError(String(error))));
      worker.on('exit', (code) => {
        const done = result;
        if (done !== undefined) settle(() => resolve(done.value));
        else fail(new FileJobError(`the file job stopped (exit ${code})`));
      });
    });
  }

  /**
   * A file the job was writing when it failed or was cancelled is not left
   * half-written. Only a job that writes its file: a job that reads one (IT's
   * catalogue, the codifier, a script) leaves it as it is, whatever happens.
   */
  private async removeOutput(job: FileJob): Promise<void> {
    if (!writesItsFile[job.task] || !('file' in job)) return;
    await rm(job.file, { force: true }).catch(() => undefined);
  }
}
