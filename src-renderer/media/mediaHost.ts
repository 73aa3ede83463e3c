import type {
  ConnectionState,
  WireDescription,
  MediaEvent,
  MediaRequest,
  MediaResponse,
} from '../../src-shared/telephony/mediaBridgeSchema';
import { invoke, onEvent } from '../api/pultClient';
import { audioBytes, connectionSnapshot } from './connectionStatistics';
import { Microphones } from './microphones';

interface Served {
  pc: RTCPeerConnection;
  /** The offer and answer this connection took while the call rang. */
  prepared?: { offerSdp: string; answer: string };
  /** The offer JsSIP set as remote description, to match against what was prepared. */
  remoteOffer?: string;
  /** The answer this window set as local description on its own, right after creating it. */
  appliedAnswer?: string;
  seq: number;
  microphone: MediaStream | undefined;
  /** Whether the operator wants the microphone heard (mute), kept for a track still opening. */
  microphoneEnabled: boolean;
  /** Ended before its microphone opened: the microphone is closed as soon as it opens. */
  closed?: boolean;
  /** Tells main of an event on this connection, with a fresh state snapshot. */
  report?: (type: MediaEvent['type']) => void;
  /** Where the microphone's track goes (or went): the audio line that sends. */
  microphoneSender?: RTCRtpTransceiver;
  speaker: HTMLAudioElement;
}

export interface MediaDevicesChoice {
  microphoneId: string | undefined;
  speakerId: string | undefined;
}

/**
 * The real WebRTC side of calls. Main's JsSIP asks for peer-connection work
 * by request; this owns the RTCPeerConnection, the chosen microphone and the
 * far end's audio on the chosen output, and sends back every answer and
 * event with a numbered snapshot of the connection's state. Requests for one
 * connection run strictly in order.
 */
export class MediaHost {
  private readonly served = new Map<number, Served>();
  private readonly queues = new Map<number, Promise<void>>();
  private stopListening: (() => void) | undefined;
  /** Connections whose preparation waits a moment, and what ends that wait early (or calls it off). */
  private readonly waiting = new Map<number, (calledOff: boolean) => void>();
  private readonly microphones: Microphones;

  constructor(
    private readonly devices: () => MediaDevicesChoice,
    /** A speaker that would not play, or main out of reach: the window says so. */
    private readonly onProblem: (error: unknown) => void,
  ) {
    this.microphones = new Microphones(devices);
  }

  start(): void {
    this.stopListening = onEvent('media.request', (request) => {
      // A connection still waiting to prepare has work now: the wait ends. If the work is
      // closing it (the caller gave up), nothing is prepared: no microphone opened for nobody.
      this.waiting.get(request.connectionId)?.(request.op === 'close');
      const previous = this.queues.get(request.connectionId) ?? Promise.resolve();
      const next = previous.then(() => this.handle(request));
      this.queues.set(request.connectionId, next);
    });
    void invoke('media.attach');
  }

  stop(): void {
    this.stopListening?.();
    for (const id of [...this.served.keys()]) this.close(id);
    this.microphones.release();
  }

  /** Bytes of audio received and sent so far, over all calls (for the call panel and tests). */
  audioBytes(): Promise<{ received: number; sent: number }> {
    return audioBytes([...this.served.values()].map((served) => served.pc));
  }

  private async handle(request: MediaRequest): Promise<void> {
    let response: MediaResponse;
    try {
      const result = await this.perform(request);
      const state = this.snapshot(request.connectionId);
      response = {
        id: request.id,
        ok: true,
        ...(result === undefined
          ? {}
          : {
              description: { type: result.type, sdp: result.sdp },
              ...(result.applied === true ? { applied: true } : {}),
            }),
        ...(state === undefined ? {} : { state }),
      };
    } catch (error) {
      const state = this.snapshot(request.connectionId);
      response = {
        id: request.id,
        ok: false,
        error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        ...(state === undefined ? {} : { state }),
      };
    }
    // Sent, not awaited: the next request for this connection need not wait for main's
    // acknowledgement (a round trip each), and answers still reach main in order.
    invoke('media.respond', response).catch(this.onProblem);
  }

