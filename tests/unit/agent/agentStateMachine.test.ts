import { describe, expect, it } from 'vitest';
import {
  inboundPolicy,
  transition,
  type AgentEvent,
  type AgentState,
  type Transition,
} from '../../../src-main/core/agent/agentStateMachine';

const ready: AgentState = { name: 'ready' };
const notReady: AgentState = { name: 'notReady', reason: 'break' };
const onCall: AgentState = { name: 'onCall' };
const onCallThenLunch: AgentState = { name: 'onCall', pendingNotReady: 'lunch' };
const wrapUp: AgentState = { name: 'wrapUp' };
const wrapUpThenLunch: AgentState = { name: 'wrapUp', pendingNotReady: 'lunch' };

const events: Record<string, AgentEvent> = {
  goReady: { type: 'goReady' },
  goNotReadyTraining: { type: 'goNotReady', reason: 'training' },
  cancelPending: { type: 'cancelPending' },
  callStarted: { type: 'callStarted' },
  callEndedWithWrapUp: { type: 'callEnded', wrapUp: true },
  callEndedNoWrapUp: { type: 'callEnded', wrapUp: false },
  finishWrapUpComplete: { type: 'finishWrapUp', complete: true },
  finishWrapUpIncomplete: { type: 'finishWrapUp', complete: false },
  wrapUpTimeUp: { type: 'wrapUpTimeUp' },
  idle: { type: 'idle' },
};

const ok = (state: AgentState): Transition => ({ ok: true, state });
const refused: Transition = { ok: false, error: 'notAllowed' };

// Every state against every event, each outcome written out.
const table: [string, AgentState, Record<keyof typeof events, Transition>][] = [
  [
    'ready',
    ready,
    {
      goReady: ok(ready),
      goNotReadyTraining: ok({ name: 'notReady', reason: 'training' }),
      cancelPending: refused,
      callStarted: ok({ name: 'onCall' }),
      callEndedWithWrapUp: refused,
      callEndedNoWrapUp: refused,
      finishWrapUpComplete: refused,
      finishWrapUpIncomplete: refused,
      wrapUpTimeUp: refused,
      idle: ok({ name: 'notReady', reason: 'away' }),
    },
  ],
  [
    'not ready (break)',
    notReady,
    {
      goReady: ok(ready),
      goNotReadyTraining: ok({ name: 'notReady', reason: 'training' }),
      cancelPending: refused,
      callStarted: ok({ name: 'onCall', pendingNotReady: 'break' }),
      callEndedWithWrapUp: refused,
      callEndedNoWrapUp: refused,
      finishWrapUpComplete: refused,
      finishWrapUpIncomplete: refused,
      wrapUpTimeUp: refused,
      idle: refused,
    },
  ],
  [
    'on a call',
    onCall,
    {
      goReady: refused,
      goNotReadyTraining: ok({ name: 'onCall', pendingNotReady: 'training' }),
      cancelPending: ok(onCall),
      callStarted: ok(onCall),
      callEndedWithWrapUp: ok({ name: 'wrapUp', pendingNotReady: undefined }),
      callEndedNoWrapUp: ok(ready),
      finishWrapUpComplete: refused,
      finishWrapUpIncomplete: refused,
      wrapUpTimeUp: refused,
      idle: refused,
    },
  ],
  [
    'on a call, Not Ready (lunch) after it',
    onCallThenLunch,
    {
      goReady: refused,
      goNotReadyTraining: ok({ name: 'onCall', pendingNotReady: 'training' }),
      cancelPending: ok(onCall),
      callStarted: ok(onCallThenLunch),
      callEndedWithWrapUp: ok(wrapUpThenLunch),
      callEndedNoWrapUp: ok({ name: 'notReady', reason: 'lunch' }),
      finishWrapUpComplete: refused,
      finishWrapUpIncomplete: refused,
      wrapUpTimeUp: refused,
      idle: refused,
    },
  ],
  [
    'wrap-up',
    wrapUp,
    {
      goReady: refused,
      goNotReadyTraining: ok({ name: 'wrapUp', pendingNotReady: 'training' }),
      cancelPending: ok(wrapUp),
      callStarted: ok({ name: 'onCall' }),
      callEndedWithWrapUp: refused,
      callEndedNoWrapUp: refused,
      finishWrapUpComplete: ok(ready),
      finishWrapUpIncomplete: { ok: false, error: 'wrapUpIncomplete' },
      wrapUpTimeUp: ok(ready),
      idle: refused,
    },
  ],
  [
    'wrap-up, Not Ready (lunch) after it',
    wrapUpThenLunch,
    {
      goReady: refused,
      goNotReadyTraining: ok({ name: 'wrapUp', pendingNotReady: 'training' }),
      cancelPending: ok(wrapUp),
      callStarted: ok({ name: 'onCall', pendingNotReady: 'lunch' }),
      callEndedWithWrapUp: refused,
      callEndedNoWrapUp: refused,
      finishWrapUpComplete: ok({ name: 'notReady', reason: 'lunch' }),
      finishWrapUpIncomplete: { ok: false, error: 'wrapUpIncomplete' },
      wrapUpTimeUp: ok({ name: 'notReady', reason: 'lunch' }),
      idle: refused,
    },
  ],
];

describe.each(table)('agent %s', (_name, state, outcomes) => {
  it.each(Object.keys(events))('on %s', (event) => {
    expect(transition(state, events[event]!)).toEqual(outcomes[event]);
  });
});

describe('inbound calls', () => {
  it('are offered when Ready or already on a call (call waiting)', () => {
    expect(inboundPolicy(ready, 'decline')).toBe('offer');
    expect(inboundPolicy(onCall, 'decline')).toBe('offer');
  });
  it('are declined, or ring without auto-answer, in Not Ready and wrap-up, as configured', () => {
    expect(inboundPolicy(notReady, 'decline')).toBe('decline');
    expect(inboundPolicy(wrapUp, 'decline')).toBe('decline');
    expect(inboundPolicy(notReady, 'ringWithoutAutoAnswer')).toBe('ringWithoutAutoAnswer');
  });
});
