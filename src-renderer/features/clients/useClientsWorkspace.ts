import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkstationStatus } from '../../../src-shared/status/workstationStatusSchema';
import { invoke, onEvent } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

/** The empty base's demo offer, asked again after anything that may fill the base. */
export function useDemoOffer() {
  const [offerDemo, setOfferDemo] = useState(false);
  const refresh = useCallback(() => {
    invoke('workspace.state').then(
      (s) => setOfferDemo(s.offerDemo),
      (e: unknown) => reportProblem('load', e),
    );
  }, []);
  useEffect(refresh, [refresh]);
  return { offerDemo, refresh };
}

/**
 * How far the search index has caught up with an import (a search meanwhile
 * may miss the newest clients), and `onCaughtUp` once it has.
 */
export function useSearchIndexing(onCaughtUp: () => void): number | undefined {
  const [indexing, setIndexing] = useState<number | undefined>();
  useEffect(() => {
    const follow = (database: WorkstationStatus['database']) =>
      setIndexing(database.state === 'indexing' ? (database.progress ?? 0) : undefined);
    invoke('status.get').then(
      (status) => follow(status.database),
      (e: unknown) => reportProblem('load', e),
    );
    return onEvent('status.changed', (status) => follow(status.database));
  }, []);
  const wasIndexing = useRef(false);
  useEffect(() => {
    if (indexing !== undefined) wasIndexing.current = true;
    else if (wasIndexing.current) {
      wasIndexing.current = false;
      onCaughtUp();
    }
  }, [indexing, onCaughtUp]);
  return indexing;
}
