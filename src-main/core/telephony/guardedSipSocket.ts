import JsSIP from 'jssip';

/**
 * JsSIP's WebSocket transport with one difference: a message that makes JsSIP
 * throw while handling it (RFC 4475's unknown URI schemes leave the parsed
 * Request-URI undefined, and JsSIP reads `.user` of it) is dropped and
 * reported, instead of escaping from the socket handler as an uncaught
 * exception in the main process. What it sends and receives goes to the
 * diagnostics trace (redacted there). Everything else is delegated unchanged.
 */
export class GuardedSipSocket {
  onconnect: () => void = () => undefined;
  ondisconnect: (error: boolean, code?: number, reason?: string) => void = () => undefined;
  ondata: (data: unknown) => void = () => undefined;
  private readonly inner: JsSIP.WebSocketInterface;

  constructor(
    url: string,
    private readonly onDroppedMessage: (error: unknown) => void,
    private readonly trace?: { record(direction: 'in' | 'out', message: unknown): void },
  ) {
    this.inner = new JsSIP.WebSocketInterface(url);
    this.inner.onconnect = () => {
      this.onconnect();
    };
    this.inner.ondisconnect = (error: boolean, code?: number, reason?: string) => {
      this.ondisconnect(error, code, reason);
    };
    this.inner.ondata = (data: unknown) => {
      this.trace?.record('in', data);
      try {
        this.ondata(data);
      } catch (error) {
        this.onDroppedMessage(error);
      }
    };
  }

  get via_transport(): string {
    return this.inner.via_transport;
  }
  set via_transport(value: string) {
    this.inner.via_transport = value;
  }
  get url(): string {
    return this.inner.url;
  }
  get sip_uri(): string {
    return this.inner.sip_uri;
  }
  connect(): void {
    this.inner.connect();
  }
  disconnect(): void {
    this.inner.disconnect();
  }
  send(message: string): boolean {
    this.trace?.record('out', message);
    return this.inner.send(message);
  }
  isConnected(): boolean {
    return this.inner.isConnected();
  }
  isConnecting(): boolean {
    return this.inner.isConnecting();
  }
}
