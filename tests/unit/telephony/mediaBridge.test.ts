import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { MediaBridge } from '../../../src-main/core/telephony/media/mediaBridge';
import type { RemotePeerConnection } from '../../../src-main/core/telephony/media/remotePeerConnection';
import type {
  ConnectionState,
  MediaRequest,
} from '../../../src-shared/telephony/mediaBridgeSchema';
import { mediaRequestSchema } from '../../../src-shared/telephony/mediaBridgeSchema';

const state = (seq: number, patch: Partial<ConnectionState> = {}): ConnectionState => ({
  seq,
  iceGatheringState: 'new',
  iceConnectionState: 'new',
  signalingState: 'stable',
  localDescription: null,
  ...patch,
});

/** A renderer that answers only when told, so the order of answers is the test's choice. */
function heldRenderer(bridge: MediaBridge) {
  const requests: MediaRequest[] = [];
  bridge.attach((request) => {
    expect(mediaRequestSchema.safeParse(request).success).toBe(true);
    requests.push(request);
  });
  return requests;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('media bridge', () => {
  it('sends a connection its requests in the order JsSIP made them, without waiting on each', async () => {
    const bridge = new MediaBridge(silentLogger);
    const requests = heldRenderer(bridge);
    const pc = bridge.createConnection([]);
    const offer = pc.createOffer();
    const local = pc.setLocalDescription({ type: 'offer', sdp: 'v=0 local' });
    expect(requests.map((r) => r.op)).toEqual(['open', 'createOffer', 'setLocalDescription']);
    expect(requests[2]).toMatchObject({ description: { type: 'offer', sdp: 'v=0 local' } });
    // Answers come back in the renderer's order; each promise gets its own.
    bridge.respond({ id: requests[0]!.id, ok: true, state: state(1) });
    bridge.respond({
      id: requests[1]!.id,
      ok: true,
      description: { type: 'offer', sdp: 'v=0 offer' },
      state: state(2),
    });
    expect(await offer).toEqual({ type: 'offer', sdp: 'v=0 offer' });
    bridge.respond({
      id: requests[2]!.id,
      ok: true,
      state: state(3, {
        iceGatheringState: 'gathering',
        signalingState: 'have-local-offer',
        localDescription: { type: 'offer', sdp: 'v=0 local' },
      }),
    });
    await local;
    // What JsSIP reads synchronously right after is the renderer's state at that answer.
    expect(pc.iceGatheringState).toBe('gathering');
    expect(pc.signalingState).toBe('have-local-offer');
    expect(pc.localDescription?.sdp).toBe('v=0 local');
  });

  it('an answer the window already set as local description costs no second round trip', async () => {
    const bridge = new MediaBridge(silentLogger);
    const requests = heldRenderer(bridge);
    const pc = bridge.createConnection([]);
    bridge.respond({ id: requests[0]!.id, ok: true, state: state(1) });
    const answer = pc.createAnswer();
    bridge.respond({
      id: requests[1]!.id,
      ok: true,
      description: { type: 'answer', sdp: 'v=0 answer' },
      applied: true,
      state: state(2, {
        signalingState: 'stable',
        iceGatheringState: 'gathering',
        localDescription: { type: 'answer', sdp: 'v=0 answer' },
      }),
    });
    const description = await answer;
    await pc.setLocalDescription(description);
    expect(requests.map((r) => r.op)).toEqual(['open', 'createAnswer']);
    expect(pc.iceGatheringState).toBe('gathering');
    // Anything else (a changed answer, an offer) still goes to the window.
    void pc.setLocalDescription({ type: 'answer', sdp: 'v=0 changed' }).catch(() => undefined);
    expect(requests.at(-1)).toMatchObject({ op: 'setLocalDescription' });
  });

  describe('a call prepared while it rings', () => {
    const offer = { type: 'offer' as const, sdp: 'v=0 caller offer' };
    const ready = state(3, {
      iceGatheringState: 'complete',
      localDescription: { type: 'answer', sdp: 'v=0 answer with candidates' },
    });
    /** What JsSIP's answer() does with the connection it makes, in its order. */
    const jssipAnswers = async (bridge: MediaBridge, iceServers: { urls: string }[] = []) => {
      const pc = bridge.createConnection(iceServers);
      pc.addTrack(bridge.microphone().track);
      await pc.setRemoteDescription(offer);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      return pc;
    };

    /** A call prepared while it rang (the window done with it), then answered by JsSIP. */
    const answeredWhenReady = async () => {
      const bridge = new MediaBridge(silentLogger);
      const requests = heldRenderer(bridge);
      bridge.prepareCall(7, [], offer.sdp);
      expect(requests).toMatchObject([{ op: 'prepareCall', offerSdp: offer.sdp }]);
      bridge.respond({
        id: requests[0]!.id,
        ok: true,
        description: { type: 'answer', sdp: 'v=0 answer' },
        state: ready,
      });
      await flush();
      let answered: Promise<RemotePeerConnection> | undefined;
      bridge.answerPrepared(7, () => {
        answered = jssipAnswers(bridge);
      });
      // Resolves with no response from the window at all.
      return { requests, pc: await answered! };
    };

    it('answering sends nothing the window must answer first: the 200 OK can go at once', async () => {
      const { requests, pc } = await answeredWhenReady();
      expect(pc.connectionId).toBe(requests[0]!.connectionId);
      expect(pc.iceGatheringState).toBe('complete');
      expect(pc.localDescription?.sdp).toBe('v=0 answer with candidates');
      expect(requests.map((r) => r.op)).toEqual(['prepareCall', 'addMicrophone']);
      // The window hears afterwards that its answer was used (and never uses it twice).
      await new Promise((resolve) => setImmediate(resolve));
      expect(requests.map((r) => r.op)).toEqual(['prepareCall', 'addMicrophone', 'preparedTaken']);
      // An offer after that (a re-INVITE, even with the same SDP) is set in the window for real.
      void pc.setRemoteDescription(offer).catch(() => undefined);
      expect(requests.at(-1)).toMatchObject({ op: 'setRemoteDescription', description: offer });
    });

    it('a request made right after answering still reaches the window after the news that the answer was used', async () => {
      const { requests, pc } = await answeredWhenReady();
      const [sender] = pc.getSenders();
      sender!.track.enabled = false;
      expect(requests.map((r) => r.op)).toEqual([
        'prepareCall',
        'addMicrophone',
        'preparedTaken',
        'setMicrophoneEnabled',
      ]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(requests.filter((r) => r.op === 'preparedTaken')).toHaveLength(1);
    });

    it('answered before the window is done: the same connection, its requests queued after the preparation', async () => {
      const bridge = new MediaBridge(silentLogger);
      const requests = heldRenderer(bridge);
      bridge.prepareCall(7, [], offer.sdp);
      let answered: Promise<RemotePeerConnection> | undefined;
      bridge.answerPrepared(7, () => {
        answered = jssipAnswers(bridge);
      });
      await flush();
      expect(requests.map((r) => [r.op, r.connectionId])).toEqual([
        ['prepareCall', requests[0]!.connectionId],
        ['addMicrophone', requests[0]!.connectionId],
        ['setRemoteDescription', requests[0]!.connectionId],
      ]);
      for (const request of requests.slice(0, 3)) bridge.respond({ id: request.id, ok: true });
      await flush();
      expect(requests.at(-1)).toMatchObject({ op: 'createAnswer' });
      bridge.respond({
        id: requests.at(-1)!.id,
        ok: true,
        description: { type: 'answer', sdp: 'v=0 answer' },
        applied: true,
        state: ready,
      });
      expect((await answered!).localDescription?.sdp).toBe('v=0 answer with candidates');
    });

    it('other ICE servers by the time it is answered: a new connection, and the prepared one closed', () => {
      const bridge = new MediaBridge(silentLogger);
      const requests = heldRenderer(bridge);
      bridge.prepareCall(7, [], offer.sdp);
      const preparedId = requests[0]!.connectionId;
      bridge.answerPrepared(7, () => {
        void jssipAnswers(bridge, [{ urls: 'stun:127.0.0.1:3478' }]).catch(() => undefined);
      });
      expect(requests.find((r) => r.op === 'open')?.connectionId).not.toBe(preparedId);
      expect(requests).toContainEqual(
        expect.objectContaining({ op: 'close', connectionId: preparedId }),
      );
    });

    it('a call that ends unanswered lets its connection go; another call keeps its own', () => {
      const bridge = new MediaBridge(silentLogger);
      const requests = heldRenderer(bridge);
      bridge.prepareCall(7, [], offer.sdp);
      bridge.prepareCall(8, [], 'v=0 second caller');
      const [first, second] = requests;
      bridge.dropPreparedCall(7);
      expect(requests.slice(2)).toEqual([
        expect.objectContaining({ op: 'close', connectionId: first!.connectionId }),
      ]);
      let taken: RemotePeerConnection | undefined;
      bridge.answerPrepared(8, () => (taken = bridge.createConnection([])));
      expect(taken?.connectionId).toBe(second!.connectionId);
    });

    it('the window reloads while it rings: the new window prepares it again, and the call is not renegotiated', () => {
      const bridge = new MediaBridge(silentLogger, 10_000, 30);
      heldRenderer(bridge);
      bridge.prepareCall(7, [], offer.sdp);
      bridge.detach();
      const second = heldRenderer(bridge);
      expect(second).toMatchObject([{ op: 'prepareCall', offerSdp: offer.sdp }]);
    });
  });

  it('keeps the newest state: a late, older snapshot does not roll the mirror back', () => {
    const bridge = new MediaBridge(silentLogger);
    heldRenderer(bridge);
    const pc = bridge.createConnection([]);
    const seen: unknown[] = [];
    pc.addEventListener('icecandidate', (e) => seen.push(e.candidate));
    bridge.event({
      connectionId: pc.connectionId,
      type: 'icecandidate',
      candidate: null,
      state: state(5, {
        iceGatheringState: 'complete',
        localDescription: { type: 'answer', sdp: 'with candidates' },
      }),
    });
    bridge.event({
      connectionId: pc.connectionId,
      type: 'iceconnectionstatechange',
      state: state(4, { iceConnectionState: 'checking' }),
    });
    expect(seen).toEqual([null]);
    expect(pc.iceGatheringState).toBe('complete');
    expect(pc.localDescription?.sdp).toBe('with candidates');
    expect(pc.iceConnectionState).toBe('new');
  });

  it('a failure in the renderer reaches JsSIP as a rejected promise', async () => {
    const bridge = new MediaBridge(silentLogger);
    const requests = heldRenderer(bridge);
    const pc = bridge.createConnection([]);
    const remote = pc.setRemoteDescription({ type: 'offer', sdp: 'garbage' });
    bridge.respond({ id: requests[0]!.id, ok: true, state: state(1) });
    bridge.respond({ id: requests[1]!.id, ok: false, error: 'Failed to parse SessionDescription' });
    await expect(remote).rejects.toThrow('Failed to parse SessionDescription');
  });

  it('a window that goes away and none comes back: pending requests fail, then JsSIP hears the media failed', async () => {
    const bridge = new MediaBridge(silentLogger, 10_000, 30);
    heldRenderer(bridge);
    const pc = bridge.createConnection([]);
    const states: string[] = [];
    pc.addEventListener('iceconnectionstatechange', () => states.push(pc.iceConnectionState));
    const answer = pc.createAnswer();
    bridge.detach();
    await expect(answer).rejects.toThrow(/went away/);
    expect(bridge.isAttached()).toBe(false);
    // A while to come back first (a reload), then the call is ended.
    expect(states).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(states).toEqual(['failed']);
  });

  it('a new window in time: the connection is opened there again, microphone muted as it was, and the call told', async () => {
    const bridge = new MediaBridge(silentLogger, 10_000, 30);
    heldRenderer(bridge);
    const pc = bridge.createConnection([{ urls: 'stun:127.0.0.1:3478' }]);
    const { track } = pc.addTrack(bridge.microphone().track);
    track.enabled = false;
    const events: string[] = [];
    pc.addEventListener('mediarevived', () => events.push('mediarevived'));
    pc.addEventListener('iceconnectionstatechange', () => events.push(pc.iceConnectionState));
    bridge.detach();
    const second = heldRenderer(bridge);
    expect(second.map((r) => r.op)).toEqual(['open', 'addMicrophone', 'setMicrophoneEnabled']);
    expect(second[0]).toMatchObject({
      connectionId: pc.connectionId,
      iceServers: [{ urls: 'stun:127.0.0.1:3478' }],
    });
    expect(second[2]).toMatchObject({ enabled: false });
    expect(events).toEqual(['mediarevived']);
    // The new window's snapshots count from the start again, and are taken.
    bridge.respond({ id: second[0]!.id, ok: true, state: state(1, { signalingState: 'stable' }) });
    await flush();
    expect(pc.signalingState).toBe('stable');
    // Nothing is lost later on: the grace timer was stopped.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(events).toEqual(['mediarevived']);
  });

  it('a window that never answers: the request fails after the timeout instead of hanging', async () => {
    const bridge = new MediaBridge(silentLogger, 20);
    heldRenderer(bridge);
    const pc = bridge.createConnection([]);
    await expect(pc.createOffer()).rejects.toThrow(/no answer to/);
  });

  it('mute and tones become requests on the microphone the renderer opened', async () => {
    const bridge = new MediaBridge(silentLogger);
    const requests = heldRenderer(bridge);
    const pc = bridge.createConnection([]);
    const stream = bridge.microphone();
    for (const track of stream.getTracks()) pc.addTrack(track);
    const [sender] = pc.getSenders();
    sender!.track.enabled = false;
    sender!.dtmf.insertDTMF('12#', 100, 70);
    for (let i = 0; i < 5; i++) {
      await flush();
      const last = requests.at(-1)!;
      bridge.respond({ id: last.id, ok: true, state: state(i + 1) });
    }
    expect(requests.map((r) => r.op)).toEqual([
      'open',
      'addMicrophone',
      'setMicrophoneEnabled',
      'insertDTMF',
    ]);
    expect(requests[2]).toMatchObject({ enabled: false });
    expect(requests[3]).toMatchObject({ tones: '12#', duration: 100, gap: 70 });
  });

  it('without a window, nothing is sent and every request fails at once', async () => {
    const bridge = new MediaBridge(silentLogger);
    const pc = bridge.createConnection([]);
    await expect(pc.createOffer()).rejects.toThrow('no window serves audio');
  });
});
