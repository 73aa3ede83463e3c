import type JsSIP from 'jssip';
import type { Logger } from '../platform/ports';
import type { WorkstationStatusBoard } from '../status/workstationStatusBoard';
import type { SipAccount } from '../../../src-shared/telephony/sipAccountSchema';
import { createUserAgent, problemOfCause, type UserAgentOptions } from './sipUserAgent';

/**
 * Keeps the operator registered at the PBX and the status bar truthful.
 * A dropped WebSocket is reconnected by JsSIP with backoff and registration
 * follows; a wrong password stops the agent at once, so a bad setting never
 * turns into a storm of REGISTERs; sleep and network changes call refresh().
 */
export class SipRegistration {
  private ua: JsSIP.UA | undefined;
  private current: { account: SipAccount; password: string } | undefined;
  private keepalive: NodeJS.Timeout | undefined;
  private connectWatchdog: NodeJS.Timeout | undefined;
  /** Messages from the network that JsSIP could not handle and that were dropped. */
  dropped = 0;
  /** Registered once and lost since: the status stays "not registered" while reconnecting. */
  private lost = false;
  private agentListener: ((ua: JsSIP.UA | undefined) => void) | undefined;

  constructor(
    private readonly status: WorkstationStatusBoard,
    private readonly logger: Logger,
    private readonly options: UserAgentOptions,
  ) {}

  /** Told of each new user agent (and of none), so calls follow the registration. */
  onAgent(listener: (ua: JsSIP.UA | undefined) => void): void {
    this.agentListener = listener;
  }

  start(account: SipAccount, password: string): void {
    this.startAgent(account, password, false);
  }

  private startAgent(account: SipAccount, password: string, afterLoss: boolean): void {
    this.teardown();
    this.lost = afterLoss;
    const ua = createUserAgent(account, password, {
      ...this.options,
      onDroppedMessage: (error) => {
        this.dropped++;
        this.logger.warn('sip: a message the agent could not handle was dropped', {
          error: String(error),
        });
      },
    });
    this.ua = ua;
    this.current = { account, password };
    const startedAt = performance.now();
    let timed = false;
    const timeRegistration = (result: string) => {
      if (timed) return;
      timed = true;
      this.options.onRegistrationTimed?.(performance.now() - startedAt, result);
    };
    const mine = () => this.ua === ua;
    if (!afterLoss) this.status.set('sip', { state: 'connecting' });
    ua.on('connecting', () => {
      if (!mine()) return;
      if (!ua.isRegistered() && !this.lost) this.status.set('sip', { state: 'connecting' });
      // Node's WebSocket has no handshake timeout: a connect to a PBX that is going
      // down can hang for good, and JsSIP would wait on it forever.
      clearTimeout(this.connectWatchdog);
      this.connectWatchdog = setTimeout(
        () => {
          if (!mine() || ua.isConnected()) return;
          this.logger.warn('sip: connecting took too long; trying again');
          this.startAgent(account, password, this.lost);
        },
        (this.options.connectTimeoutSeconds ?? 5) * 1000,
      );
    });
    ua.on('connected', () => {
      clearTimeout(this.connectWatchdog);
    });
    ua.on('disconnected', () => {
      if (!mine()) return;
      this.lost = true;
      this.status.set('sip', { state: 'unregistered', detail: 'connection lost' });
    });
    ua.on('registered', () => {
      if (!mine()) return;
      this.lost = false;
      timeRegistration('registered');
      this.status.set('sip', { state: 'registered' });
      this.startKeepalive(ua, account);
    });
    ua.on('unregistered', () => {
      if (mine()) this.status.set('sip', { state: 'unregistered' });
    });
    ua.on('registrationFailed', (event: { cause?: string }) => {
      if (!mine()) return;
      const problem = problemOfCause(event.cause);
      timeRegistration(`failed: ${event.cause ?? 'unknown'}`);
      this.logger.warn('sip: registration failed', { cause: event.cause });
      this.status.set('sip', { state: 'failed', detail: problem });
      if (problem === 'auth' || problem === 'rejected') {
        // The PBX said no: trying again would only repeat it, and lock the account on some PBXs.
        this.stop('failed', problem);
      }
    });
    this.agentListener?.(ua);
    ua.start();
  }

  /** Registers again now (after sleep or a network change), if running. */
  refresh(): void {
    if (this.ua === undefined) return;
    if (this.ua.isConnected()) this.ua.register();
    else this.ua.start();
  }

  /**
   * A PBX that vanishes without closing the connection (a crash of the host,
   * a cable, a NAT timeout) leaves the socket open and the agent "registered"
   * in name only. An OPTIONS every few seconds notices: any answer at all
   * means the PBX is there; none in time means start over.
   */
  private startKeepalive(ua: JsSIP.UA, account: SipAccount): void {
    clearInterval(this.keepalive);
    const every = (this.options.keepaliveSeconds ?? 15) * 1000;
    const patience = (this.options.keepaliveTimeoutSeconds ?? 5) * 1000;
    const target = `sip:${account.sipUri.split('@')[1] ?? ''}`;
    this.keepalive = setInterval(() => {
      if (this.ua !== ua || !ua.isConnected()) return;
      let answered = false;
      const timer = setTimeout(() => {
        if (answered || this.ua !== ua || this.current === undefined) return;
        this.logger.warn('sip: the PBX stopped answering; reconnecting');
        const { account: again, password } = this.current;
        this.status.set('sip', { state: 'unregistered', detail: 'no answer' });
        this.startAgent(again, password, true);
      }, patience);
      const heard = () => {
        answered = true;
        clearTimeout(timer);
      };
      // sendOptions is in JsSIP 3.13's UA but missing from its type declarations.
      (
        ua as unknown as { sendOptions(target: string, body: null, options: object): void }
      ).sendOptions(target, null, {
        eventHandlers: {
          succeeded: heard,
          failed: (event: { response?: unknown }) => {
            if (event.response !== undefined && event.response !== null) heard();
          },
        },
      });
    }, every);
    this.keepalive.unref();
  }

  /** Unregisters and closes the WebSocket; the status says why. */
  stop(state: 'notConfigured' | 'failed' = 'notConfigured', detail?: string): void {
    const wasRunning = this.teardown();
    this.current = undefined;
    if (wasRunning || state === 'failed') {
      this.status.set('sip', detail === undefined ? { state } : { state, detail });
    }
  }

  /**
   * For quitting: unregisters and waits (at most timeoutMs) until the PBX
   * confirms, so the operator's line is free at once, not when the PBX times
   * the registration out.
   */
  async stopAndWait(timeoutMs: number): Promise<void> {
    const ua = this.ua;
    this.teardown(false);
    this.current = undefined;
    if (ua === undefined) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      ua.once('unregistered', done);
      ua.once('disconnected', done);
      if (!ua.isRegistered()) done();
      ua.stop();
    });
    ua.removeAllListeners();
  }

  private teardown(stopAgent = true): boolean {
    clearTimeout(this.connectWatchdog);
    clearInterval(this.keepalive);
    this.keepalive = undefined;
    const ua = this.ua;
    this.ua = undefined;
    if (ua === undefined) return false;
    this.agentListener?.(undefined);
    ua.removeAllListeners();
    if (stopAgent) ua.stop();
    return true;
  }

  isRunning(): boolean {
    return this.ua !== undefined;
  }
}