  private async perform(
    request: MediaRequest,
  ): Promise<(WireDescription & { applied?: boolean }) | undefined> {
    if (request.op === 'open') {
      this.open(request.connectionId, request.iceServers);
      return undefined;
    }
    if (request.op === 'prepareCall') {
      const answer = await this.prepare(request.connectionId, request.iceServers, request.offerSdp);
      return answer === undefined ? undefined : { type: 'answer', sdp: answer };
    }
    if (request.op === 'close') {
      this.close(request.connectionId);
      return undefined;
    }
    const served = this.served.get(request.connectionId);
    if (served === undefined) throw new Error('no such connection');
    const { pc } = served;
    switch (request.op) {
      case 'createOffer': {
        const offer = await pc.createOffer();
        return { type: offer.type, sdp: offer.sdp ?? '' };
      }
      case 'createAnswer': {
        // Made while the call rang, for this very offer: nothing left to do.
        if (served.prepared !== undefined && served.prepared.offerSdp === served.remoteOffer) {
          served.appliedAnswer = served.prepared.answer;
          served.prepared = undefined;
          return { type: 'answer', sdp: served.appliedAnswer, applied: true };
        }
        // Set at once as the local description: JsSIP always sets the answer it
        // gets unchanged, so main can skip that round trip (see RemotePeerConnection).
        const answer = await pc.createAnswer();
        const description = { type: answer.type, sdp: answer.sdp ?? '' };
        await pc.setLocalDescription(description);
        served.appliedAnswer = description.sdp;
        return { ...description, applied: true };
      }
      case 'setLocalDescription':
        if (
          request.description.type === 'answer' &&
          request.description.sdp === served.appliedAnswer
        )
          return undefined;
        await pc.setLocalDescription(request.description);
        return undefined;
      case 'setRemoteDescription':
        served.remoteOffer =
          request.description.type === 'offer' ? request.description.sdp : undefined;
        // The offer taken while the call rang is this one: already set.
        if (served.prepared !== undefined && served.prepared.offerSdp === served.remoteOffer)
          return undefined;
        served.prepared = undefined;
        await pc.setRemoteDescription(request.description);
        if (request.description.type === 'offer') this.takeOfferedAudio(served);
        return undefined;
      case 'addMicrophone': {
        // The connection made while the call rang has the microphone on it already.
        if (served.prepared !== undefined && served.microphone !== undefined) return undefined;
        this.addMicrophone(served);
        return undefined;
      }
      case 'setMicrophoneEnabled':
        served.microphoneEnabled = request.enabled;
        for (const track of served.microphone?.getAudioTracks() ?? [])
          track.enabled = request.enabled;
        return undefined;
      case 'preparedTaken':
        served.prepared = undefined;
        return undefined;
      case 'insertDTMF': {
        const sender = pc.getSenders().find((s) => s.track?.kind === 'audio');
        if (sender?.dtmf == null) throw new Error('no audio to send tones with');
        sender.dtmf.insertDTMF(request.tones, request.duration, request.gap);
        return undefined;
      }
    }
  }

  /**
   * The audio sender goes on at once and the microphone's track joins it when
   * it opens (about 13 ms here), so the offer or answer JsSIP asks for next
   * does not wait for the microphone. When JsSIP answers, it adds the
   * microphone before it sets the caller's offer; the offer then brings its own
   * audio line, which takes over (see `takeOfferedAudio`).
   */
  private addMicrophone(served: Served): void {
    const transceiver =
      offeredAudio(served.pc) ?? served.pc.addTransceiver('audio', { direction: 'sendrecv' });
    transceiver.direction = 'sendrecv';
    served.microphoneSender = transceiver;
    void this.microphones.take().then(
      async (stream) => {
        if (served.closed === true) {
          stream.getTracks().forEach((t) => t.stop());
          return;
        }
        served.microphone = stream;
        for (const track of stream.getAudioTracks()) track.enabled = served.microphoneEnabled;
        await attachMicrophone(served);
      },
      (error: unknown) => {
        // The call goes on (the operator still hears the caller); main marks it.
        console.error('the microphone could not be opened', error);
        served.report?.('microphonefailed');
      },
    );
  }

  /** After an offer is set: its audio line, not one added before it, sends the microphone. */
  private takeOfferedAudio(served: Served): void {
    const added = served.microphoneSender;
    if (added === undefined || added.mid !== null) return;
    const offered = offeredAudio(served.pc);
    if (offered === undefined) return;
    added.stop();
    offered.direction = 'sendrecv';
    served.microphoneSender = offered;
    void attachMicrophone(served);
  }

