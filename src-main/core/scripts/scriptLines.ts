import { normalizePhone } from '../phones/phoneNumbers';

export interface ScriptLine {
  /** As people write it: "0 800 300 500", "+380443334455", "2001". */
  line: string;
  /** The script's name. */
  script: string;
}

/** A number in one form for comparing: E.164 when it is a phone number, else its digits and signs. */
function comparable(number: string): string {
  const phone = normalizePhone(number);
  return phone.ok ? phone.e164 : number.replace(/[\s().-]/g, '').toLowerCase();
}

/**
 * The script IT's policy gives the line a call came in on; undefined when the
 * line is not listed (the operator picks one). The first listed match wins.
 */
export function scriptForLine(
  lines: readonly ScriptLine[],
  line: string | null,
): string | undefined {
  if (line === null || line === '') return undefined;
  const dialled = comparable(line);
  return lines.find((entry) => comparable(entry.line) === dialled)?.script;
}
