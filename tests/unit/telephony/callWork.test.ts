import { describe, expect, it } from 'vitest';
import { CallWork } from '../../../src-main/core/calls/callWork';
import { callView } from '../../support/callViews';

const call = callView;

describe('call work', () => {
  it('a ringing call is not work yet; answering starts it; hanging up leaves its wrap-up', () => {
    const work = new CallWork();
    expect(work.update([call(1, {})])).toBeUndefined();
    expect(work.update([call(1, { state: 'connecting' })])).toEqual({ type: 'callStarted' });
    expect(work.update([call(1, { state: 'active', answeredAt: 'x' })])).toBeUndefined();
    expect(work.update([call(1, { state: 'ended', answeredAt: 'x' })])).toEqual({
      type: 'callEnded',
      wrapUpInteractionId: 10,
    });
    expect(work.pendingWrapUps).toEqual([10]);
  });

  it('a missed call is no work at all', () => {
    const work = new CallWork();
    work.update([call(1, {})]);
    expect(work.update([call(1, { state: 'ended', endCause: 'canceled' })])).toBeUndefined();
  });

  it('an unanswered outbound call ends the work without a wrap-up of an older call', () => {
    const work = new CallWork();
    const older = call(1, { state: 'ended', answeredAt: 'x' });
    expect(work.update([call(2, { direction: 'outbound' }), older])).toEqual({
      type: 'callStarted',
    });
    expect(
      work.update([
        call(2, { direction: 'outbound', state: 'ended', endCause: 'noAnswer' }),
        older,
      ]),
    ).toEqual({ type: 'callEnded', wrapUpInteractionId: null });
  });

  it('with two calls, work ends only when the last one does', () => {
    const work = new CallWork();
    work.update([call(1, { state: 'active', answeredAt: 'x' })]);
    expect(
      work.update([
        call(1, { state: 'held', answeredAt: 'x' }),
        call(2, { state: 'active', answeredAt: 'y' }),
      ]),
    ).toBeUndefined();
    expect(
      work.update([
        call(1, { state: 'held', answeredAt: 'x' }),
        call(2, { state: 'ended', answeredAt: 'y' }),
      ]),
    ).toBeUndefined();
    expect(
      work.update([
        call(1, { state: 'ended', answeredAt: 'x' }),
        call(2, { state: 'ended', answeredAt: 'y' }),
      ]),
    ).toEqual({ type: 'callEnded', wrapUpInteractionId: 10 });
  });
});

describe('wrap-ups left for later', () => {
  it('a call taken before the last wrap-up is written queues its own after it', () => {
    const work = new CallWork();
    work.update([call(1, { state: 'active', answeredAt: 'x' })]);
    work.update([call(1, { state: 'ended', answeredAt: 'x' })]);
    work.update([call(2, { state: 'active', answeredAt: 'y' })]);
    work.update([call(2, { state: 'ended', answeredAt: 'y' })]);
    expect(work.pendingWrapUps).toEqual([10, 20]);
  });
});
