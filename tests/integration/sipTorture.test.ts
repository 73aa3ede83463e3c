import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallRecords } from '../../src-main/core/calls/callRecords';
import { CallerIdLookup } from '../../src-main/core/clients/callerId';
import type { PultDatabase } from '../../src-main/core/db/database';
import { silentLogger } from '../../src-main/core/platform/ports';
import { CallController } from '../../src-main/core/telephony/callController';
import { LiveCallRegistry } from '../../src-main/core/telephony/liveCallRegistry';
import {
  installJsSipMediaGlobals,
  MediaBridge,
} from '../../src-main/core/telephony/media/mediaBridge';
import type { CallView } from '../../src-shared/telephony/callView';
import { openTempDatabase } from '../support/tempDatabase';
import { answerEveryMediaRequest } from '../support/mediaWindowStub';
import { WorkstationStatusBoard } from '../../src-main/core/status/workstationStatusBoard';
import { SipRegistration } from '../../src-main/core/telephony/sipRegistration';
import { FakePbx } from '../support/fakePbx';
import { agentAccount } from '../support/sipAccounts';
import { sharedDir } from '../support/kamailio';

// RFC 4475's torture messages, byte for byte, from a PBX stand-in to the agent.
const dir = path.join(sharedDir, 'fixtures/sip/rfc4475');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.dat') && f !== 'test.dat')
  .sort();
// RFC 4475 section 3.1.2: must be rejected (400) or dropped, never accepted.
const invalid = new Set([
  'badinv01',
  'clerr',
  'ncl',
  'scalar02',
  'scalarlg',
  'quotbal',
  'ltgtruri',
  'lwsruri',
  'lwsstart',
  'trws',
  'escruri',
  'baddate',
  'regbadct',
  'badaspec',
  'baddn',
  'badvers',
  'mismatch01',
  'mismatch02',
  'bigcode',
]);

let pbx: FakePbx;
let sip: SipRegistration;
let db: PultDatabase;
let calls: CallView[] = [];
const media = new MediaBridge(silentLogger, 2000);
const liveCalls = new LiveCallRegistry();
const status = new WorkstationStatusBoard({ now: () => new Date() });
let pings = 0;

