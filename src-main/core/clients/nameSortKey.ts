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
// keys a million names without lower-casing each first. `null` marks the units
// whose lower case depends on more than the unit (İ grows to two units, Σ
// depends on its place in the word, surrogates pair up): a name with one goes
// the whole-string way.
let unitKeys: (string | null)[] | undefined;

function buildUnitKeys(): (string | null)[] {
  const keys = new Array<string | null>(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const ch = String.fromCharCode(unit);
    const lower = ch.toLowerCase();
    const contextual = unit === 0x03a3 || (unit >= 0xd800 && unit <= 0xdfff);
    keys[unit] =
      contextual || lower.length !== 1
        ? null
        : apostrophes.includes(lower)
          ? ''
          : (letterKey(lower) ?? lower);
  }
  return keys;
}

export function nameSortKey(name: string): string {
  unitKeys ??= buildUnitKeys();
  let key = '';
  for (let at = 0; at < name.length; at++) {
    const unit = unitKeys[name.charCodeAt(at)];
    if (unit === null || unit === undefined) return slowKey(name);
    key += unit;
  }
  return key;
}
