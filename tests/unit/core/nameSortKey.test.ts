import { describe, expect, it } from 'vitest';
import { nameSortKey } from '../../../src-main/core/clients/nameSortKey';

const sorted = (names: string[]) =>
  [...names].sort((a, b) => {
    const [ka, kb] = [nameSortKey(a), nameSortKey(b)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

describe('name sort key', () => {
  it('orders names as the Ukrainian alphabet does, whatever the case', () => {
    expect(
      sorted([
        'Їжак',
        'ігнатенко',
        'Ґудзь',
        'Гнатюк',
        'Євтух',
        'Ельвіра',
        'Иваненко',
        'ЯРОШ',
        'Антон',
      ]),
    ).toEqual([
      'Антон',
      'Гнатюк',
      'Ґудзь',
      'Ельвіра',
      'Євтух',
      'Иваненко',
      'ігнатенко',
      'Їжак',
      'ЯРОШ',
    ]);
  });

  it('ignores apostrophes in any spelling, and reads Russian letters next to their Ukrainian ones', () => {
    const key = nameSortKey("Мар'яна");
    expect(nameSortKey('Мар’яна')).toBe(key);
    expect(nameSortKey('Марʼяна')).toBe(key);
    expect(nameSortKey('Мар`яна')).toBe(key);
    expect(sorted(['Эдуард', 'Ельвіра', 'Євген'])).toEqual(['Ельвіра', 'Эдуард', 'Євген']);
  });

  it('lower-cases the rest as the whole name would be, even where a letter depends on its neighbours', () => {
    // Σ is ς at the end of a word; İ lowers to two units; 𐐀 is a surrogate pair with a lower case.
    for (const name of ['ΟΔΥΣΣΕΥΣ Σ', 'İzmir', '𐐀𐐁 Ґудзь', 'O’Neil', 'ABC abc 123']) {
      const lower = name.toLowerCase().replace(/['’ʼ`]/g, '');
      expect(nameSortKey(name).replace(/[\ue000-\ue0ff]/g, '')).toBe(
        lower.replace(/[а-яґєіїёыэъ]/g, ''),
      );
    }
  });
});
