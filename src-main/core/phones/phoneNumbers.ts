import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneResult =
  { ok: true; e164: string; searchTokens: string } | { ok: false; reason: 'empty' | 'invalid' };

/**
 * A number as a bulk import carries it: `searchTokens` is null when they are
 * a Ukrainian number's usual forms (`ukrainianSearchTokens`), which whoever
 * needs them makes from the e164 (SQLite, in the import's writer). A million
 * rows then build, copy between threads and compare no token strings.
 */
export type ParsedPhone =
  | { ok: true; e164: string; searchTokens: string | null }
  | { ok: false; reason: 'empty' | 'invalid' };

const uaValidity = new Map<number, boolean>();

/**
 * Ukrainian numbers arrive in many spellings: "067 123 45 67", "+380671234567",
 * "0671234567", "80671234567" (the old long-distance prefix), "(067) 123-45-67".
 * They are recognised by shape here and checked against libphonenumber's full
 * metadata once per leading five digits: Ukraine's numbering plan decides
 * validity by the first three national digits, so the cache is exact, and an
 * import of a million numbers does not parse a million numbers.
 */
function ukrainianNational(digits: string, hadPlus: boolean): string | undefined {
  if (hadPlus)
    return digits.length === 12 && digits.startsWith('380') ? digits.slice(3) : undefined;
  if (digits.length === 12 && digits.startsWith('380')) return digits.slice(3);
  if (digits.length === 11 && digits.startsWith('80')) return digits.slice(2);
  if (digits.length === 10 && digits.startsWith('0')) return digits.slice(1);
  return undefined;
}

function isValidUkrainian(national: string): boolean {
  let key = 0;
  for (let at = 0; at < 5; at++) key = key * 10 + (national.charCodeAt(at) - 48);
  let valid = uaValidity.get(key);
  if (valid === undefined) {
    valid = parsePhoneNumberFromString(`+380${national}`)?.isValid() ?? false;
    uaValidity.set(key, valid);
  }
  return valid;
}

/** The digit forms search matches a number by: international, with the trunk prefix, bare national. */
export function searchTokensFor(e164: string, national: string, trunk: string): string {
  const international = e164.slice(1);
  return `${international} ${trunk}${national} ${national}`;
}

/** A Ukrainian number's digit forms: +380671234567 is found as 380671234567, 0671234567 and 671234567. */
export function ukrainianSearchTokens(e164: string): string {
  return searchTokensFor(e164, e164.slice(4), '0');
}

/** Normalises what a person typed to E.164, with the digit forms search should match. */
export function normalizePhone(raw: string, defaultRegion: CountryCode = 'UA'): PhoneResult {
  const phone = parsePhone(raw, defaultRegion);
  if (!phone.ok) return phone;
  return {
    ok: true,
    e164: phone.e164,
    searchTokens: phone.searchTokens ?? ukrainianSearchTokens(phone.e164),
  };
}

/** Normalises what a person typed to E.164; the digit forms only where they are not the usual ones. */
export function parsePhone(raw: string, defaultRegion: CountryCode = 'UA'): ParsedPhone {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (trimmed.length > 40) return { ok: false, reason: 'invalid' };
  const hadPlus = trimmed.startsWith('+') || trimmed.startsWith('00');
  const digits = trimmed.replace(/\D/g, '').replace(/^00/, '');
  if (defaultRegion === 'UA' || (hadPlus && digits.startsWith('380'))) {
    const national = ukrainianNational(digits, hadPlus);
    if (national !== undefined) {
      if (!isValidUkrainian(national)) return { ok: false, reason: 'invalid' };
      return { ok: true, e164: `+380${national}`, searchTokens: null };
    }
  }
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion);
  if (parsed === undefined || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  const national = parsed.nationalNumber;
  const trunk = parsed.formatNational().replace(/\D/g, '').slice(0, -national.length);
  return {
    ok: true,
    e164: parsed.number,
    searchTokens: searchTokensFor(parsed.number, national, trunk),
  };
}

/** Digits of a query if it looks like a phone number ("067 123", "+38 067-1"), else undefined. */
export function phoneQueryDigits(query: string): string | undefined {
  const compact = query.replace(/[\s\-().]/g, '');
  if (!/^\+?\d{3,}$/.test(compact)) return undefined;
  return compact.replace(/^\+/, '');
}