/** The agent is alive if it answers an OPTIONS with 200. */
async function stillAnswers(): Promise<boolean> {
  const callId = `ping-${++pings}`;
  const answer = pbx.next((m) => m.startsWith('SIP/2.0 ') && m.includes(callId));
  pbx.send(
    [
      'OPTIONS sip:agent1@127.0.0.1 SIP/2.0',
      `Via: SIP/2.0/WS 127.0.0.1:5060;branch=z9hG4bK-${callId}`,
      'Max-Forwards: 70',
      'To: <sip:agent1@127.0.0.1>',
      'From: <sip:pbx@127.0.0.1>;tag=pbx',
      `Call-ID: ${callId}`,
      'CSeq: 1 OPTIONS',
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n'),
  );
  return (await answer).startsWith('SIP/2.0 200');
}

beforeAll(async () => {
  pbx = await FakePbx.start();
  sip = new SipRegistration(status, silentLogger, {
    userAgent: 'Pult-test',
    keepaliveSeconds: 3600,
  });
  // Pult's call code on the agent, as in the app: INVITEs reach the call controller, whose
  // window (media) answers every request at once.
  installJsSipMediaGlobals(media);
  media.attach(answerEveryMediaRequest(media));
  db = await openTempDatabase();
  const records = new CallRecords(db.sqlite);
  const callerId = new CallerIdLookup(db.sqlite);
  const controller = new CallController({
    media,
    database: () => Promise.resolve({ records, callerId: (n) => callerId.find(n) }),
    liveCalls,
    clock: { now: () => new Date() },
    logger: silentLogger,
    onChanged: (list) => (calls = list),
  });
  sip.onAgent((ua) => controller.useAgent(ua));
  sip.start(agentAccount(pbx.url), 'pw');
  for (let i = 0; i < 100 && status.current().sip.state !== 'registered'; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(status.current().sip.state).toBe('registered');
});
afterAll(async () => {
  // The two messages with URI schemes JsSIP cannot parse (unkscm, novelsc) were dropped, not thrown.
  expect(sip.dropped).toBe(2);
  sip.stop();
  await pbx.close();
  await db.close();
});

describe('RFC 4475 torture messages sent to the agent', () => {
  it.each(files)(
    '%s: no crash, nothing invalid accepted, the agent still answers',
    async (file) => {
      const bytes = readFileSync(path.join(dir, file));
      const name = file.replace(/\.dat$/, '');
      const callId = /^Call-ID:\s*(\S+)/im.exec(bytes.toString('latin1'))?.[1];
      const before = pbx.received.length;
      pbx.send(bytes);
      expect(await stillAnswers()).toBe(true);
      const answers = pbx.received
        .slice(before)
        .filter((m) => m.startsWith('SIP/2.0 ') && callId !== undefined && m.includes(callId));
      if (invalid.has(name)) {
        expect(answers.filter((m) => /^SIP\/2\.0 2\d\d/.test(m))).toEqual([]);
      }
      // An INVITE reaches Pult's call code: never "405 Method Not Allowed", and nothing left ringing.
      if (bytes.toString('latin1').startsWith('INVITE'))
        expect(answers.filter((m) => m.startsWith('SIP/2.0 405'))).toEqual([]);
      expect(calls.filter((c) => c.state === 'ringing')).toEqual([]);
      expect(liveCalls.count()).toBe(0);
      expect(status.current().sip.state).toBe('registered');
    },
  );
});

/**
 * The message addressed to the agent (Request-URI and To), with a new Call-ID
 * and branches: the first run of the suite sent it already, and a repeated
 * branch is a retransmission, which a transaction absorbs.
 */
function toAgent(bytes: Buffer, callId: string): string {
  const text = bytes.toString('latin1');
  const end = text.indexOf('\r\n');
  return `INVITE sip:agent1@127.0.0.1 SIP/2.0${text.slice(end)}`
    .replace(/^(To|t)\s*:.*$/im, 'To: <sip:agent1@127.0.0.1>')
    .replace(/^((?:Call-ID|i)\s*:\s*)\S+/im, `$1${callId}`)
    .replace(
      /branch\s*=\s*([^\s;,]+)/gi,
      (_m, branch: string) => `branch=z9hG4bK${callId}${branch.length}`,
    );
}

describe("RFC 4475's valid INVITEs, addressed to the agent", () => {
  // Valid SIP (section 3.1.1), and each offers plain RTP (RTP/AVP, no DTLS fingerprint),
  // which WebRTC cannot take: refused at once with 488 and a Warning, never rung. (wsinv's
  // folded To keeps its tag, so it asks for a dialog that does not exist; inv2543, RFC 2543
  // style, has no From tag, and JsSIP drops it: neither reaches the call code.)
  it.each(['esc01', 'longreq'])(
    '%s: 488 with a Warning naming DTLS-SRTP, in the call log as refused, nothing rang',
    async (name) => {
      const bytes = readFileSync(path.join(dir, `${name}.dat`));
      const callId = `agent-${name}-${Date.now()}`;
      const final = pbx.next(
        (m) => m.startsWith('SIP/2.0 ') && m.includes(callId) && !m.startsWith('SIP/2.0 100'),
      );
      pbx.send(toAgent(bytes, callId));
      const response = await final;
      expect(response.split('\r\n')[0]).toBe('SIP/2.0 488 Not Acceptable Here');
      expect(response).toMatch(/^Warning: 399 pult ".*DTLS.*"/m);
      expect(await stillAnswers()).toBe(true);
      expect(calls[0]).toMatchObject({ state: 'ended', endCause: 'offerRefused' });
      expect(liveCalls.count()).toBe(0);
    },
  );

  it.each(['wsinv', 'inv2543'])('%s: nothing rings, and the agent still answers', async (name) => {
    const callId = `agent-${name}-${Date.now()}`;
    const before = pbx.received.length;
    pbx.send(toAgent(readFileSync(path.join(dir, `${name}.dat`)), callId));
    expect(await stillAnswers()).toBe(true);
    const answers = pbx.received.slice(before).filter((m) => m.includes(callId));
    expect(answers.filter((m) => /^SIP\/2\.0 (18\d|2\d\d)/.test(m))).toEqual([]);
    expect(liveCalls.count()).toBe(0);
  });

  it('invut (an unknown body type): 415, and nothing rang', async () => {
    const bytes = readFileSync(path.join(dir, 'invut.dat'));
    const callId = `agent-invut-${Date.now()}`;
    const final = pbx.next((m) => m.startsWith('SIP/2.0 4') && m.includes(callId));
    pbx.send(toAgent(bytes, callId));
    expect((await final).split('\r\n')[0]).toMatch(/^SIP\/2\.0 415/);
    expect(liveCalls.count()).toBe(0);
  });
});
