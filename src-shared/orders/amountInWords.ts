/**
 * A sum said as the operator reads it back to the client: the hryvnias in
 * words, the kopiyky in figures ("двісті сорок гривень 50 копійок"), as
 * Ukrainian invoices write it. Hand-written: n2words 4.0, the one library
 * with Ukrainian, writes a Latin "i" inside Cyrillic words ("двiстi").
 * Hryvnia and thousand are feminine (одна гривня, дві тисячі).
 */

const ones = {
  masculine: ['', 'один', 'два', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять"],
  feminine: ['', 'одна', 'дві', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять"],
};
const teens = [
  'десять',
  'одинадцять',
  'дванадцять',
  'тринадцять',
  'чотирнадцять',
  "п'ятнадцять",
  'шістнадцять',
  'сімнадцять',
  'вісімнадцять',
  "дев'ятнадцять",
];
const tens = [
  '',
  '',
  'двадцять',
  'тридцять',
  'сорок',
  "п'ятдесят",
  'шістдесят',
  'сімдесят',
  'вісімдесят',
  "дев'яносто",
];
const hundreds = [
  '',
  'сто',
  'двісті',
  'триста',
  'чотириста',
  "п'ятсот",
  'шістсот',
  'сімсот',
  'вісімсот',
  "дев'ятсот",
];

type Gender = keyof typeof ones;
/** Forms for 1, for 2–4 and for 5–20 (and 0). */
type Forms = readonly [string, string, string];

const scales: readonly { forms: Forms; gender: Gender }[] = [
  { forms: ['тисяча', 'тисячі', 'тисяч'], gender: 'feminine' },
  { forms: ['мільйон', 'мільйони', 'мільйонів'], gender: 'masculine' },
  { forms: ['мільярд', 'мільярди', 'мільярдів'], gender: 'masculine' },
];

/** The form a count takes: 1 гривня, 2 гривні, 5 гривень, 11 гривень, 21 гривня. */
export function pluralUk(n: number, forms: Forms): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

function belowThousand(n: number, gender: Gender): string[] {
  const words = [hundreds[Math.floor(n / 100)] ?? ''];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(teens[rest - 10] ?? '');
  else words.push(tens[Math.floor(rest / 10)] ?? '', ones[gender][rest % 10] ?? '');
  return words.filter((word) => word !== '');
}

/** A whole number in Ukrainian words, of the gender of what it counts. */
export function numberInWordsUk(n: number, gender: Gender = 'masculine'): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  if (n === 0) return 'нуль';
  const words: string[] = [];
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    if (i === 0) words.push(...belowThousand(group, gender));
    else {
      const scale = scales[i - 1];
      if (scale === undefined) throw new RangeError(`too large: ${n}`);
      words.push(...belowThousand(group, scale.gender), pluralUk(group, scale.forms));
    }
  }
  return words.join(' ');
}

const englishOnes = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const englishTens = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];

function numberInWordsEn(n: number): string {
  if (n === 0) return 'zero';
  const say = (k: number): string => {
    const words: string[] = [];
    if (k >= 100) words.push(`${englishOnes[Math.floor(k / 100)]} hundred`);
    const rest = k % 100;
    if (rest >= 20)
      words.push(
        [englishTens[Math.floor(rest / 10)], englishOnes[rest % 10]].filter(Boolean).join('-'),
      );
    else if (rest > 0) words.push(englishOnes[rest] ?? '');
    return words.join(' ');
  };
  const names = ['', 'thousand', 'million', 'billion'];
  const parts: string[] = [];
  for (let i = 0, rest = n; rest > 0; i++, rest = Math.floor(rest / 1000))
    if (rest % 1000 > 0) parts.unshift([say(rest % 1000), names[i]].filter(Boolean).join(' '));
  return parts.join(' ');
}

/** "двісті сорок гривень 50 копійок"; "two hundred forty hryvnias 50 kopiyky". */
export function amountInWords(kop: number, language: 'uk' | 'en'): string {
  if (!Number.isSafeInteger(kop) || kop < 0) throw new RangeError(`not a sum in kopiyky: ${kop}`);
  const hryvnias = Math.floor(kop / 100);
  const rest = kop % 100;
  const kopiyky = String(rest).padStart(2, '0');
  if (language === 'en')
    return `${numberInWordsEn(hryvnias)} ${hryvnias === 1 ? 'hryvnia' : 'hryvnias'} ${kopiyky} ${rest === 1 ? 'kopiyka' : 'kopiyky'}`;
  return `${numberInWordsUk(hryvnias, 'feminine')} ${pluralUk(hryvnias, ['гривня', 'гривні', 'гривень'])} ${kopiyky} ${pluralUk(rest, ['копійка', 'копійки', 'копійок'])}`;
}
