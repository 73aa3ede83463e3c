import { useEffect, useRef, useState } from 'react';
import type { PerformanceSheet, SheetRange } from '../../../src-shared/performance/sheetView';
import { invoke, onEvent } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

/** Time figures (Ready, occupancy) move on their own: read again this often while shown. */
const refreshMs = 60_000;

/**
 * The sheet for a range, read again the moment main says the records it counts
 * changed (a wrap-up saved, an offer, an order) and every minute. One read at a
 * time: a change during a read asks for one more read after it, never a pile.
 */
export function useSheet(range: SheetRange | undefined): {
  sheet: PerformanceSheet | undefined;
  reads: number;
} {
  const [sheet, setSheet] = useState<PerformanceSheet | undefined>();
  const [reads, setReads] = useState(0);
  const state = useRef({ reading: false, again: false });
  useEffect(() => {
    if (range === undefined) return;
    let live = true;
    const read = () => {
      if (state.current.reading) {
        state.current.again = true;
        return;
      }
      state.current.reading = true;
      invoke('performance.sheet', { range })
        .then(
          (found) => {
            if (!live) return;
            setSheet(found);
            setReads((n) => n + 1);
          },
          (e: unknown) => live && reportProblem('load', e),
        )
        .finally(() => {
          state.current.reading = false;
          if (state.current.again && live) {
            state.current.again = false;
            read();
          }
        });
    };
    read();
    const off = onEvent('performance.changed', read);
    const timer = setInterval(read, refreshMs);
    return () => {
      live = false;
      off();
      clearInterval(timer);
    };
  }, [range]);
  return { sheet, reads };
}
