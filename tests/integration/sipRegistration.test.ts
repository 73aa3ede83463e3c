import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-main/core/platform/ports';
import { WorkstationStatusBoard } from '../../src-main/core/status/workstationStatusBoard';
import type { SipAccount } from '../../src-shared/telephony/sipAccountSchema';
import { testSipConnection } from '../../src-main/core/telephony/sipConnectionTest';
import { SipRegistration } from '../../src-main/core/telephony/sipRegistration';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { agentAccount } from '../support/sipAccounts';

// A real PBX on loopback: Kamailio with digest auth, SIP over WebSocket.
const account: SipAccount = { ...agentAccount('ws://127.0.0.1:8080'), displayName: 'Оператор 1' };

// Every REGISTER the agent puts on the wire, counted at the WebSocket.
const sentRegisters: number[] = [];
const NativeWebSocket = globalThis.WebSocket;
class CountingWebSocket extends NativeWebSocket {
  override send(data: Parameters<WebSocket['send']>[0]): void {
    if (typeof data === 'string' && data.startsWith('REGISTER ')) sentRegisters.push(Date.now());
    super.send(data);
  }
}

let kamailio: Kamailio;
const registrations: SipRegistration[] = [];
beforeAll(async () => {
  globalThis.WebSocket = CountingWebSocket;
  kamailio = await startKamailio(['WITH_AUTH']);
});
afterEach(() => {
  for (const r of registrations.splice(0)) r.stop();
});
afterAll(async () => {
  globalThis.WebSocket = NativeWebSocket;
  await kamailio.stop();
});

function registration() {
  const status = new WorkstationStatusBoard({ now: () => new Date() });
  const states: string[] = [];
  status.onChanged((s) =>
    states.push(s.sip.detail === undefined ? s.sip.state : `${s.sip.state}:${s.sip.detail}`),
  );
  const timed: { ms: number; result: string }[] = [];
  const sip = new SipRegistration(status, silentLogger, {
    onRegistrationTimed: (ms, result) => timed.push({ ms, result }),
    userAgent: 'Pult-test',
    recoveryMinSeconds: 1,
    recoveryMaxSeconds: 2,
    keepaliveSeconds: 1,
    keepaliveTimeoutSeconds: 1,
    connectTimeoutSeconds: 2,
  });
  registrations.push(sip);
  return { sip, status, states, timed };
}

async function until(check: () => boolean, ms: number): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - start;
}

const contacts = async (k: Kamailio) => JSON.stringify(await k.rpc('ul.dump'));

describe('SIP registration against Kamailio', () => {
  it('registers, shows it, and unregisters on stop', async () => {
    const { sip, status, states, timed } = registration();
    const started = Date.now();
    sip.start(account, 'agentpw1');
    await until(() => status.current().sip.state === 'registered', 5000);
    expect(states).toEqual(['connecting', 'registered']);
    // The diagnostics' registration timing: once, within the time it really took.
    expect(timed).toHaveLength(1);
    expect(timed[0]?.result).toBe('registered');
    expect(timed[0]?.ms).toBeGreaterThan(0);
    expect(timed[0]?.ms).toBeLessThanOrEqual(Date.now() - started + 1);
    expect(await contacts(kamailio)).toContain('agent1');
    sip.stop();
    await until(() => status.current().sip.state === 'notConfigured', 1000);
    await until(() => false, 300).catch(() => undefined);
    expect(await contacts(kamailio)).not.toContain('agent1');
  });

  it('unregisters before quitting, and waits for the PBX to confirm', async () => {
    const { sip, status } = registration();
    sip.start(account, 'agentpw1');
    await until(() => status.current().sip.state === 'registered', 5000);
    await sip.stopAndWait(1500);
    expect(await contacts(kamailio)).not.toContain('agent1');
  });

  it('a wrong password says so and does not retry', async () => {
    const { sip, status, timed } = registration();
    sentRegisters.length = 0;
    sip.start(account, 'wrong-password');
    await until(() => status.current().sip.state === 'failed', 5000);
    expect(status.current().sip).toEqual({ state: 'failed', detail: 'auth' });
    expect(timed.map((t) => t.result)).toEqual([expect.stringMatching(/^failed: /)]);
    await new Promise((r) => setTimeout(r, 4000));
    // One REGISTER, one with the digest answer: then nothing.
    expect(sentRegisters.length).toBeLessThanOrEqual(2);
    expect(sip.isRunning()).toBe(false);
  });

  it('shows "not registered" when the PBX dies and registers again within 10 s of its return', async () => {
    const { sip, status } = registration();
    sip.start(account, 'agentpw1');
    await until(() => status.current().sip.state === 'registered', 5000);
    await kamailio.stop();
    await until(() => status.current().sip.state !== 'registered', 3000);
    expect(status.current().sip.state).not.toBe('registered');
    kamailio = await startKamailio(['WITH_AUTH']);
    const took = await until(() => status.current().sip.state === 'registered', 10_000);
    expect(took).toBeLessThan(10_000);
    expect(await contacts(kamailio)).toContain('agent1');
  });

  it('notices a PBX that stops answering without closing the connection, and comes back with it', async () => {
    const { sip, status } = registration();
    sip.start(account, 'agentpw1');
    await until(() => status.current().sip.state === 'registered', 5000);
    await kamailio.freeze();
    try {
      await until(() => status.current().sip.state !== 'registered', 5000);
      expect(['unregistered', 'connecting']).toContain(status.current().sip.state);
    } finally {
      await kamailio.thaw();
    }
    await until(() => status.current().sip.state === 'registered', 10_000);
  });
});

describe('Test connection', () => {
  it('passes with the right settings', async () => {
    expect(await testSipConnection(account, 'agentpw1', { userAgent: 'Pult-test' })).toEqual({
      ok: true,
    });
  });

  it('says the password is wrong', async () => {
    const result = await testSipConnection(account, 'nope', { userAgent: 'Pult-test' });
    expect(result).toMatchObject({ ok: false, problem: 'auth' });
    if (!result.ok) expect(result.detail).toContain('401');
  });

  it('says nothing listens there', async () => {
    expect(
      await testSipConnection({ ...account, wsUrl: 'ws://127.0.0.1:1' }, 'x', {
        userAgent: 'Pult-test',
      }),
    ).toMatchObject({
      ok: false,
      problem: 'unreachable',
    });
  });

  it('says the TLS certificate is not trusted', async () => {
    await kamailio.stop();
    const tlsPbx = await startKamailio(['WITH_AUTH', 'WITH_TLS']);
    try {
      // The test PBX has its own self-signed certificate, which nobody trusts.
      const result = await testSipConnection(
        { ...account, wsUrl: 'wss://127.0.0.1:8443' },
        'agentpw1',
        { userAgent: 'Pult-test' },
      );
      expect(result).toMatchObject({ ok: false, problem: 'tls' });
    } finally {
      await tlsPbx.stop();
      kamailio = await startKamailio(['WITH_AUTH']);
    }
  });

  it('says the server does not answer', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const result = await testSipConnection({ ...account, wsUrl: `ws://127.0.0.1:${port}` }, 'x', {
        userAgent: 'Pult-test',
        timeoutMs: 1500,
      });
      expect(result).toMatchObject({ ok: false, problem: 'timeout' });
    } finally {
      silent.close();
    }
  });
});
