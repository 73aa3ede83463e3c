import { useEffect, useState } from 'react';
import type { OrderValues } from '../../../src-shared/orders/orderValues';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

export type SaveState = { kind: 'saved'; at: string } | { kind: 'saving' } | { kind: 'failed' };

/**
 * Every change of one draft sent to main as it is made: at most one save on
 * the way, then the newest values, so nothing typed is lost and older values
 * never land after newer ones.
 */
class DraftSaveQueue {
  private pending: OrderValues | undefined;
  private busy = false;
  private waiting: (() => void)[] = [];
  private onState: (state: SaveState) => void = () => undefined;
  private onConfirmation: (confirmedAt: string | null) => void = () => undefined;

  constructor(private readonly uid: string) {}

  /** Where the form hears of saves and of a confirmation a change withdrew. */
  listen(
    onState: (state: SaveState) => void,
    onConfirmation: (confirmedAt: string | null) => void,
  ): void {
    this.onState = onState;
    this.onConfirmation = onConfirmation;
  }

  save(values: OrderValues): void {
    this.pending = values;
    this.flush();
  }

  /** Resolves once everything typed is in the base. */
  settled(): Promise<void> {
    if (!this.busy && this.pending === undefined) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private flush(): void {
    if (this.busy) return;
    const values = this.pending;
    if (values === undefined) {
      for (const resolve of this.waiting.splice(0)) resolve();
      return;
    }
    this.pending = undefined;
    this.busy = true;
    this.onState({ kind: 'saving' });
    invoke('orders.draft.save', { uid: this.uid, values })
      .then(
        ({ savedAt, clientConfirmedAt }) => {
          this.onConfirmation(clientConfirmedAt);
          if (this.pending === undefined) this.onState({ kind: 'saved', at: savedAt });
        },
        (e: unknown) => {
          this.onState({ kind: 'failed' });
          reportProblem('save', e);
        },
      )
      .finally(() => {
        this.busy = false;
        this.flush();
      });
  }
}

export function useDraftSaver(uid: string, onConfirmation: (confirmedAt: string | null) => void) {
  const [queue] = useState(() => new DraftSaveQueue(uid));
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: '' });
  useEffect(() => queue.listen(setState, onConfirmation), [queue, onConfirmation]);
  return {
    state,
    save: (values: OrderValues) => queue.save(values),
    settled: () => queue.settled(),
  };
}
