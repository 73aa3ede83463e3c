/**
 * Whether the values of the column mapped to the name look like people's
 * names, judged on the preview's sample rows before an import starts. A job
 * title, an e-mail or a phone column mapped as the name would otherwise bring
 * in thousands of "clients" called "admin.", without a word.
 *
 * A full name has at least two words (surname and name or initials, in either
 * order), no digits and no "@". A column is doubted when most of its sample
 * values are not like that, or when a handful of values repeat through it
 * (job titles, departments, cities do; names do not).
 *
 * Returns up to three doubtful values to show the operator, or [] when the
 * column looks right (or there is too little to judge).
 */
export function doubtfulNames(samples: readonly string[]): string[] {
  const values = samples.map((value) => value.normalize('NFC').trim()).filter((v) => v !== '');
  if (values.length < 3) return [];
  const notNames = values.filter((value) => !looksLikeFullName(value));
  const distinct = new Set(values.map((value) => value.toLocaleLowerCase('uk'))).size;
  const repeats = values.length >= 5 && distinct <= values.length / 2;
  if (notNames.length * 2 <= values.length && !repeats) return [];
  const examples = notNames.length > 0 ? notNames : values;
  return [...new Set(examples)].slice(0, 3);
}

function looksLikeFullName(value: string): boolean {
  if (/[\d@]/.test(value) || /:\/\//.test(value)) return false;
  // "Іваненко І. П." is a name too: initials count as words.
  const words = value.split(/[\s,]+/).filter((word) => /\p{L}/u.test(word));
  return words.length >= 2 && words.some((word) => /\p{L}{2,}/u.test(word));
}
