import type { DatabaseKey } from '../db/encryption';
import type {
  DrillResult,
  DrillableMetric,
  PerformanceSheet,
  SheetRange,
} from '../../../src-shared/performance/sheetView';
import type { SheetOptions } from './performanceSheet';
import type { SheetContext } from './sheetFigures';

/** What main asks the sheet worker, each with an id its answer carries. */
export type SheetRequest =
  | {
      id: number;
      type: 'sheet';
      range: SheetRange;
      options: Omit<SheetOptions, 'now'>;
      now: string;
    }
  | { id: number; type: 'drill'; metric: DrillableMetric; range: SheetRange }
  | { id: number; type: 'warm'; options: Omit<SheetContext, 'now'>; now: string };

export interface SheetAnswers {
  sheet: PerformanceSheet;
  drill: DrillResult;
  warm: null;
}

export type SheetAnswer =
  | { id: number; ok: true; value: SheetAnswers[keyof SheetAnswers] }
  | { id: number; ok: false; message: string };

export interface SheetWorkerData {
  file: string;
  key?: DatabaseKey;
}
