import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumExecutable, chromiumFlags } from '../host/chromium';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bundleDir = path.join(repoRoot, 'test-results/.sip-phone');
const require = createRequire(import.meta.url);

let bundled: Promise<string> | undefined;

/** JsSIP ships CommonJS only: Vite builds it once per run for the phone's page. */
function jssipBundle(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(bundleDir, { recursive: true });
    await build({
      configFile: false,
      logLevel: 'warn',
      root: repoRoot,
      build: {
        outDir: bundleDir,
        emptyOutDir: true,
        minify: false,
        lib: {
          entry: require.resolve('jssip'),
          name: 'JsSIP',
          formats: ['iife'],
          fileName: () => 'jssip.js',
        },
      },
    });
    return readFileSync(path.join(bundleDir, 'jssip.js'), 'utf8');
  })();
  return bundled;
}

/**
 * The phone's page script, kept as plain JavaScript so no test transpiler's
 * helpers end up in the page.
 */
const phoneScript = `
window.startPhone = (user, autoAnswer) => {
  const events = [];
  let session;
  // A PBX or phone that will not hold: every re-INVITE is answered 488.
  let refuseReinvites = false;
  // The next calls are answered "486 Busy Here", as a line in use would.
  let busyCalls = 0;
  // Fresh options for every call: JsSIP adds headers (Replaces on a transfer) to the object it is given.
  const media = () => ({ mediaConstraints: { audio: true, video: false } });
  const ua = new JsSIP.UA({
    sockets: [new JsSIP.WebSocketInterface('ws://127.0.0.1:8080')],
    uri: 'sip:' + user + '@127.0.0.1',
    password: 'unused',
    register: true,
    session_timers: false,
  });
  const follow = (s) => {
    session = s;
    // When the INVITE leaves (benchmarks time the screen pop from here).
    s.on('sending', () => events.push({ type: 'sending', at: Date.now() }));
    for (const type of ['progress', 'accepted', 'confirmed', 'hold', 'unhold']) {
      s.on(type, (e) => events.push({ type, originator: e && e.originator }));
    }
    s.on('reinvite', (e) => {
      if (!refuseReinvites) return;
      events.push({ type: 'reinviteRefused' });
      e.reject({ status_code: 488, reason_phrase: 'Not Acceptable Here' });
    });
    s.on('newDTMF', (e) => events.push({ type: 'dtmf', originator: e.originator, tone: e.dtmf.tone }));
    s.on('newInfo', (e) => events.push({ type: 'info', originator: e.originator, tone: e.info.body }));
    // A transfer from the other side: the phone calls where it is sent.
    s.on('refer', (e) => {
      events.push({ type: 'refer' });
      e.accept((next) => follow(next), media());
    });
    // Attended transfer: the caller arrives to replace the call with the operator.
    s.on('replaces', (e) => {
      events.push({ type: 'replaces' });
      e.accept();
    });
    s.on('ended', (e) => events.push({ type: 'ended', originator: e.originator, cause: e.cause }));
    s.on('failed', (e) => events.push({
      type: 'failed', originator: e.originator, cause: e.cause,
      status: e.message && e.message.status_code,
    }));
  };
  ua.on('newRTCSession', (e) => {
    if (e.originator !== 'remote') return;
    events.push({
      type: 'incoming',
      identity: e.request.getHeader('P-Preferred-Identity') || undefined,
    });
    follow(e.session);
    if (busyCalls > 0) {
      busyCalls -= 1;
      e.session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      return;
    }
    if (autoAnswer) e.session.answer(media());
  });
  window.phone = {
    events: () => events,
    registered: () => ua.isRegistered(),
    call: (target, headers) => { follow(ua.call(target, { ...media(), extraHeaders: headers || [] })); },
    // call() until the call is confirmed, in ms, timed in the page (benchmarks).
    timedCall: (target) => new Promise((resolve, reject) => {
      const start = performance.now();
      const s = ua.call(target, media());
      follow(s);
      s.on('confirmed', () => resolve(performance.now() - start));
      s.on('failed', (e) => reject(new Error(e.cause)));
    }),
    answer: () => session && session.answer(media()),
    refuseReinvites: (on) => { refuseReinvites = on; },
    busyFor: (calls) => { busyCalls = calls; },
    hold: () => session && session.hold(),
    unhold: () => session && session.unhold(),
    hangup: () => session && session.terminate(),
    receivedBytes: async () => {
      const pc = session && session.connection;
      if (!pc) return 0;
      let bytes = 0;
      (await pc.getStats()).forEach((r) => {
        if (r.type === 'inbound-rtp' && r.kind === 'audio') bytes += r.bytesReceived || 0;
      });
      return bytes;
    },
  };
  return new Promise((resolve, reject) => {
    ua.on('registered', () => resolve());
    ua.on('registrationFailed', (e) => reject(new Error(String(e.cause))));
    ua.start();
  });
};
`;

