import { localDay, monthStartOf, weekStartOf } from '../../../src-shared/localDays';
import type { SheetRange } from '../../../src-shared/performance/sheetView';

export type Period = 'today' | 'week' | 'month' | 'range';

/** The days a period covers as of `now` (a range is the operator's own). */
export function periodRange(period: Exclude<Period, 'range'>, now = new Date()): SheetRange {
  const today = localDay(now);
  if (period === 'today') return { from: today, to: today };
  if (period === 'week') return { from: weekStartOf(today), to: today };
  return { from: monthStartOf(today), to: today };
}
