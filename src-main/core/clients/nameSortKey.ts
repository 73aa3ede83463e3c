/**
 * A key that sorts names in Ukrainian alphabetical order under SQLite's plain
 * binary collation (better-sqlite3 cannot register ICU collations): Ґ after Г,
 * Є after Е, І and Ї after И. Letters map into a private-use range in alphabet
 * order; everything else keeps its code point, lower-cased.
 */
const alphabet = 'аабвгґдеєжзиіїйклмнопрстуфхцчшщьюя'.slice(1);
const russianExtras: Record<string, string> = { ё: 'е', ы: 'и', э: 'е', ъ: 'ь' };
const keyOf = new Map<string, string>();
// The alphabet is all in the Basic Multilingual Plane: one code unit a letter.
for (let index = 0; index < alphabet.length; index++) {
  keyOf.set(alphabet.charAt(index), String.fromCharCode(0xe000 + index * 2));
}
for (const [letter, near] of Object.entries(russianExtras)) {
  // Just after the Ukrainian letter it is read as.
  keyOf.set(letter, String.fromCharCode(0xe000 + alphabet.indexOf(near) * 2 + 1));
}

export function nameSortKey(name: string): string {
  let key = '';
  for (const ch of name.toLowerCase().replace(/['’ʼ`]/g, '')) key += keyOf.get(ch) ?? ch;
  return key;
}
