import { describe, expect, it } from 'vitest';
import { WorkstationStatusBoard } from '../../../src-main/core/status/workstationStatusBoard';
import { workstationStatusSchema } from '../../../src-shared/status/workstationStatusSchema';

describe('WorkstationStatusBoard', () => {
  it('starts Not Ready with nothing configured, in the contract shape', () => {
    const board = new WorkstationStatusBoard({ now: () => new Date('2026-11-27T09:00:00Z') });
    const status = board.current();
    expect(workstationStatusSchema.parse(status)).toEqual(status);
    expect(status.agent).toEqual({
      state: 'notReady',
      reason: 'starting',
      since: '2026-11-27T09:00:00.000Z',
    });
    expect(status.sip.state).toBe('notConfigured');
  });

  it('tells listeners once per real change', () => {
    let now = new Date('2026-11-27T09:00:00Z');
    const board = new WorkstationStatusBoard({ now: () => now });
    const seen: string[] = [];
    board.onChanged((s) => seen.push(`${s.agent.state}/${s.sip.state}`));
    board.set('sip', { state: 'registered' });
    board.set('sip', { state: 'registered' });
    now = new Date('2026-11-27T09:05:00Z');
    board.setAgentState('ready');
    board.setAgentState('ready');
    expect(seen).toEqual(['notReady/registered', 'ready/registered']);
    expect(board.current().agent.since).toBe('2026-11-27T09:05:00.000Z');
  });
});
