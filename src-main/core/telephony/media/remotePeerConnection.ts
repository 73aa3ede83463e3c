import type {
  ConnectionState,
  MediaEvent,
  MediaOperation,
  MediaResponse,
  WireDescription,
} from '../../../../src-shared/telephony/mediaBridgeSchema';

/** How a connection reaches the renderer; the bridge provides it. */
export interface MediaLink {
  request(connectionId: number, operation: MediaOperation): Promise<MediaResponse>;
  forget(connectionId: number): void;
}

type Listener = (event: { type: string; candidate?: unknown }) => void;

const initialState: ConnectionState = {
  seq: 0,
  iceGatheringState: 'new',
  iceConnectionState: 'new',
  signalingState: 'stable',
  localDescription: null,
};

/** The microphone as JsSIP sees it: a track it can enable and disable (mute). */
class RemoteAudioTrack {
  readonly kind = 'audio';
  readonly id: string;
  private isEnabled = true;
  constructor(
    id: string,
    private readonly onEnabled: (enabled: boolean) => void,
  ) {
    this.id = id;
  }
  get enabled(): boolean {
    return this.isEnabled;
  }
  set enabled(value: boolean) {
    if (value === this.isEnabled) return;
    this.isEnabled = value;
    this.onEnabled(value);
  }
  stop(): void {
    // The renderer stops the real microphone when the connection closes.
  }
}

/** A stand-in for the local MediaStream JsSIP adds to a connection. */
export class RemoteMicrophoneStream {
  readonly id = 'pult-microphone';
  readonly track = new RemoteAudioTrack('pult-microphone-track', () => undefined);
  getTracks(): RemoteAudioTrack[] {
    return [this.track];
  }
  getAudioTracks(): RemoteAudioTrack[] {
    return [this.track];
  }
  getVideoTracks(): never[] {
    return [];
  }
}

/**
 * The part of RTCPeerConnection JsSIP 3.13 uses (testbed/README.md lists it),
 * carried to the renderer. Operations reach the real connection in the order
 * JsSIP made them (sent in order, run in order there); state JsSIP reads synchronously
 * (ICE and signaling states, the local SDP) is the last numbered snapshot the
 * renderer sent.
 */
export class RemotePeerConnection {
  private state: ConnectionState = initialState;
  private readonly listeners = new Map<string, Set<Listener>>();
  private senders: {
    track: RemoteAudioTrack;
    dtmf: { toneBuffer: string; insertDTMF(tones: string, duration?: number, gap?: number): void };
  }[] = [];
  private closed = false;
  /** An answer the window has set as local description on its own (see createAnswer). */
  private appliedAnswer: string | undefined;
  /**
   * Made while the call rang (see `prepare`): the caller's offer, and the
   * answer the window made for it, set and with the microphone on.
   */
  private prepared: { offerSdp: string; answerSdp: string } | undefined;
  /** JsSIP set the prepared offer: its createAnswer gets the prepared answer. */
  private preparedOfferTaken = false;
  /** The window is still to hear that its prepared answer was used (see createAnswer). */
  private preparedTakenNotice = false;
  /** Opened ahead of a call (prepared), until JsSIP takes it for that call. */
  private waitingForCall: { offerSdp: string | undefined } | undefined;

  constructor(
    readonly connectionId: number,
    private readonly link: MediaLink,
    private readonly iceServers: { urls: string | string[] }[],
    /** Ahead of answering: open it now, and have the answer to this offer made (if there is one). */
    ahead?: { offerSdp: string | undefined },
  ) {
    if (ahead === undefined) void this.enqueue({ op: 'open', iceServers }).catch(() => undefined);
    else this.prepare(ahead.offerSdp);
  }

  /** Whether this connection was made for these ICE servers (a prepared one is taken only then). */
  servesIceServers(iceServers: { urls: string | string[] }[]): boolean {
    return JSON.stringify(iceServers) === JSON.stringify(this.iceServers);
  }

