import type { ScriptRunView } from '../../../src-shared/scripts/scriptRunView';

type Listener = (run: ScriptRunView) => void;
const listeners = new Set<Listener>();

/**
 * A run moved on (in the panel beside the card, or in the Scripts section):
 * whatever shows that client's runs (the card) reads them again.
 */
export const runChanges = {
  publish(run: ScriptRunView): void {
    for (const listener of listeners) listener(run);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
