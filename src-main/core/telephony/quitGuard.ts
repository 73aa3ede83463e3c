import type { LiveCallRegistry } from './liveCallRegistry';

/**
 * Quitting (or closing the window) with a live call asks first: an operator
 * must never drop a client by a stray click. Once the operator confirms, the
 * rest of the quit sequence is not asked again.
 */
export class QuitGuard {
  private confirmed = false;

  constructor(
    private readonly liveCalls: LiveCallRegistry,
    /** Shows the question; true means "end the call and quit". */
    private readonly ask: () => boolean,
  ) {}

  mayQuit(): boolean {
    if (this.confirmed || this.liveCalls.count() === 0) return true;
    this.confirmed = this.ask();
    return this.confirmed;
  }
}
