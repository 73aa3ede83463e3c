import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A stand-in for the PBX on 127.0.0.1: accepts the agent's SIP WebSocket,
 * answers its REGISTER with 200 OK, and lets a test put any bytes on the wire
 * and read what the agent answers.
 */
export class FakePbx {
  private readonly server: WebSocketServer;
  private socket: WebSocket | undefined;
  readonly received: string[] = [];
  private waiters: { match: (m: string) => boolean; resolve: (m: string) => void }[] = [];

  private constructor(server: WebSocketServer) {
    this.server = server;
    server.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (data: Buffer) => this.onMessage(socket, data.toString('utf8')));
    });
  }

  static async start(): Promise<FakePbx> {
    const server = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      handleProtocols: (protocols) => (protocols.has('sip') ? 'sip' : false),
    });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    return new FakePbx(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  send(bytes: Buffer | string): void {
    this.socket?.send(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, { binary: true });
  }

  next(match: (message: string) => boolean, timeoutMs = 2000): Promise<string> {
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error('the agent did not answer'));
      }, timeoutMs);
    });
  }

  close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private onMessage(socket: WebSocket, message: string): void {
    this.received.push(message);
    if (message.startsWith('REGISTER ')) socket.send(okFor(message));
    for (const waiter of [...this.waiters]) {
      if (waiter.match(message)) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(message);
      }
    }
  }
}

function header(message: string, name: string): string {
  return new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(message)?.[1] ?? '';
}

function okFor(request: string): string {
  return [
    'SIP/2.0 200 OK',
    `Via: ${header(request, 'Via')}`,
    `From: ${header(request, 'From')}`,
    `To: ${header(request, 'To')};tag=fakepbx`,
    `Call-ID: ${header(request, 'Call-ID')}`,
    `CSeq: ${header(request, 'CSeq')}`,
    `Contact: ${header(request, 'Contact').replace(/;expires=\d+/, '')};expires=300`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}
