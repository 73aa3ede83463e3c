import type { JobDatabase } from '../../../src-main/core/clients/fileJobs/fileJobTypes';
import { encryptedTempBase, testFileJobs } from '../../support/fileJobBase';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { redactSipMessage } from '../../../src-main/core/diagnostics/redaction';
import { SipTrace } from '../../../src-main/core/diagnostics/sipTrace';
import { ConnectionTimings } from '../../../src-main/core/diagnostics/connectionTimings';
import { emptyPolicy } from '../../../src-main/core/settings/machinePolicy';
import { sharedDir } from '../../support/kamailio';
import { addClient } from '../../support/orderFixtures';

const runner = testFileJobs('diagnostics');
let dir: string;
let db: PultDatabase;
let database: JobDatabase;

beforeAll(async () => {
  ({ dir, db, database } = await encryptedTempBase('diagnostics'));
  addClient(db, 'Коваленко Ірина Петрівна'); // her phone: +380671234567
});
afterAll(async () => {
  await db.close();
});

// A real INVITE (a JsSIP trace) as a client's call would carry it: her name and number.
const recorded = readFileSync(
  path.join(sharedDir, 'fixtures/sip/traces/01-jssip3.1.2-chrome-to-kamailio-wss-invite.sip'),
  'utf8',
);
const invite = recorded
  .replace(/^From: .*$/m, 'From: "Коваленко Ірина" <sip:+380671234567@pbx.example>;tag=a7690j0fn2')
  .replace(/^To: .*$/m, 'To: <sip:0671234567@pbx.example>')
  .replace(
    /\r?\n\r?\n/,
    '\r\nP-Asserted-Identity: Коваленко <sip:380671234567@pbx.example>\r\n\r\n',
  );
const digest = 'f3c1a0b0e5d4c3b2a1f0e9d8c7b6a5f4';
const register = [
  'REGISTER sip:pbx.example SIP/2.0',
  'From: "Оператор Марія" <sip:agent1@pbx.example>;tag=x',
  `Authorization: Digest username="agent1", realm="pbx.example", nonce="abc", uri="sip:pbx.example", response="${digest}"`,
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

describe('the diagnostics bundle', () => {
  it('holds what IT needs and no password, digest, full phone number or client name', async () => {
    const trace = new SipTrace({ now: () => new Date('2026-12-06T10:00:00Z') });
    const timings = new ConnectionTimings({ now: () => new Date('2026-12-06T10:00:00Z') });
    timings.record({ kind: 'registration', ms: 212.4, result: 'registered' });
    timings.record({ kind: 'ice', ms: 1830.7, result: 'connected' });
    trace.record('out', register);
    trace.record('in', new TextEncoder().encode(invite).buffer);
    const log = path.join(dir, 'main.log');
    writeFileSync(
      log,
      '[info] call from +380671234567 answered\n[info] started {"version":"0.1.0"}\n',
    );
    const file = path.join(dir, 'diagnostics.zip');
    const { entries } = await runner.run({
      task: 'diagnosticsBundle',
      file,
      database,
      parts: {
        about: { name: 'Pult', version: '0.1.0', platform: 'linux' },
        policy: emptyPolicy,
        updates: {
          running: '0.1.0',
          ring: 'broad',
          state: { kind: 'ready', version: '0.2.0', heldBy: 'call', installOnQuit: false },
        },
        sync: {
          configured: true,
          server: 'db.center.local:5432/pult',
          pending: 3,
          refused: 1,
          lastError: '57P01: terminating connection due to administrator command',
        },
        status: { sip: { state: 'registered' } },
        stalls: { longestMs: 12 },
        sipTrace: trace.text(),
        timings: timings.list(),
        headsets: [
          { id: 'jabra', product: 'Jabra BIZ 2400 II', claimed: true, descriptor: '05010b05' },
        ],
        audioDevices: [{ kind: 'audioinput', label: 'Jabra BIZ 2400 II' }],
        // The rotated log is not there yet: left out, not an error.
        logFiles: [path.join(dir, 'main.old.log'), log],
      },
    });
    const zip = unzipSync(new Uint8Array(readFileSync(file)));
    expect(Object.keys(zip).sort()).toEqual([
      'about.json',
      'audio-devices.json',
      'connection-timings.json',
      'database.json',
      'headsets.json',
      'logs/main.log',
      'main-stalls.json',
      'policy.json',
      'sip-trace.txt',
      'status.json',
      'sync.json',
      'updates.json',
    ]);
    expect(entries).toBe(12);
    expect(JSON.parse(strFromU8(zip['sync.json']!))).toMatchObject({ pending: 3, refused: 1 });
    const all = Object.values(zip)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    for (const secret of [
      digest,
      'M0YbtroY0RmwffhCDT1lInJH', // the INVITE's ICE password
      '+380671234567',
      '380671234567',
      '0671234567',
      'Коваленко',
      'Ірина',
      'Оператор Марія',
    ])
      expect(all).not.toContain(secret);

    const sip = strFromU8(zip['sip-trace.txt']!);
    expect(sip).toContain('>>> sent\nREGISTER sip:pbx.example SIP/2.0');
    expect(sip).toContain('Authorization: Digest <redacted>');
    expect(sip).toContain('<<< received\nINVITE sip:john@3.218.143.160 SIP/2.0');
    expect(sip).toContain('From: <sip:+380•••••••67@pbx.example>;tag=a7690j0fn2');
    expect(strFromU8(zip['logs/main.log']!)).toContain('call from +380•••••••67 answered');
    expect(JSON.parse(strFromU8(zip['connection-timings.json']!))).toEqual([
      { at: '2026-12-06T10:00:00.000Z', kind: 'registration', ms: 212, result: 'registered' },
      { at: '2026-12-06T10:00:00.000Z', kind: 'ice', ms: 1831, result: 'connected' },
    ]);
    expect(JSON.parse(strFromU8(zip['headsets.json']!))).toEqual([
      { id: 'jabra', product: 'Jabra BIZ 2400 II', claimed: true, descriptor: '05010b05' },
    ]);
    const base = JSON.parse(strFromU8(zip['database.json']!)) as {
      integrity: string[];
      tables: { name: string; rows: number }[];
      sizeBytes: number;
    };
    expect(base.integrity).toEqual(['ok']);
    expect(base.tables).toContainEqual({ name: 'clients', rows: 1 });
    expect(base.sizeBytes).toBeGreaterThan(0);
  });

  it('redacts the headers that name people, in their compact forms too', () => {
    expect(redactSipMessage('f: Іван <sip:101@pbx>;tag=1\r\nm: "Іван" <sip:101@1.2.3.4>')).toBe(
      'f: <sip:101@pbx>;tag=1\r\nm: <sip:101@1.2.3.4>',
    );
    expect(redactSipMessage('Proxy-Authorization: Digest response="x"')).toBe(
      'Proxy-Authorization: Digest <redacted>',
    );
    expect(
      redactSipMessage(
        'a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR',
      ),
    ).toBe('a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:<redacted>');
  });
});