  /**
   * A call rings: a moment later (the caller's card is drawn first; it is what
   * the operator looks at now), this connection opens with the microphone on
   * it, takes the caller's offer and makes its answer, which JsSIP in main
   * then sends without asking again. Any request for the connection (an
   * answer, the caller giving up) ends the moment at once. Returns the answer.
   */
  private async prepare(
    connectionId: number,
    iceServers: RTCIceServer[],
    offerSdp: string | undefined,
  ): Promise<string | undefined> {
    const calledOff = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), 150);
      const waiting = this.waiting;
      function done(off: boolean) {
        clearTimeout(timer);
        waiting.delete(connectionId);
        resolve(off);
      }
      waiting.set(connectionId, done);
    });
    if (calledOff) return undefined;
    if (offerSdp === undefined) {
      // An INVITE without an offer: the answer's offer is made on answering; the microphone opens now.
      this.microphones.warm(connectionId);
      this.open(connectionId, iceServers);
      return undefined;
    }
    const pc = new RTCPeerConnection({ iceServers });
    let made: { answer: string; microphone: MediaStream } | undefined;
    try {
      const microphone = await this.microphones.take();
      try {
        for (const track of microphone.getAudioTracks()) pc.addTrack(track, microphone);
        await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
        const answer = await pc.createAnswer();
        await pc.setLocalDescription(answer);
        made = { answer: answer.sdp ?? '', microphone };
      } catch (error) {
        microphone.getTracks().forEach((t) => t.stop());
        throw error;
      }
    } catch {
      // No microphone, or an offer this connection cannot take: answering goes the long way
      // (and says what failed then), on a connection that holds none of this.
      pc.close();
      this.open(connectionId, iceServers);
      return undefined;
    }
    this.open(connectionId, iceServers, { pc, ...made, offerSdp });
    return made.answer;
  }

  private open(
    connectionId: number,
    iceServers: RTCIceServer[],
    prepared?: { pc: RTCPeerConnection; answer: string; microphone: MediaStream; offerSdp: string },
  ): void {
    const pc = prepared?.pc ?? new RTCPeerConnection({ iceServers });
    const speaker = new Audio();
    speaker.autoplay = true;
    const served: Served = {
      pc,
      seq: 0,
      microphone: prepared?.microphone,
      microphoneEnabled: true,
      speaker,
    };
    if (prepared !== undefined)
      served.prepared = { offerSdp: prepared.offerSdp, answer: prepared.answer };
    // Tracks that arrived while the call rang have no 'track' event left to come.
    const early = pc.getReceivers().map((r) => r.track);
    if (early.length > 0) {
      speaker.srcObject = new MediaStream(early);
      speaker.play().catch(this.onProblem);
    }
    this.served.set(connectionId, served);
    const { speakerId } = this.devices();
    if (speakerId !== undefined) speaker.setSinkId(speakerId).catch(this.onProblem);
    pc.addEventListener('track', (event) => {
      speaker.srcObject = event.streams[0] ?? new MediaStream([event.track]);
      speaker.play().catch(this.onProblem);
    });
    const report = (type: MediaEvent['type'], candidate?: string | null) => {
      const state = this.snapshot(connectionId);
      if (state === undefined) return;
      const event: MediaEvent = {
        connectionId,
        type,
        state,
        ...(candidate === undefined ? {} : { candidate }),
      };
      invoke('media.event', event).catch(this.onProblem);
    };
    served.report = report;
    pc.addEventListener('icecandidate', (event) =>
      report('icecandidate', event.candidate === null ? null : event.candidate.candidate),
    );
    pc.addEventListener('icegatheringstatechange', () => report('icegatheringstatechange'));
    pc.addEventListener('iceconnectionstatechange', () => report('iceconnectionstatechange'));
    pc.addEventListener('signalingstatechange', () => report('signalingstatechange'));
  }

  private close(connectionId: number): void {
    this.queues.delete(connectionId);
    this.microphones.releaseFor(connectionId);
    const served = this.served.get(connectionId);
    if (served === undefined) return;
    this.served.delete(connectionId);
    served.closed = true;
    for (const track of served.microphone?.getTracks() ?? []) track.stop();
    served.speaker.srcObject = null;
    served.pc.close();
  }

  private snapshot(connectionId: number): ConnectionState | undefined {
    const served = this.served.get(connectionId);
    if (served === undefined) return undefined;
    served.seq += 1;
    return connectionSnapshot(served.pc, served.seq);
  }
}

/** An audio line the other side offered that sends nothing yet. */
function offeredAudio(pc: RTCPeerConnection): RTCRtpTransceiver | undefined {
  return pc
    .getTransceivers()
    .find(
      (t) =>
        t.mid !== null &&
        t.receiver.track.kind === 'audio' &&
        t.sender.track === null &&
        t.currentDirection !== 'stopped',
    );
}

async function attachMicrophone(served: Served): Promise<void> {
  const stream = served.microphone;
  const sender = served.microphoneSender?.sender;
  const track = stream?.getAudioTracks()[0];
  if (stream === undefined || sender === undefined || track === undefined) return;
  if (sender.track === track) return;
  sender.setStreams(stream);
  await sender.replaceTrack(track);
}
