import { parse } from 'sdp-transform';

/** Why an inbound call's offer cannot be taken: the caller is refused at once, never rung. */
export type OfferProblem = 'malformed' | 'tooLarge' | 'noAudio' | 'noFingerprint' | 'sdesOnly';

export interface OfferRefusal {
  problem: OfferProblem;
  /** 400 for an offer that is not SDP at all, 488 for one Pult cannot take. */
  status: 400 | 488;
  /** For the Warning header (RFC 3261 20.43) and the log. */
  warning: string;
}

/** Larger than any real offer (a WebRTC one with many codecs and candidates is under 10 KB). */
export const maxOfferBytes = 64 * 1024;

/**
 * Whether the window's WebRTC could take this offer, decided while the INVITE
 * is still being handled, before anything rings: the session description must
 * be SDP (RFC 8866: v=, o=, s=, every line "x=…"), offer audio, and secure it
 * with DTLS-SRTP (a fingerprint with its hash, RFC 8122), which is all WebRTC
 * speaks; SDES keys (a=crypto) alone, plain RTP or an empty fingerprint are
 * refused with 488 and a Warning saying which. sdp-transform reads the lines.
 */
export function checkOffer(body: string): OfferRefusal | undefined {
  if (Buffer.byteLength(body, 'utf8') > maxOfferBytes)
    return { problem: 'tooLarge', status: 488, warning: 'session description too large' };
  const lines = body.split(/\r?\n/).filter((line) => line !== '');
  if (
    lines[0] !== 'v=0' ||
    !lines.some((line) => line.startsWith('o=')) ||
    !lines.some((line) => line.startsWith('s=')) ||
    lines.some((line) => !/^[a-z]=/.test(line))
  )
    return { problem: 'malformed', status: 400, warning: 'malformed session description' };
  const sdp = parse(body);
  const audio = sdp.media.filter((m) => m.type === 'audio' && m.port !== 0);
  if (audio.length === 0)
    return { problem: 'noAudio', status: 488, warning: 'no audio stream offered' };
  const sessionFingerprint = sdp.fingerprint?.hash;
  const secured = audio.some((m) => {
    const hash = m.fingerprint?.hash ?? sessionFingerprint;
    return hash !== undefined && /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2})+$/.test(hash.trim());
  });
  if (secured) return undefined;
  if (audio.some((m) => (m.crypto ?? []).length > 0))
    return {
      problem: 'sdesOnly',
      status: 488,
      warning: 'SDES-SRTP keys only: DTLS-SRTP (a=fingerprint) is required',
    };
  return {
    problem: 'noFingerprint',
    status: 488,
    warning: 'no DTLS fingerprint: DTLS-SRTP is required',
  };
}
