import type { Logger } from '../../platform/ports';
import type {
  MediaEvent,
  MediaOperation,
  MediaRequest,
  MediaResponse,
} from '../../../../src-shared/telephony/mediaBridgeSchema';
import {
  RemoteMicrophoneStream,
  RemotePeerConnection,
  type MediaLink,
} from './remotePeerConnection';

/**
 * Carries JsSIP's media requests to the renderer that owns WebRTC, and its
 * answers back. Only one renderer serves media at a time (the main window);
 * while none does, calls cannot have audio and the call controller says so.
 */
export class MediaBridge implements MediaLink {
  private send: ((request: MediaRequest) => void) | undefined;
  private nextRequest = 1;
  private nextConnection = 1;
  private readonly pending = new Map<
    number,
    { resolve: (response: MediaResponse) => void; timer: NodeJS.Timeout }
  >();
  private readonly connections = new Map<number, RemotePeerConnection>();
  /** Connections opened while their calls ring, by the call controller's call id. */
  private readonly prepared = new Map<number, RemotePeerConnection>();
  /** The prepared connection the next `createConnection` hands JsSIP (see answerPrepared). */
  private claim: RemotePeerConnection | undefined;
  /** Calls' connections whose window went away, waiting for the next one. */
  private orphans: { connections: RemotePeerConnection[]; timer: NodeJS.Timeout } | undefined;
  /** When each connection was opened, until its ICE settles (for the diagnostics' timings). */
  private readonly openedAt = new Map<number, number>();
  private iceSettled:
    ((ms: number, result: 'connected' | 'completed' | 'failed') => void) | undefined;

  constructor(
    private readonly logger: Logger,
    /** A renderer that does not answer by then is taken as gone for that request. */
    private readonly requestTimeoutMs = 10_000,
    /** How long calls wait for a new window (a reload, a crash and its reload) before ending. */
    private readonly reattachMs = 10_000,
  ) {}

  /** The renderer says it serves media; a previous one is gone. Orphaned calls get media again. */
  attach(send: (request: MediaRequest) => void): void {
    if (this.send !== undefined) this.detach();
    this.send = send;
    const orphans = this.orphans;
    this.orphans = undefined;
    if (orphans === undefined) return;
    clearTimeout(orphans.timer);
    this.logger.info('media: a new window serves the calls again', {
      calls: orphans.connections.length,
    });
    for (const connection of orphans.connections) connection.revive();
  }

