import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-main/core/platform/ports';
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
      expect(status.current().sip.state).toBe('registered');
    },
  );
});
