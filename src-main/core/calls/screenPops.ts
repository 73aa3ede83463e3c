import { firstHistoryEntries, type ClientCard } from '../../../src-shared/clients/clientSchemas';
import type { CallView } from '../../../src-shared/telephony/callView';

/** The card as the pop carries it: the entries shown at once (the window fetches the rest after). */
export function screenPopCard(card: ClientCard): ClientCard {
  return { ...card, history: card.history.slice(0, firstHistoryEntries) };
}

export interface ScreenPop {
  callId: number;
  clientId: number;
}

/**
 * Which ringing calls should pop their caller's card now: each inbound call
 * whose caller is one known client, once. Main sends the card with the pop, so
 * the window draws it without asking back while the phone rings.
 */
export class ScreenPops {
  private readonly shown = new Set<number>();

  next(calls: readonly CallView[]): ScreenPop[] {
    const pops: ScreenPop[] = [];
    for (const call of calls) {
      if (call.direction !== 'inbound' || call.state !== 'ringing' || call.client === null)
        continue;
      if (this.shown.has(call.id)) continue;
      this.shown.add(call.id);
      pops.push({ callId: call.id, clientId: call.client.id });
    }
    // A call gone from the list never rings again.
    for (const id of this.shown) if (!calls.some((call) => call.id === id)) this.shown.delete(id);
    return pops;
  }
}
