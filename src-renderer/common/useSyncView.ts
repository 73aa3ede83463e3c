import { useEffect, useState } from 'react';
import type { SyncView } from '../../src-shared/sync/syncView';
import { invoke, onEvent } from '../api/pultClient';

/** Team sync as main last told it (the status bar, the supervisor's section); undefined until asked. */
export function useSyncView(): SyncView | undefined {
  const [view, setView] = useState<SyncView>();
  useEffect(() => {
    let live = true;
    invoke('sync.view').then(
      (value) => live && setView(value),
      () => undefined,
    );
    const off = onEvent('sync.changed', setView);
    return () => {
      live = false;
      off();
    };
  }, []);
  return view;
}