export interface PhoneEvent {
  type: string;
  originator?: string;
  cause?: string;
  status?: number;
  tone?: string;
  /** The caller ID the caller asked the PBX for (P-Preferred-Identity), on an incoming call. */
  identity?: string;
  /** Epoch ms, for the events that carry a time. */
  at?: number;
}

/**
 * The other party: a plain JsSIP phone in its own Chromium with a fake
 * microphone, registered at the test PBX. It records what it sees (events,
 * causes, SIP status codes) and reports the audio it receives.
 */
export class SipPhone {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async start(user: string, options: { autoAnswer?: boolean } = {}): Promise<SipPhone> {
    const script = await jssipBundle();
    const browser = await chromium.launch({
      executablePath: chromiumExecutable(),
      args: [...chromiumFlags, '--use-fake-ui-for-media-stream'],
    });
    const page = await browser.newPage();
    if (process.env['PULT_PHONE_DEBUG'] !== undefined)
      page.on('console', (m) => console.log('phone:', m.text()));
    // Served from 127.0.0.1 for real: a secure context (getUserMedia works), and a
    // local page, so Chromium lets it reach the PBX on loopback.
    const server = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>phone</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser.on('disconnected', () => server.close());
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.addScriptTag({ content: script });
    await page.addScriptTag({ content: phoneScript });
    await page.evaluate(
      ([user, autoAnswer]) =>
        (window as unknown as { startPhone(u: string, a: boolean): Promise<void> }).startPhone(
          user,
          autoAnswer,
        ),
      [user, options.autoAnswer ?? false] as const,
    );
    return new SipPhone(browser, page);
  }

  events(): Promise<PhoneEvent[]> {
    return this.page.evaluate(() =>
      (window as unknown as { phone: { events(): PhoneEvent[] } }).phone.events(),
    );
  }

  isRegistered(): Promise<boolean> {
    return this.page.evaluate(() =>
      (window as unknown as { phone: { registered(): boolean } }).phone.registered(),
    );
  }

  /** Calls a number; `headers` go in the INVITE as they are (e.g. the line the PBX says was dialled). */
  async call(target: string, headers: string[] = []): Promise<void> {
    await this.page.evaluate(
      ([t, h]) =>
        (window as unknown as { phone: { call(t: string, h: string[]): void } }).phone.call(t, h),
      [target, headers] as const,
    );
  }

  /** Calls and resolves with the ms from call() to confirmed, measured in the page. */
  timedCall(target: string): Promise<number> {
    return this.page.evaluate(
      (t) =>
        (window as unknown as { phone: { timedCall(t: string): Promise<number> } }).phone.timedCall(
          t,
        ),
      target,
    );
  }

  async answer(): Promise<void> {
    await this.page.evaluate(() =>
      (window as unknown as { phone: { answer(): void } }).phone.answer(),
    );
  }

  /** From now on, answers every re-INVITE (hold, resume) with 488, or stops doing so. */
  async refuseReinvites(on: boolean): Promise<void> {
    await this.page.evaluate(
      (value) =>
        (
          window as unknown as { phone: { refuseReinvites(on: boolean): void } }
        ).phone.refuseReinvites(value),
      on,
    );
  }

  /** Answers the next `calls` calls "486 Busy Here". */
  async busyFor(calls: number): Promise<void> {
    await this.page.evaluate(
      (n) => (window as unknown as { phone: { busyFor(n: number): void } }).phone.busyFor(n),
      calls,
    );
  }

  /** Puts the call on hold from this side (a re-INVITE to the other), or takes it off. */
  async hold(on: boolean): Promise<void> {
    await this.page.evaluate((value) => {
      const phone = (window as unknown as { phone: { hold(): void; unhold(): void } }).phone;
      if (value) phone.hold();
      else phone.unhold();
    }, on);
  }

  async hangup(): Promise<void> {
    await this.page.evaluate(() =>
      (window as unknown as { phone: { hangup(): void } }).phone.hangup(),
    );
  }

  receivedBytes(): Promise<number> {
    return this.page.evaluate(() =>
      (window as unknown as { phone: { receivedBytes(): Promise<number> } }).phone.receivedBytes(),
    );
  }

  async stop(): Promise<void> {
    await this.browser.close();
  }
}
