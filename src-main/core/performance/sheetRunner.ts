import { Worker } from 'node:worker_threads';
import type { Logger } from '../platform/ports';
import type { SheetAnswer, SheetAnswers, SheetRequest, SheetWorkerData } from './sheetMessages';

type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * Main's side of the sheet worker: requests go to one long-lived thread and
 * come back by id. A thread that dies (out of memory, a native crash) fails
 * what it was asked, is logged, and is started again at the next request.
 */
export class SheetRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();

  constructor(
    private readonly workerFile: string | URL,
    private readonly database: SheetWorkerData,
    private readonly logger: Logger,
    private readonly maxMemoryMb = 512,
  ) {}

  ask<T extends Unsent<SheetRequest>>(request: T): Promise<SheetAnswers[T['type']]> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(this.workerFile, {
      workerData: this.database,
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb },
    });
    worker.unref();
    worker.on('message', (answer: SheetAnswer) => {
      const waiter = this.waiting.get(answer.id);
      if (waiter === undefined) return;
      this.waiting.delete(answer.id);
      if (answer.ok) waiter.resolve(answer.value);
      else waiter.reject(new Error(answer.message));
    });
    const gone = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      if (this.waiting.size > 0)
        this.logger.error('the performance sheet worker stopped', { message: error.message });
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`the sheet worker stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }
}
