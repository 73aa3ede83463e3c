import { describe, expect, it } from 'vitest';
import { doubtfulNames } from '../../../src-shared/clients/nameColumnCheck';

describe('the column mapped to the name', () => {
  it.each([
    [
      [
        'Коваленко Ірина Петрівна',
        'Шевченко Олег',
        "Мар'яна Ґудзь",
        'Іваненко І. П.',
        'Smith John',
      ],
    ],
    [['ТОВ «Ромашка» Петренко', 'Ковальчук Андрій', 'Бондар Олена']],
    [['Іваненко І. П.', 'Петренко О.', 'Сидоренко А. В.', 'Бондар Л.']],
    [['Олена', 'Петро']], // too few to judge
  ])('is taken as names: %j', (samples) => {
    expect(doubtfulNames(samples)).toEqual([]);
  });

  it.each([
    [
      ['admin.', 'admin.', 'менеджер', 'admin.', 'бухгалтер'],
      ['admin.', 'менеджер', 'бухгалтер'],
    ],
    [
      ['olena@example.com', 'petro@example.com', 'ira@example.com'],
      ['olena@example.com', 'petro@example.com', 'ira@example.com'],
    ],
    [
      ['067 123 45 67', '050 111 22 33', '093 000 00 00'],
      ['067 123 45 67', '050 111 22 33', '093 000 00 00'],
    ],
    // Two-word values that repeat through the column are a department or a city, not people.
    [
      [
        'Відділ продажів',
        'Відділ продажів',
        'Технічна підтримка',
        'Відділ продажів',
        'Технічна підтримка',
        'Відділ продажів',
      ],
      ['Відділ продажів', 'Технічна підтримка'],
    ],
  ])('is doubted, with examples: %j', (samples, examples) => {
    expect(doubtfulNames(samples)).toEqual(examples);
  });
});
