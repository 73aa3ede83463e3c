import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src-main/core/platform/ports';
import { transition, type AgentState } from '../../src-main/core/agent/agentStateMachine';
import { AfterCallWork } from '../../src-main/core/calls/afterCallWork';
import { CallRecords } from '../../src-main/core/calls/callRecords';
import { WrapUp } from '../../src-main/core/calls/wrapUp';
import type { PultDatabase } from '../../src-main/core/db/database';
import { emptyPolicy } from '../../src-main/core/settings/machinePolicy';
import { callView } from '../support/callViews';
import { openTempDatabase } from '../support/tempDatabase';

let db: PultDatabase;
let state: AgentState;
const agent = {
  view: () => ({ name: state.name, since: new Date(0).toISOString() }),
  apply: (event: Parameters<typeof transition>[1]) => {
    const result = transition(state, event);
    if (result.ok) state = result.state;
    return result;
  },
};

function desk(wrapUp = emptyPolicy.calls.wrapUp) {
  const wrapUps = new WrapUp(db, { now: () => new Date() });
  return new AfterCallWork({
    agent,
    policy: { ...emptyPolicy, calls: { ...emptyPolicy.calls, wrapUp } },
    wrapUps: () => Promise.resolve(wrapUps),
    actor: 'op1',
    clock: systemClock,
    logger: { info: () => undefined, warn: () => undefined },
  });
}

/** A call talked on and ended, with its interaction row. */
function talkedCall(work: AfterCallWork, id: number) {
  const interactionId = new CallRecords(db.sqlite).start({
    direction: 'inbound',
    remoteNumber: '+380671234567',
    sipCallId: `c${id}`,
    clientId: null,
    offeredAt: new Date(),
  });
  work.callsChanged([callView(id, { state: 'active', answeredAt: 'x', interactionId })]);
  work.callsChanged([callView(id, { state: 'ended', answeredAt: 'x', interactionId })]);
  return interactionId;
}

beforeEach(async () => {
  db = await openTempDatabase();
  state = { name: 'ready' };
});
afterEach(async () => {
  vi.useRealTimers();
  await db.close();
});

describe('after-call work', () => {
  it('wrap-ups queue; Ready only when the last one is written', async () => {
    const work = desk();
    const first = talkedCall(work, 1);
    expect(state.name).toBe('wrapUp');
    const second = talkedCall(work, 2);
    expect((await work.pending('uk'))?.interactionId).toBe(first);
    expect(await work.finish({ disposition: 'info' })).toEqual({ ok: true });
    expect(state.name).toBe('wrapUp');
    expect((await work.pending('uk'))?.interactionId).toBe(second);
    expect(await work.finish({ disposition: 'info' })).toEqual({ ok: true });
    expect(state.name).toBe('ready');
    expect(await work.pending('uk')).toBeNull();
  });

  it('time-boxed: when time is up the operator is back to work; "stay" only counts down', async () => {
    vi.useFakeTimers();
    const work = desk({ limitSeconds: 30, whenTimeUp: 'ready' });
    talkedCall(work, 1);
    expect((await work.pending('uk'))?.deadline).not.toBeNull();
    vi.advanceTimersByTime(30_000);
    expect(state.name).toBe('ready');

    const staying = desk({ limitSeconds: 30, whenTimeUp: 'stay' });
    talkedCall(staying, 2);
    vi.advanceTimersByTime(60_000);
    expect(state.name).toBe('wrapUp');
  });
});
