import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWordsUk } from '../../../src-shared/orders/amountInWords';

describe('a sum read back in words', () => {
  it.each([
    [24050, 'двісті сорок гривень 50 копійок'],
    [100, 'одна гривня 00 копійок'],
    [201, 'дві гривні 01 копійка'],
    [522, "п'ять гривень 22 копійки"],
    [1100, 'одинадцять гривень 00 копійок'],
    [2100, 'двадцять одна гривня 00 копійок'],
    [211200, 'дві тисячі сто дванадцять гривень 00 копійок'],
    [100000, 'одна тисяча гривень 00 копійок'],
    [500000, "п'ять тисяч гривень 00 копійок"],
    [2_100_000_00, 'два мільйони сто тисяч гривень 00 копійок'],
    [0, 'нуль гривень 00 копійок'],
  ])('%i kopiyky: %s', (kop, words) => {
    expect(amountInWords(kop, 'uk')).toBe(words);
  });

  it('is written in Cyrillic letters only (no Latin “i” inside a word)', () => {
    for (let n = 0; n < 3000; n += 7) expect(numberInWordsUk(n)).toMatch(/^[а-яіїєґ' ]+$/);
  });

  it('in English too', () => {
    expect(amountInWords(24050, 'en')).toBe('two hundred forty hryvnias 50 kopiyky');
    expect(amountInWords(100101, 'en')).toBe('one thousand one hryvnias 01 kopiyka');
  });

  it('refuses what is not a sum in kopiyky', () => {
    expect(() => amountInWords(1.5, 'uk')).toThrow(RangeError);
    expect(() => amountInWords(-1, 'uk')).toThrow(RangeError);
  });
});
