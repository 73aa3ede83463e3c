import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentStateService } from '../../src-main/core/agent/agentStateService';
import { CallRecords } from '../../src-main/core/calls/callRecords';
import { ClientBase } from '../../src-main/core/clients/clientBase';
import type { PultDatabase } from '../../src-main/core/db/database';
import { silentLogger, systemClock } from '../../src-main/core/platform/ports';
import { emptyPolicy } from '../../src-main/core/settings/machinePolicy';
import { WorkstationStatusBoard } from '../../src-main/core/status/workstationStatusBoard';
import { LiveCallRegistry } from '../../src-main/core/telephony/liveCallRegistry';
import { SipRegistration } from '../../src-main/core/telephony/sipRegistration';
import { callBackClient } from '../../src-main/core/workstation/callbackDialer';
import { startCallCenter, type CallCenter } from '../../src-main/core/workstation/callCenter';
import type { EventChannel } from '../../src-main/ipc/contract';
import type { MediaRequest } from '../../src-shared/telephony/mediaBridgeSchema';
import type { CallView } from '../../src-shared/telephony/callView';
import { FakePbx } from '../support/fakePbx';
import { agentAccount } from '../support/sipAccounts';
import { openTempDatabase } from '../support/tempDatabase';
import { answerEveryMediaRequest } from '../support/mediaWindowStub';

// The wiring main.ts uses, on a real database and a PBX stand-in on a real
// WebSocket: what the window is sent, what is written, and what a reminder's
// click dials.
let pbx: FakePbx;
let db: PultDatabase;
let clients: ClientBase;
let sip: SipRegistration;
let center: CallCenter;
const status = new WorkstationStatusBoard(systemClock);
const sent: { event: EventChannel; payload: unknown }[] = [];
let databaseAsked = 0;
let leftOpenByACrash: number;
let knownClientId: number;

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 150 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
};

