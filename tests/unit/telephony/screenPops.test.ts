import { describe, expect, it } from 'vitest';
import { ScreenPops, screenPopCard } from '../../../src-main/core/calls/screenPops';
import { firstHistoryEntries, type ClientCard } from '../../../src-shared/clients/clientSchemas';
import { callView } from '../../support/callViews';

const known = { id: 7, fullName: 'Ґудзь Марія' };

describe('screen pops', () => {
  it('pops a ringing inbound call from one known client, once', () => {
    const pops = new ScreenPops();
    expect(pops.next([callView(1, { client: known, matches: 1 })])).toEqual([
      { callId: 1, clientId: 7 },
    ]);
    expect(pops.next([callView(1, { client: known, matches: 1 })])).toEqual([]);
    expect(pops.next([callView(1, { client: known, state: 'active' })])).toEqual([]);
  });

  it('never pops an unknown or ambiguous caller, an outbound call or one already answered', () => {
    const pops = new ScreenPops();
    expect(
      pops.next([
        callView(1),
        callView(2, { matches: 2 }),
        callView(3, { client: known, direction: 'outbound' }),
        callView(4, { client: known, state: 'active' }),
      ]),
    ).toEqual([]);
  });

  it('a second caller while on a call pops too; a call id seen again after it left pops again', () => {
    const pops = new ScreenPops();
    pops.next([callView(1, { client: known })]);
    const other = { id: 8, fullName: 'Їжак Олег' };
    expect(
      pops.next([callView(1, { client: known, state: 'active' }), callView(2, { client: other })]),
    ).toEqual([{ callId: 2, clientId: 8 }]);
    pops.next([]);
    expect(pops.next([callView(1, { client: known })])).toEqual([{ callId: 1, clientId: 7 }]);
  });
});

describe('the card a pop carries', () => {
  it('keeps the newest history entries the card shows at once, and everything else', () => {
    const history = Array.from({ length: 220 }, (_, i) => ({
      kind: 'call' as const,
      id: i,
      at: new Date(Date.UTC(2026, 10, 27) - i * 36e5).toISOString(),
    }));
    const card = { id: 7, fullName: 'Ґудзь Марія', history } as unknown as ClientCard;
    const popped = screenPopCard(card);
    expect(popped.history).toEqual(history.slice(0, firstHistoryEntries));
    expect({ ...popped, history: [] }).toEqual({ ...card, history: [] });
  });
});
