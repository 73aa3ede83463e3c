import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CallRecords } from '../../src-main/core/calls/callRecords';
import { CallerIdLookup } from '../../src-main/core/clients/callerId';
import { ClientEditor } from '../../src-main/core/clients/clientEditor';
import type { PultDatabase } from '../../src-main/core/db/database';
import { silentLogger } from '../../src-main/core/platform/ports';
import { WorkstationStatusBoard } from '../../src-main/core/status/workstationStatusBoard';
import { CallController } from '../../src-main/core/telephony/callController';
import type { CallView } from '../../src-shared/telephony/callView';
import { LiveCallRegistry } from '../../src-main/core/telephony/liveCallRegistry';
import {
  installJsSipMediaGlobals,
  MediaBridge,
} from '../../src-main/core/telephony/media/mediaBridge';
import type { ConnectionState, MediaRequest } from '../../src-shared/telephony/mediaBridgeSchema';
import { SipRegistration } from '../../src-main/core/telephony/sipRegistration';
import { EventEmitter } from 'node:events';
import { HeadsetSession } from '../../src-main/core/headset/headsetSession';
import { bytesFromHex, parseHidDescriptor } from '../../src-main/core/headset/hidReportDescriptor';
import { telephonyLayout } from '../../src-main/core/headset/telephonyLayout';
import { headsetCalls, headsetIndicators } from '../../src-main/core/telephony/headsetCalls';
import { FakePbx } from '../support/fakePbx';
import { agentAccount } from '../support/sipAccounts';
import { sharedDir } from '../support/kamailio';
import { openTempDatabase } from '../support/tempDatabase';

// Real INVITEs recorded from real systems, addressed to our agent and put on its WebSocket.
const tracesDir = path.join(sharedDir, 'fixtures/sip/traces');
const traces = readdirSync(tracesDir)
  .filter((f) => f.endsWith('.sip'))
  .sort();

let pbx: FakePbx;
let sip: SipRegistration;
let db: PultDatabase;
let records: CallRecords;
let calls: CallView[] = [];
/** Every list the controller published, in order (what the window is sent). */
const updates: CallView[][] = [];
let controller: CallController;
const media = new MediaBridge(silentLogger, 2000);
const liveCalls = new LiveCallRegistry();
const status = new WorkstationStatusBoard({ now: () => new Date() });

/**
 * The window's side, as far as this test needs it: every request succeeds,
 * and ICE gathering reaches `gathering` when the local description is set.
 * Left at 'gathering' it never completes, as when a network adapter hangs:
 * only a watchdog can end such a call. At 'complete' media is up at once.
 */
