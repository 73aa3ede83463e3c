import type { CountryCode } from 'libphonenumber-js';
import { normalizePhone } from '../phones/phoneNumbers';

export interface DialRules {
  region: CountryCode;
  /** How the PBX wants external numbers: +380671234567, 380671234567 or 0671234567. */
  format: 'e164' | 'international' | 'national';
  /** Dialled before an external number (an outside-line digit), '' for none. */
  externalPrefix: string;
  /** Internal numbers (department lines, colleagues) are this short or shorter and dialled as typed. */
  maxExtensionLength: number;
}

export const defaultDialRules: DialRules = {
  region: 'UA',
  format: 'e164',
  externalPrefix: '',
  maxExtensionLength: 6,
};

/**
 * A number as the operator typed it or as the client base holds it, in the
 * form the PBX dials. Extensions pass unchanged; anything else must be a
 * valid phone number, so a typo never rings a stranger.
 */
export function toDialTarget(
  typed: string,
  rules: DialRules = defaultDialRules,
): string | undefined {
  const compact = typed.replace(/[\s().-]/g, '');
  if (/^[0-9*#]+$/.test(compact) && compact.length <= rules.maxExtensionLength) return compact;
  const phone = normalizePhone(typed, rules.region);
  if (!phone.ok) return undefined;
  const international = phone.e164.slice(1);
  const formatted =
    rules.format === 'e164'
      ? phone.e164
      : rules.format === 'international'
        ? international
        : nationalOf(phone.e164, rules.region);
  return `${rules.externalPrefix}${formatted}`;
}

function nationalOf(e164: string, region: CountryCode): string {
  // Ukraine's trunk prefix is 0; elsewhere the number is dialled internationally.
  if (region === 'UA' && e164.startsWith('+380')) return `0${e164.slice(4)}`;
  return e164.slice(1);
}
