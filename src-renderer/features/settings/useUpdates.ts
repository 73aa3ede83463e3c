import { useEffect, useState } from 'react';
import type { UpdateView } from '../../../src-shared/updates/updateView';
import { invoke, onEvent } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

/** The update state as main has it, kept current by `updates.changed`. */
export function useUpdates(): UpdateView | undefined {
  const [view, setView] = useState<UpdateView>();
  useEffect(() => {
    let live = true;
    invoke('updates.view').then(
      (value) => live && setView(value),
      (error: unknown) => reportProblem('load', error),
    );
    const off = onEvent('updates.changed', setView);
    return () => {
      live = false;
      off();
    };
  }, []);
  return view;
}

/** The operator's choice for a downloaded update; main refuses while work or IT's window holds it. */
export async function installUpdate(when: 'now' | 'onQuit'): Promise<void> {
  try {
    await invoke(when === 'now' ? 'updates.installNow' : 'updates.installOnQuit');
  } catch (error) {
    reportProblem('save', error);
  }
}
