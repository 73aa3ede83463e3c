import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { emptyPolicy } from '../../../src-main/core/settings/machinePolicy';
import { startOutbound } from '../../../src-main/core/workstation/outboundWork';
import type { WrapUpInput } from '../../../src-shared/calls/wrapUpSchema';
import type { OutboundView } from '../../../src-shared/campaigns/outboundView';
import { openTempDatabase } from '../../support/tempDatabase';

describe('the outbound desk on the workstation', () => {
  it('a wrap-up it cannot write to its lead is said to the operator, not only logged', async () => {
    const db = await openTempDatabase();
    try {
      const wrapUps: ((wrapUp: WrapUpInput) => void)[] = [];
      const sent: OutboundView[] = [];
      const outbound = startOutbound({
        database: () => Promise.resolve({ db }),
        callCenter: {
          calls: { dial: () => ({ ok: false, error: 'notRegistered' }) } as never,
          onCallsChanged: () => 0,
          onWrappedUp: (listener) => void wrapUps.push(listener),
        },
        agent: { view: () => ({ name: 'ready' }) as never, onChanged: () => () => undefined },
        policy: emptyPolicy,
        dialTarget: (typed) => typed,
        clock: { now: () => new Date('2026-12-07T10:00:00Z') },
        logger: silentLogger,
        actor: 'op1',
        language: () => 'uk',
        teamConnection: () => Promise.reject(new Error('no team here')),
        send: (event, payload) => {
          if (event === 'campaigns.session.changed') sent.push(payload as OutboundView);
        },
      });
      await outbound.desk();
      // The base refuses what the lead's wrap-up needs.
      db.sqlite.exec('DROP TABLE lead_attempts');
      wrapUps[0]?.({ interactionId: 5, disposition: 'sale', notes: '' });
      expect(sent.at(-1)?.notice).toEqual({ kind: 'problem' });
    } finally {
      await db.close();
    }
  });
});