  /** Whether it waits for its call, still usable (not closed, its window not lost). */
  isWaitingForCall(): boolean {
    return this.waitingForCall !== undefined && !this.closed;
  }

  /** JsSIP takes it for the call it was prepared for. */
  takenForCall(): void {
    this.waitingForCall = undefined;
  }

  /**
   * Opens the real connection while the call rings: the window takes the
   * microphone, sets the caller's offer and makes the answer. When that is
   * done before the operator answers, JsSIP's setRemoteDescription and
   * createAnswer are served here from what the window said, and the 200 OK
   * goes out without a round trip to the window.
   */
  private prepare(offerSdp: string | undefined): void {
    this.waitingForCall = { offerSdp };
    void this.enqueue({
      op: 'prepareCall',
      iceServers: this.iceServers,
      ...(offerSdp === undefined ? {} : { offerSdp }),
    }).then(
      (response) => {
        if (offerSdp !== undefined && response.description?.type === 'answer')
          this.prepared = { offerSdp, answerSdp: response.description.sdp };
      },
      () => undefined,
    );
  }

  get iceGatheringState(): ConnectionState['iceGatheringState'] {
    return this.state.iceGatheringState;
  }
  get iceConnectionState(): ConnectionState['iceConnectionState'] {
    return this.state.iceConnectionState;
  }
  get signalingState(): ConnectionState['signalingState'] {
    return this.state.signalingState;
  }
  get localDescription(): WireDescription | null {
    return this.state.localDescription;
  }

  async createOffer(): Promise<WireDescription> {
    return this.described(await this.enqueue({ op: 'createOffer' }));
  }

  async createAnswer(): Promise<WireDescription> {
    const prepared = this.prepared;
    if (this.preparedOfferTaken && prepared !== undefined) {
      this.preparedOfferTaken = false;
      this.prepared = undefined;
      this.appliedAnswer = prepared.answerSdp;
      // The window is told once the 200 OK is out (or before any later request, whichever
      // comes first): it only forgets what it prepared, so that nothing is used twice.
      this.preparedTakenNotice = true;
      setImmediate(() => this.sendPreparedTaken());
      return { type: 'answer', sdp: prepared.answerSdp };
    }
    const response = await this.enqueue({ op: 'createAnswer' });
    const answer = this.described(response);
    this.appliedAnswer = response.applied === true ? answer.sdp : undefined;
    return answer;
  }

  async setLocalDescription(description: WireDescription): Promise<void> {
    // The window set this very answer already, and its state came with it.
    if (description.type === 'answer' && description.sdp === this.appliedAnswer) {
      this.appliedAnswer = undefined;
      return;
    }
    await this.enqueue({ op: 'setLocalDescription', description: plain(description) });
  }

  async setRemoteDescription(description: WireDescription): Promise<void> {
    // The window set this very offer while the call rang (and the state says so).
    if (description.type === 'offer' && description.sdp === this.prepared?.offerSdp) {
      this.preparedOfferTaken = true;
      return;
    }
    this.prepared = undefined;
    await this.enqueue({ op: 'setRemoteDescription', description: plain(description) });
  }

  /** JsSIP adds the local stream's tracks; the renderer opens the chosen microphone. */
  addTrack(track: RemoteAudioTrack): { track: RemoteAudioTrack } {
    void this.enqueue({ op: 'addMicrophone' }).catch(() => undefined);
    const senderTrack = new RemoteAudioTrack(track.id, (enabled) => {
      void this.enqueue({ op: 'setMicrophoneEnabled', enabled }).catch(() => undefined);
    });
    const sender = {
      track: senderTrack,
      dtmf: {
        toneBuffer: '',
        insertDTMF: (tones: string, duration = 100, gap = 70) => {
          void this.enqueue({ op: 'insertDTMF', tones, duration, gap }).catch(() => undefined);
        },
      },
    };
    this.senders.push(sender);
    return sender;
  }

