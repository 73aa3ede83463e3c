import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOffer } from '../../../src-main/core/telephony/offerCheck';
import { sharedDir } from '../../support/kamailio';

// Offers recorded from real systems (JsSIP in Chrome, Kamailio with rtpengine, RingCentral).
const tracesDir = path.join(sharedDir, 'fixtures/sip/traces');
const offers = readdirSync(tracesDir)
  .filter((f) => f.endsWith('.sip'))
  .sort()
  .map((f) => {
    const text = readFileSync(path.join(tracesDir, f), 'latin1').replace(/\r?\n/g, '\r\n');
    return [f, text.slice(text.indexOf('\r\n\r\n') + 4)] as const;
  });
const real = offers[2]![1];

describe('an inbound offer, checked before anything rings', () => {
  it.each(offers)('takes the real offer in %s', (_file, sdp) => {
    expect(checkOffer(sdp)).toBeUndefined();
  });

  it('refuses an empty fingerprint, or none, with 488 and says DTLS-SRTP is needed', () => {
    const empty = real.replace(/a=fingerprint:sha-1 [^\r]*/, 'a=fingerprint:sha-1 ');
    expect(checkOffer(empty)).toMatchObject({ problem: 'noFingerprint', status: 488 });
    expect(checkOffer(empty)?.warning).toContain('DTLS');
    const none = real.replace(/a=fingerprint:[^\r]*\r\n/, '');
    expect(checkOffer(none)).toMatchObject({ problem: 'noFingerprint', status: 488 });
  });

  it('refuses SDES keys alone (a=crypto without a fingerprint), saying so', () => {
    const sdes = real
      .replace(/a=fingerprint:[^\r]*\r\n/, '')
      .replace('RTP/SAVPF', 'RTP/SAVP')
      .replace(
        'a=sendrecv',
        'a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\na=sendrecv',
      );
    expect(checkOffer(sdes)).toMatchObject({ problem: 'sdesOnly', status: 488 });
  });

  it('takes a fingerprint given for the whole session rather than the audio', () => {
    const fingerprint = /a=fingerprint:[^\r]*\r\n/.exec(real)![0];
    const atSession = real.replace(fingerprint, '').replace('t=0 0\r\n', `t=0 0\r\n${fingerprint}`);
    expect(checkOffer(atSession)).toBeUndefined();
  });

  it.each([
    ['random text', 'hello, this is not SDP'],
    ['no version line', real.replace('v=0\r\n', '')],
    ['a line that is not type=value', real.replace('s=SmcSip', 's=SmcSip\r\nGARBAGE LINE')],
    ['no origin', real.replace(/o=[^\r]*\r\n/, '')],
  ])('answers 400 to a session description that is not SDP (%s)', (_what, sdp) => {
    expect(checkOffer(sdp)).toMatchObject({ problem: 'malformed', status: 400 });
  });

  it('refuses an offer without audio, or with its audio turned off (port 0)', () => {
    expect(checkOffer(real.replace('m=audio 29768', 'm=video 29768'))).toMatchObject({
      problem: 'noAudio',
    });
    expect(checkOffer(real.replace('m=audio 29768', 'm=audio 0'))).toMatchObject({
      problem: 'noAudio',
    });
  });

  it('refuses a 100 KB offer as too large, before reading it', () => {
    const huge = `${real}${'a=candidate:1 1 UDP 2130706431 10.0.0.1 9 typ host\r\n'.repeat(2000)}`;
    expect(checkOffer(huge)).toMatchObject({ problem: 'tooLarge', status: 488 });
  });
});