const seen: MediaRequest[] = [];
function stubRenderer(gathering: 'gathering' | 'complete') {
  return (request: MediaRequest): void => {
    seen.push(request);
    const state: ConnectionState = {
      seq: request.id,
      iceGatheringState: request.op === 'setLocalDescription' ? gathering : 'new',
      iceConnectionState: 'new',
      signalingState: 'stable',
      localDescription: request.op === 'setLocalDescription' ? request.description : null,
    };
    const description =
      request.op === 'createAnswer'
        ? { type: 'answer' as const, sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n' }
        : undefined;
    setTimeout(() =>
      media.respond({ id: request.id, ok: true, state, ...(description ? { description } : {}) }),
    );
  };
}
const stuckRenderer = stubRenderer('gathering');
const quickRenderer = stubRenderer('complete');

/** The PBX's ACK for a 200 OK to an INVITE, so the dialog is confirmed. */
function ackFor(ok: string): string {
  const header = (name: string) =>
    new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(ok)?.[1]?.trim() ?? '';
  const contact = /<([^>]+)>/.exec(header('Contact'))?.[1] ?? 'sip:agent1@127.0.0.1';
  const cseq = header('CSeq').split(' ')[0];
  return [
    `ACK ${contact} SIP/2.0`,
    `Via: SIP/2.0/WS 127.0.0.1:5060;branch=z9hG4bK-ack-${Date.now()}`,
    'Max-Forwards: 70',
    `To: ${header('To')}`,
    `From: ${header('From')}`,
    `Call-ID: ${header('Call-ID')}`,
    `CSeq: ${cseq} ACK`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** A recorded INVITE, re-addressed to agent1 with a fresh Call-ID and branch. */
function inviteFrom(file: string, callId: string): string {
  const text = readFileSync(path.join(tracesDir, file), 'latin1').replace(/\r?\n/g, '\r\n');
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const lines = head.split('\r\n').map((line, i) => {
    if (i === 0) return 'INVITE sip:agent1@127.0.0.1 SIP/2.0';
    if (/^To:/i.test(line)) return 'To: <sip:agent1@127.0.0.1>';
    if (/^Call-ID:/i.test(line)) return `Call-ID: ${callId}`;
    if (/^Via:/i.test(line)) return line.replace(/branch=[^;\s]+/, `branch=z9hG4bK${callId}`);
    if (/^Content-Length:/i.test(line))
      return `Content-Length: ${Buffer.byteLength(body, 'latin1')}`;
    return line;
  });
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

const responseTo = (callId: string, code: RegExp) =>
  pbx.next(
    (m) => m.startsWith('SIP/2.0 ') && m.includes(callId) && code.test(m.split('\r\n')[0]!),
    5000,
  );

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
};

beforeAll(async () => {
  installJsSipMediaGlobals(media);
  db = await openTempDatabase();
  records = new CallRecords(db.sqlite);
  const callerId = new CallerIdLookup(db.sqlite);
  pbx = await FakePbx.start();
  sip = new SipRegistration(status, silentLogger, {
    userAgent: 'Pult-test',
    keepaliveSeconds: 3600,
  });
  controller = new CallController({
    media,
    database: () => Promise.resolve({ records, callerId: (n) => callerId.find(n) }),
    liveCalls,
    clock: { now: () => new Date() },
    logger: silentLogger,
    onChanged: (list) => {
      calls = list;
      updates.push(structuredClone(list));
    },
    answerTimeoutMs: 300,
  });
  sip.onAgent((ua) => controller.useAgent(ua));
  sip.start(agentAccount(pbx.url), 'pw');
  await waitFor(() => status.current().sip.state === 'registered');
});
afterAll(async () => {
  sip.stop();
  await pbx.close();
  await db.close();
});
beforeEach(() => {
  media.attach(stuckRenderer);
  controller.clearEnded();
});

describe('calls from real INVITEs', () => {
  it.each(traces)(
    '%s rings, and a media setup that hangs ends with a final response',
    async (file) => {
      const callId = `trace-${file.slice(0, 2)}-${Date.now()}`;
      const ringing = responseTo(callId, /^SIP\/2\.0 180/);
      pbx.send(inviteFrom(file, callId));
      await ringing;
      const call = calls.find((c) => c.state === 'ringing');
      expect(call).toBeDefined();
      expect(liveCalls.count()).toBe(1);
      // While it rings, the window is asked to prepare the answer for the caller's very offer.
      const body = inviteFrom(file, callId).split('\r\n\r\n')[1];
      expect(seen.at(-1)).toMatchObject({ op: 'prepareCall', offerSdp: body });
      await waitFor(() => calls.some((c) => c.interactionId !== null));

      const final = responseTo(callId, /^SIP\/2\.0 [3-6]\d\d/);
      expect(controller.act({ action: 'answer', id: call!.id })).toBe(true);
      expect((await final).split('\r\n')[0]).toBe('SIP/2.0 500 Media Setup Timeout');
      await waitFor(() => calls[0]?.state === 'ended');
      expect(calls[0]).toMatchObject({ endCause: 'mediaFailed', problem: 'mediaTimeout' });
      expect(liveCalls.count()).toBe(0);
      const [row] = records.since(new Date(0));
      expect(row).toMatchObject({ interactionId: call!.interactionId, endCause: 'mediaFailed' });
    },
  );
});

describe('answering rules on the wire', () => {
  it('reject sends 486 Busy Here', async () => {
    const callId = `reject-${Date.now()}`;
    const ringing = responseTo(callId, /^SIP\/2\.0 180/);
    pbx.send(inviteFrom(traces[0]!, callId));
    await ringing;
    const busy = responseTo(callId, /^SIP\/2\.0 486/);
    controller.act({ action: 'reject', id: calls.find((c) => c.state === 'ringing')!.id });
    await busy;
    await waitFor(() => calls[0]?.endCause === 'rejected');
  });

  it('with no window to play audio, the caller is told at once (480), not left ringing', async () => {
    media.detach();
    const callId = `nowindow-${Date.now()}`;
    const unavailable = responseTo(callId, /^SIP\/2\.0 480/);
    pbx.send(inviteFrom(traces[0]!, callId));
    await unavailable;
    await waitFor(() => calls[0]?.state === 'ended');
    expect(calls[0]).toMatchObject({ problem: 'noAudioWindow' });
    expect(liveCalls.count()).toBe(0);
  });
});

/** Sends an INVITE, waits for it to ring, rejects it (486) and clears it; gives the call as it rang. */
async function ringAndReject(callId: string, invite = inviteFrom(traces[2]!, callId)) {
  const ringing = responseTo(callId, /^SIP\/2\.0 180/);
  pbx.send(invite);
  await ringing;
  const call = calls.find((c) => c.state === 'ringing');
  const busy = responseTo(callId, /^SIP\/2\.0 486/);
  controller.act({ action: 'reject', id: call!.id });
  await busy;
  await waitFor(() => calls[0]?.state === 'ended');
  controller.clearEnded();
  return call;
}

/** A recorded INVITE (RingCentral's) with another session description. */
function inviteWithBody(callId: string, body: string): string {
  const invite = inviteFrom(traces[2]!, callId);
  const head = invite.slice(0, invite.indexOf('\r\n\r\n'));
  return `${head.replace(/^Content-Length:.*$/im, `Content-Length: ${Buffer.byteLength(body, 'latin1')}`)}\r\n\r\n${body}`;
}
const realOffer = () => {
  const invite = inviteFrom(traces[2]!, 'x');
  return invite.slice(invite.indexOf('\r\n\r\n') + 4);
};

describe('an offer the window cannot take is refused at once, never rung', () => {
  it.each([
    [
      'an empty DTLS fingerprint',
      () => realOffer().replace(/a=fingerprint:sha-1 [^\r]*/, 'a=fingerprint:sha-1 '),
      /^SIP\/2\.0 488 /,
      'DTLS',
    ],
    [
      'SDES keys only',
      () =>
        realOffer()
          .replace(/a=fingerprint:[^\r]*\r\n/, '')
          .replace('RTP/SAVPF', 'RTP/SAVP')
          .replace(
            'a=sendrecv',
            'a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9\r\na=sendrecv',
          ),
      /^SIP\/2\.0 488 /,
      'SDES',
    ],
    ['garbage', () => 'this is not a session description', /^SIP\/2\.0 400 /, 'malformed'],
    ['an empty one', () => ' ', /^SIP\/2\.0 400 /, 'malformed'],
    [
      '100 KB of candidates',
      () => realOffer() + 'a=candidate:1 1 UDP 2130706431 10.0.0.1 9 typ host\r\n'.repeat(2000),
      /^SIP\/2\.0 488 /,
      'too large',
    ],
  ])(
    '%s: a final response with a Warning saying why, logged, and no ring',
    async (_what, body, code, why) => {
      const callId = `offer-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const from = updates.length;
      const final = responseTo(callId, code);
      pbx.send(inviteWithBody(callId, body()));
      const response = await final;
      expect(response).toMatch(new RegExp(`^Warning: 399 pult "[^"]*${why}[^"]*"`, 'm'));
      // Nothing rang: no 180 went out, and the window never saw the call ringing.
      expect(pbx.received.some((m) => m.startsWith('SIP/2.0 180') && m.includes(callId))).toBe(
        false,
      );
      await waitFor(() => calls[0]?.state === 'ended');
      expect(updates.slice(from).some((list) => list.some((c) => c.state === 'ringing'))).toBe(
        false,
      );
      expect(calls[0]).toMatchObject({ endCause: 'offerRefused' });
      expect(liveCalls.count()).toBe(0);
      // Today's call log has it, as refused.
      await waitFor(() => records.since(new Date(0))[0]?.endCause === 'offerRefused');
    },
  );
});

describe('the screen pop', () => {
  it('a known caller is shown ringing with the card found: the window hears of the call once, not before and after the lookup', async () => {
    // The third trace's caller, +1 650 666 6666, is a client.
    const created = new ClientEditor(db, { now: () => new Date() }).create(
      { fullName: 'Wireless Caller', phones: [{ raw: '+16506666666' }] },
      'op1',
    );
    if (!created.ok) throw new Error('client not created');
    // Earlier tests opened the client base already; a first call would, otherwise.
    await ringAndReject(`pop-warm-${Date.now()}`);
    const from = updates.length;
    await ringAndReject(`pop-${Date.now()}`);
    const firstSeen = updates
      .slice(from)
      .map((list) => list.find((c) => c.state === 'ringing'))
      .find((call) => call !== undefined);
    expect(firstSeen?.client).toEqual({ id: created.id, fullName: 'Wireless Caller' });
    expect(firstSeen?.interactionId).not.toBeNull();
  });
});

describe("the caller's name", () => {
  it('is shown in the one Unicode form names are kept in, whatever form the PBX sent', async () => {
    const callId = `nfd-${Date.now()}`;
    const decomposed = 'Йосипенко Андрій'.normalize('NFD');
    const invite = inviteFrom(traces[2]!, callId).replace(
      /^From:.*$/im,
      `From: "${decomposed}" <sip:+380671234567@127.0.0.1>;tag=nfd${Date.now()}`,
    );
    const call = await ringAndReject(callId, invite);
    expect(call?.remoteName).toBe('Йосипенко Андрій'.normalize('NFC'));
  });
});

describe('the headset drives calls', () => {
  it('off-hook answers the ringing call (200 OK on the wire), on-hook hangs up (BYE)', async () => {
    media.attach(quickRenderer);
    const hex = readFileSync(
      path.join(sharedDir, 'fixtures/hid/jabra-evolve-link-ms.desc.txt'),
      'utf8',
    );
    const layout = telephonyLayout(parseHidDescriptor(bytesFromHex(hex)));
    expect(layout).toBeDefined();
    const device = Object.assign(new EventEmitter(), { written: [] as number[][] });
    const headset = new HeadsetSession(
      Object.assign(device, { write: (r: number[]) => device.written.push(r) }),
      layout!,
      headsetCalls(controller),
      silentLogger,
    );
    // Jabra Evolve: input report 2, the hook switch is its first bit (from the descriptor's items).
    const hook = (offHook: boolean) => device.emit('data', Buffer.from([2, offHook ? 1 : 0, 0]));

    const callId = `headset-${Date.now()}`;
    const ringing = responseTo(callId, /^SIP\/2\.0 180/);
    pbx.send(inviteFrom(traces[0]!, callId));
    await ringing;
    headset.show(headsetIndicators(controller.list()));
    expect(headsetIndicators(controller.list())).toMatchObject({ ring: true, offHook: false });
    // The ring LED (bit 2) and the ringer (bit 5) of output report 2 are lit.
    expect(device.written.at(-1)).toEqual([2, 0b100100, 0]);

    const ok = responseTo(callId, /^SIP\/2\.0 200/);
    hook(true);
    const answer = await ok;
    pbx.send(ackFor(answer));
    await waitFor(() => controller.list()[0]?.state === 'active');
    expect(headsetIndicators(controller.list())).toMatchObject({ ring: false, offHook: true });

    const bye = pbx.next((m) => m.startsWith('BYE ') && m.includes(callId), 5000);
    hook(false);
    await bye;
    await waitFor(() => calls[0]?.state === 'ended');
    expect(calls[0]).toMatchObject({ endCause: 'localHangup' });
  });
});
