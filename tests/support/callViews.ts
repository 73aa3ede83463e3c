import type { CallView } from '../../src-shared/telephony/callView';

/** A call as main shows it: an inbound call ringing, unless the patch says otherwise. */
export function callView(id: number, patch: Partial<CallView> = {}): CallView {
  return {
    id,
    direction: 'inbound',
    state: 'ringing',
    remoteNumber: '+380671234567',
    remoteName: '',
    client: null,
    matches: 0,
    interactionId: id * 10,
    muted: false,
    offeredAt: '2026-11-27T10:00:00.000Z',
    answeredAt: null,
    endedAt: null,
    endCause: null,
    problem: null,
    consultCallId: null,
    autoAnswer: false,
    line: null,
    ...patch,
  };
}