  /**
   * The renderer went away: pending requests fail; live connections wait for
   * a new window a while, and are lost (their calls ended) if none comes.
   */
  detach(): void {
    this.send = undefined;
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve({ id, ok: false, error: 'the window serving audio went away' });
    }
    this.pending.clear();
    const waiting = [...(this.orphans?.connections ?? []), ...this.connections.values()];
    clearTimeout(this.orphans?.timer);
    this.orphans = undefined;
    if (waiting.length === 0) return;
    const connections = [...new Set(waiting)];
    const timer = setTimeout(() => {
      if (this.orphans?.timer !== timer) return;
      this.orphans = undefined;
      this.logger.warn('media: no window came back; the calls are ended', {
        calls: connections.length,
      });
      for (const connection of connections) connection.lost();
    }, this.reattachMs);
    timer.unref();
    this.orphans = { connections, timer };
  }

  isAttached(): boolean {
    return this.send !== undefined;
  }

  request(connectionId: number, operation: MediaOperation): Promise<MediaResponse> {
    const send = this.send;
    const id = this.nextRequest++;
    if (send === undefined) {
      return Promise.resolve({ id, ok: false, error: 'no window serves audio' });
    }
    return new Promise<MediaResponse>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.logger.warn('media: the window did not answer in time', { op: operation.op });
        resolve({ id, ok: false, error: `no answer to ${operation.op}` });
      }, this.requestTimeoutMs);
      this.pending.set(id, { resolve, timer });
      send({ id, connectionId, ...operation });
    });
  }

  /**
   * A call rings: its connection is opened in the window now, with the
   * microphone and the answer to the caller's offer, so that answering
   * (`answerPrepared`) needs nothing more from the window. Nothing waits for it.
   */
  prepareCall(callKey: number, iceServers: { urls: string | string[] }[], offerSdp?: string): void {
    if (this.send === undefined) return;
    this.dropPreparedCall(callKey);
    const usable = offerSdp !== undefined && offerSdp.length <= 64_000 ? offerSdp : undefined;
    const connection = new RemotePeerConnection(this.nextConnection++, this, iceServers, {
      offerSdp: usable,
    });
    this.connections.set(connection.connectionId, connection);
    this.openedAt.set(connection.connectionId, performance.now());
    this.prepared.set(callKey, connection);
  }

  /**
   * Runs JsSIP's answer for a call: the connection it makes is the one
   * prepared while the call rang (when still usable, for the same ICE servers).
   */
  answerPrepared<T>(callKey: number, answer: () => T): T {
    const connection = this.prepared.get(callKey);
    this.prepared.delete(callKey);
    this.claim = connection?.isWaitingForCall() === true ? connection : undefined;
    try {
      return answer();
    } finally {
      const unused = this.claim;
      this.claim = undefined;
      unused?.close();
    }
  }

  /** The call that rang ended unanswered: its connection (and microphone) goes. */
  dropPreparedCall(callKey: number): void {
    const connection = this.prepared.get(callKey);
    this.prepared.delete(callKey);
    connection?.close();
  }

  forget(connectionId: number): void {
    this.connections.delete(connectionId);
  }

  /** An answer from the renderer; answers to requests nobody waits for are dropped. */
  respond(response: MediaResponse): void {
    const entry = this.pending.get(response.id);
    if (entry === undefined) return;
    this.pending.delete(response.id);
    clearTimeout(entry.timer);
    entry.resolve(response);
  }

  event(event: MediaEvent): void {
    this.connections.get(event.connectionId)?.receive(event);
    const ice = event.state.iceConnectionState;
    const opened = this.openedAt.get(event.connectionId);
    if (opened !== undefined && (ice === 'connected' || ice === 'completed' || ice === 'failed')) {
      this.openedAt.delete(event.connectionId);
      this.iceSettled?.(performance.now() - opened, ice);
    }
  }

  /** Told how long each call's ICE took to connect (or to fail), from its connection's opening. */
  onIceSettled(listener: (ms: number, result: 'connected' | 'completed' | 'failed') => void): void {
    this.iceSettled = listener;
  }

  createConnection(iceServers: { urls: string | string[] }[]): RemotePeerConnection {
    const claimed = this.claim;
    if (claimed?.servesIceServers(iceServers) === true) {
      this.claim = undefined;
      claimed.takenForCall();
      return claimed;
    }
    const connection = new RemotePeerConnection(this.nextConnection++, this, iceServers);
    this.connections.set(connection.connectionId, connection);
    this.openedAt.set(connection.connectionId, performance.now());
    return connection;
  }

  /** The local stream to hand JsSIP, so it never calls getUserMedia itself. */
  microphone(): RemoteMicrophoneStream {
    return new RemoteMicrophoneStream();
  }
}

/**
 * JsSIP looks for the W3C classes on the global object. Main has none, so it
 * gets these: peer connections made through the bridge, and descriptions as
 * plain data. Libraries loaded in main do not look at `window` (checked when
 * this was written); the renderer's real window is untouched.
 */
export function installJsSipMediaGlobals(bridge: MediaBridge): void {
  const global = globalThis as Record<string, unknown>;
  const PeerConnection = function (config?: { iceServers?: { urls: string | string[] }[] }) {
    return bridge.createConnection(config?.iceServers ?? []);
  };
  class SessionDescription {
    readonly type: string;
    readonly sdp: string;
    constructor(init: { type: string; sdp: string }) {
      this.type = init.type;
      this.sdp = init.sdp;
    }
  }
  global['RTCPeerConnection'] = PeerConnection;
  global['RTCSessionDescription'] = SessionDescription;
  const window = (global['window'] ??= {}) as Record<string, unknown>;
  window['RTCPeerConnection'] = PeerConnection;
}
