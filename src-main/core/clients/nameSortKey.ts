/**
 * A key that sorts names in Ukrainian alphabetical order under SQLite's plain
 * binary collation (better-sqlite3 cannot register ICU collations): Ґ after Г,
 * Є after Е, І and Ї after И. Letters map into a private-use range in alphabet
 * order; everything else keeps its code point, lower-cased; apostrophes go.
 */
const alphabet = 'аабвгґдеєжзиіїйклмнопрстуфхцчшщьюя'.slice(1);
const russianExtras: Record<string, string> = { ё: 'е', ы: 'и', э: 'е', ъ: 'ь' };
const apostrophes = "'’ʼ`";

function letterKey(lower: string): string | undefined {
  const index = alphabet.indexOf(lower);
  if (index >= 0) return String.fromCharCode(0xe000 + index * 2);
  const near = russianExtras[lower];
  // Just after the Ukrainian letter it is read as.
  if (near !== undefined) return String.fromCharCode(0xe000 + alphabet.indexOf(near) * 2 + 1);
  return undefined;
}

/** The whole-string way: lower-case the name, then key letter by letter. */
function slowKey(name: string): string {
  let key = '';
  for (const ch of name.toLowerCase()) {
    if (!apostrophes.includes(ch)) key += letterKey(ch) ?? ch;
  }
  return key;
}

// What each UTF-16 unit of a name becomes, lower-casing included, so an import
// keys a million names without lower-casing each first: a code unit, or -1 for
// an apostrophe (dropped). \`null\` marks the units whose lower case depends on
// more than the unit (İ grows to two units, Σ depends on its place in the word,
// surrogates pair up): a name with one goes the whole-string way.
let unitKeys: (number | null)[] | undefined;

function buildUnitKeys(): (number | null)[] {
  const keys = new Array<number | null>(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const ch = String.fromCharCode(unit);
    const lower = ch.toLowerCase();
    const contextual = unit === 0x03a3 || (unit >= 0xd800 && unit <= 0xdfff);
    keys[unit] =
      contextual || lower.length !== 1
        ? null
        : apostrophes.includes(lower)
          ? -1
          : (letterKey(lower) ?? lower).charCodeAt(0);
  }
  return keys;
}

// Reused: the key's units are gathered here and made a string once (adding
// unit by unit would leave a chain of a string object per letter for the
// garbage collector to copy, a million names over).
let units = new Uint16Array(256);

export function nameSortKey(name: string): string {
  unitKeys ??= buildUnitKeys();
  if (name.length > units.length) units = new Uint16Array(name.length);
  let length = 0;
  for (let at = 0; at < name.length; at++) {
    const unit = unitKeys[name.charCodeAt(at)];
    if (unit === null || unit === undefined) return slowKey(name);
    if (unit >= 0) units[length++] = unit;
  }
  return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
}
