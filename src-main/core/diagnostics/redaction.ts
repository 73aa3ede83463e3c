/**
 * What may leave the workstation in a diagnostics bundle: text with phone
 * numbers shown the way the call log masks them (+38067•••••67), the
 * digest answers and display names of SIP messages removed. Applied to
 * everything the bundle takes: SIP messages, logs.
 */

/** A run of 7 or more digits (optionally after +) keeps its first 4 and last 2 characters. */
export function maskNumbers(text: string): string {
  return text.replace(
    /\+?\d{7,}/g,
    (run) => `${run.slice(0, 4)}${'•'.repeat(run.length - 6)}${run.slice(-2)}`,
  );
}

const authorizationHeader = /^((?:Proxy-)?Authorization|Authorization)\s*:.*$/gim;
/** Headers whose value may open with a person's name: `"Коваленко Ірина" <sip:…>`. */
const namedHeader =
  /^(From|To|Contact|P-Asserted-Identity|P-Preferred-Identity|Remote-Party-ID|Referred-By|Refer-To|Diversion|f|t|m)(\s*:\s*)(?:"(?:[^"\\]|\\.)*"|[^<\r\n]*?)\s*</gim;

/** SDP lines that carry a secret: ICE's password, SDES keys. */
const sdpSecret = /^(a=ice-pwd:|a=crypto:\d+ \S+ inline:)\S+/gim;

export function redactSipMessage(message: string): string {
  return maskNumbers(
    message
      .replace(authorizationHeader, (_all, name: string) => `${name}: Digest <redacted>`)
      .replace(sdpSecret, (_all, line: string) => `${line}<redacted>`)
      .replace(namedHeader, (_all, name: string, colon: string) => `${name}${colon}<`),
  );
}
