import { useEffect, useState } from 'react';
import type { CallView } from '../../../src-shared/telephony/callView';
import { invoke, onEvent } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

/** The calls main knows of (live ones first, then the last ended), kept current. */
export function useCalls(): CallView[] {
  const [calls, setCalls] = useState<CallView[]>([]);
  useEffect(() => {
    let live = true;
    const stop = onEvent('calls.changed', (list) => setCalls(list));
    invoke('calls.list').then(
      (list) => live && setCalls(list),
      (e: unknown) => reportProblem('load', e),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return calls;
}

/** Ticks every second while mounted, for call timers. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
