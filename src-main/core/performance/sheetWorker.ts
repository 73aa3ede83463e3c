/**
 * Worker-thread entry of the performance sheet: one thread for as long as the
 * base is open, with a read connection of its own, so a month or a year of
 * calls is aggregated while main's event loop (the phone line) answers calls.
 * Bundled as dist/main/sheetWorker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { prepareConnection } from '../db/connection';
import { SheetCalculator } from './performanceSheet';
import { drillCalls } from './sheetFigures';
import type { SheetAnswer, SheetRequest, SheetWorkerData } from './sheetMessages';

const data = workerData as SheetWorkerData;
const sqlite = new Database(data.file);
prepareConnection(sqlite, { key: data.key, busyTimeoutMs: 10_000 });
const calculator = new SheetCalculator(sqlite);

function answer(request: SheetRequest): SheetAnswer {
  try {
    switch (request.type) {
      case 'sheet':
        return {
          id: request.id,
          ok: true,
          value: calculator.sheet(request.range, {
            ...request.options,
            now: new Date(request.now),
          }),
        };
      case 'drill':
        return {
          id: request.id,
          ok: true,
          value: { metric: request.metric, ...drillCalls(sqlite, request.metric, request.range) },
        };
      case 'warm':
        calculator.warm({ ...request.options, now: new Date(request.now) });
        return { id: request.id, ok: true, value: null };
    }
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

parentPort?.on('message', (request: SheetRequest) => {
  parentPort?.postMessage(answer(request));
  // Weeks found stale are summed again once the answer is on its way.
  if (request.type === 'sheet')
    setImmediate(() => calculator.refreshStale({ ...request.options, now: new Date() }));
});