function invite(callId: string, from: string): string {
  const body = [
    'v=0',
    'o=- 1 1 IN IP4 127.0.0.1',
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 40000 UDP/TLS/RTP/SAVPF 0',
    'a=rtpmap:0 PCMU/8000',
    'a=setup:actpass',
    'a=fingerprint:sha-256 60:5A:20:E7:1A:E8:28:41:96:51:FC:FF:06:64:4B:82:19:A7:BC:17:94:F7:5F:EB:05:46:F4:DF:82:19:E9:18',
    'a=ice-ufrag:abcd',
    'a=ice-pwd:abcdefghijklmnopqrstuvwx',
    '',
  ].join('\r\n');
  return [
    'INVITE sip:agent1@127.0.0.1 SIP/2.0',
    `Via: SIP/2.0/WS 127.0.0.1:5060;branch=z9hG4bK${callId}`,
    'Max-Forwards: 70',
    `From: "Caller" <sip:${from}@127.0.0.1>;tag=${callId}`,
    'To: <sip:agent1@127.0.0.1>',
    `Call-ID: ${callId}`,
    'CSeq: 1 INVITE',
    `Contact: <sip:${from}@127.0.0.1:5060;transport=ws>`,
    'Content-Type: application/sdp',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

beforeAll(async () => {
  db = await openTempDatabase();
  clients = new ClientBase(db, systemClock, 'UA', () => 'uk', {
    read: () => undefined,
    write: () => undefined,
  });
  const saved = clients.create(
    { fullName: 'Коваленко Андрій', phones: [{ raw: '067 123 45 67' }] },
    'op1',
  );
  if (!saved.ok) throw new Error('the test client was not saved');
  knownClientId = saved.id;
  // A call the last run never closed (the app was killed while it rang).
  leftOpenByACrash = new CallRecords(db.sqlite).start({
    clientId: null,
    direction: 'inbound',
    remoteNumber: '+380501112233',
    sipCallId: 'crashed-call',
    offeredAt: new Date(Date.now() - 60_000),
  });
  pbx = await FakePbx.start();
  sip = new SipRegistration(status, silentLogger, {
    userAgent: 'Pult-test',
    keepaliveSeconds: 3600,
  });
  center = startCallCenter({
    logger: silentLogger,
    clock: systemClock,
    agent: new AgentStateService(status, systemClock, () => undefined, 'op1'),
    policy: emptyPolicy,
    actor: 'op1',
    registration: sip,
    liveCalls: new LiveCallRegistry(),
    // The first ask fails (the base still being unlocked, say); the next one is answered.
    database: () => {
      databaseAsked += 1;
      return databaseAsked === 1
        ? Promise.reject(new Error('not yet'))
        : Promise.resolve({ db, clients });
    },
    send: (event, payload) => {
      sent.push({ event, payload });
      // The window's side of the media bridge: every request succeeds.
      if (event === 'media.request') answerEveryMediaRequest(center.media)(payload as MediaRequest);
    },
    account: () => undefined,
    autoAnswer: () => false,
  });
  sip.start(agentAccount(pbx.url), 'pw');
  await waitFor(() => status.current().sip.state === 'registered');
});

afterAll(async () => {
  sip.stop();
  await pbx.close();
  await db.close();
});

describe('the call center', () => {
  it('asks again for a base that failed to open, and then closes the call a crash left open', async () => {
    // The first ask (at start) failed; the call log asks again.
    expect(await center.callLog()).toContainEqual(
      expect.objectContaining({ interactionId: leftOpenByACrash, endCause: 'appClosed' }),
    );
    expect(databaseAsked).toBe(2);
  });

  it("sends a known caller's card with the ringing call, and the window's media requests once it attached", async () => {
    center.attachMedia();
    const callId = `known-${Date.now()}`;
    const ringing = pbx.next((m) => m.startsWith('SIP/2.0 180') && m.includes(callId), 5000);
    pbx.send(invite(callId, '+380671234567'));
    await ringing;
    await waitFor(() => sent.some((s) => s.event === 'calls.screenPop'));
    const pop = sent.find((s) => s.event === 'calls.screenPop')!.payload as {
      card: { id: number; fullName: string };
    };
    expect(pop.card).toMatchObject({ id: knownClientId, fullName: 'Коваленко Андрій' });
    const lists = sent
      .filter((s) => s.event === 'calls.changed')
      .map((s) => s.payload as CallView[]);
    expect(lists.at(-1)?.map((c) => [c.state, c.client?.id])).toEqual([['ringing', knownClientId]]);
    const requests = sent.filter((s) => s.event === 'media.request');
    expect(requests.map((s) => (s.payload as MediaRequest).op)).toContain('prepareCall');
    const declined = pbx.next((m) => m.startsWith('SIP/2.0 486') && m.includes(callId), 5000);
    const call = center.calls.list().find((c) => c.state === 'ringing')!;
    expect(center.calls.act({ action: 'reject', id: call.id })).toBe(true);
    await declined;
  });
});

describe("a due callback's reminder, clicked", () => {
  const dialled: string[] = [];
  const calls = {
    dial: (target: string) => {
      dialled.push(target);
      return { ok: true as const, id: 1 };
    },
  };
  const deps = () => ({
    clients,
    calls,
    dialTarget: (typed: string) => typed,
    logger: silentLogger,
  });

  it('calls the client back on their first number', () => {
    expect(callBackClient(knownClientId, deps())).toBe('dialled');
    expect(dialled).toEqual(['+380671234567']);
  });

  it('never calls a client who asked not to be called, nor one who is gone', () => {
    const saved = clients.create(
      { fullName: 'Не дзвонити', phones: [{ raw: '0501234567' }], doNotCall: true },
      'op1',
    );
    if (!saved.ok) throw new Error('not saved');
    dialled.length = 0;
    expect(callBackClient(saved.id, deps())).toBe('notDialled');
    expect(callBackClient(999_999, deps())).toBe('notDialled');
    expect(dialled).toEqual([]);
  });
});