  getSenders(): typeof this.senders {
    return [...this.senders];
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.enqueue({ op: 'close' })
      .catch(() => undefined)
      .finally(() => this.link.forget(this.connectionId));
    this.state = {
      ...this.state,
      signalingState: 'closed',
      iceConnectionState: 'closed',
    };
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (set === undefined) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  /** An event from the renderer's connection; stale snapshots are ignored. */
  receive(event: MediaEvent): void {
    this.adopt(event.state);
    const payload =
      event.type === 'icecandidate'
        ? {
            type: event.type,
            candidate: event.candidate == null ? null : { candidate: event.candidate },
          }
        : { type: event.type };
    for (const listener of [...(this.listeners.get(event.type) ?? [])]) listener(payload);
  }

  /**
   * A new window serves media after the old one went (a reload, a crash and
   * its reload): the same connection id gets a fresh real connection there,
   * with the microphone as it was (muted or not), and says 'mediarevived' so
   * the call renegotiates (a re-INVITE with the new connection's offer).
   */
  revive(): void {
    if (this.closed) return;
    // The new window numbers its snapshots from the start again.
    this.state = initialState;
    this.appliedAnswer = undefined;
    this.prepared = undefined;
    this.preparedOfferTaken = false;
    this.preparedTakenNotice = false;
    if (this.waitingForCall !== undefined) {
      // Still ringing: the new window prepares it again; the call has nothing to renegotiate.
      this.prepare(this.waitingForCall.offerSdp);
      return;
    }
    void this.enqueue({ op: 'open', iceServers: this.iceServers }).catch(() => undefined);
    for (const sender of this.senders) {
      void this.enqueue({ op: 'addMicrophone' }).catch(() => undefined);
      if (!sender.track.enabled)
        void this.enqueue({ op: 'setMicrophoneEnabled', enabled: false }).catch(() => undefined);
    }
    for (const listener of [...(this.listeners.get('mediarevived') ?? [])])
      listener({ type: 'mediarevived' });
  }

  /**
   * The renderer is gone (reloaded or crashed) and no other took over in
   * time: the media of this call is lost. Saying the connection failed makes
   * JsSIP end the call properly (BYE), instead of leaving a silent call up at
   * the PBX.
   */
  lost(): void {
    if (this.closed) return;
    // Not yet a call's: nothing to end, and nothing left to take for one.
    if (this.waitingForCall !== undefined) {
      this.close();
      return;
    }
    this.adopt({ ...this.state, seq: this.state.seq + 1, iceConnectionState: 'failed' });
    for (const listener of [...(this.listeners.get('iceconnectionstatechange') ?? [])])
      listener({ type: 'iceconnectionstatechange' });
  }

  private adopt(state: ConnectionState | undefined): void {
    if (state !== undefined && state.seq >= this.state.seq) this.state = state;
  }

  /**
   * Sends at once: the renderer runs one connection's requests strictly in
   * the order they arrive, so main need not wait for one answer before
   * sending the next (JsSIP fires addTrack and the like without waiting;
   * queuing them here cost a round trip each before the answer could start).
   */
  private enqueue(operation: MediaOperation): Promise<MediaResponse & { ok: true }> {
    if (this.closed && operation.op !== 'close')
      return Promise.reject(new Error('connection closed'));
    if (operation.op !== 'preparedTaken') this.sendPreparedTaken();
    return this.link.request(this.connectionId, operation).then((response) => {
      this.adopt(response.state);
      if (!response.ok) throw new Error(response.error);
      return response;
    });
  }

  private sendPreparedTaken(): void {
    if (!this.preparedTakenNotice) return;
    this.preparedTakenNotice = false;
    void this.enqueue({ op: 'preparedTaken' }).catch(() => undefined);
  }

  private described(response: MediaResponse & { ok: true }): WireDescription {
    if (response.description === undefined) throw new Error('no description from the renderer');
    return response.description;
  }
}

/** RTCSessionDescription objects from JsSIP become plain data for IPC. */
function plain(description: WireDescription): WireDescription {
  return { type: description.type, sdp: description.sdp };
}
