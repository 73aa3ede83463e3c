/**
 * A phone number as lists show it: enough to tell numbers apart, not enough to
 * copy down. The full number is on the client card, where it is needed.
 */
export function maskPhone(e164: string): string {
  if (e164.length < 8) return '•'.repeat(e164.length);
  return `${e164.slice(0, 6)}${'•'.repeat(e164.length - 8)}${e164.slice(-2)}`;
}

/**
 * A caller's number in a log: masked when it is a phone number (8 digits or
 * more), as typed when it is an extension or a service number, which say
 * nothing about a person.
 */
export function maskCallerNumber(number: string): string {
  return number.replace(/\D/g, '').length >= 8 ? maskPhone(number) : number;
}

/**
 * A number for a spreadsheet: Ukrainian numbers the way people here write them
 * ("067 111 22 33"), which Excel keeps as text; others in E.164.
 */
export function phoneForExport(e164: string): string {
  const m = /^\+380(\d{2})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m === null ? e164 : `0${m[1]} ${m[2]} ${m[3]} ${m[4]}`;
}
