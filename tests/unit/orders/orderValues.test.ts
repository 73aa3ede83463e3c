import { describe, expect, it } from 'vitest';
import { catalogueSchema, type OrderType } from '../../../src-shared/orders/catalogue';
import {
  addressValueSchema,
  blankValues,
  checkOrder,
  formatMoney,
  linesTotal,
  parseMoney,
  type OrderCheckContext,
  type OrderValues,
} from '../../../src-shared/orders/orderValues';

const ctx: OrderCheckContext = {
  today: '2026-12-06',
  now: '10:00',
  products: new Map([
    ['router', { name: 'Роутер', priceKop: 149900 }],
    ['cable', { name: 'Кабель', priceKop: 24050 }],
    ['service', { name: 'Послуга', priceKop: null }],
  ]),
  tariffs: new Map([
    ['inet500', { name: 'Інтернет 500', valid: true }],
    ['old', { name: 'Старий', valid: false }],
  ]),
  phoneOk: (typed) => /^\+?\d[\d\s]{8,}$/.test(typed),
};

/** An order type of one field, as a catalogue would give it. */
function typeOf(field: Record<string, unknown>): OrderType {
  return catalogueSchema.parse({
    format: 'pult-catalogue/1',
    version: 't',
    orderTypes: [
      { code: 't', title: { uk: 'T' }, fields: [{ code: 'f', label: { uk: 'F' }, ...field }] },
    ],
  }).orderTypes[0]!;
}

const problem = (field: Record<string, unknown>, value: OrderValues[string] | undefined) =>
  checkOrder(typeOf(field), value === undefined ? {} : { f: value }, ctx).problems['f'];

const address = (parts: Partial<Record<string, string | boolean>>) =>
  addressValueSchema.parse(parts);

describe('each field of an order is checked for what a client dictates', () => {
  it.each([
    [{ kind: 'text', required: true }, '   ', 'required'],
    [{ kind: 'text' }, '', undefined],
    [{ kind: 'text', minLength: 5 }, 'Ол', 'tooShort'],
    [{ kind: 'text', maxLength: 3 }, 'Олена', 'tooLong'],
    [{ kind: 'text', pattern: '^\\d{8,10}$' }, '1234567', 'patternMismatch'],
    [{ kind: 'text', pattern: '^\\d{8,10}$' }, '12345678', undefined],
    [{ kind: 'number' }, '2,5', 'notANumber'],
    [{ kind: 'number', min: 1, max: 8 }, '0', 'tooSmall'],
    [{ kind: 'number', min: 1, max: 8 }, '9', 'tooLarge'],
    [{ kind: 'number', min: 1, max: 8 }, '4', undefined],
    [{ kind: 'money' }, '240,505', 'notMoney'],
    [{ kind: 'money' }, '-5', 'notMoney'],
    [{ kind: 'money', minKop: 100000 }, '999,99', 'tooSmall'],
    [{ kind: 'money', maxKop: 100000 }, '1 000,01', 'tooLarge'],
    [{ kind: 'money', maxKop: 100000 }, '1 000', undefined],
    [{ kind: 'date' }, '2026-02-30', 'notADate'],
    [{ kind: 'date' }, '30.02.2026', 'notADate'],
    [{ kind: 'date' }, '9.12.2026', undefined],
    [{ kind: 'date' }, '09/12/2026', undefined],
    [{ kind: 'date' }, 'завтра', 'notADate'],
    [{ kind: 'date' }, '2026-12-05', 'dateInPast'],
    [{ kind: 'date', notInPast: false }, '2026-12-05', undefined],
    [{ kind: 'date', maxDaysAhead: 14 }, '2026-12-21', 'dateTooFar'],
    [{ kind: 'date', maxDaysAhead: 14 }, '2026-12-20', undefined],
    [{ kind: 'dateTime' }, '2026-12-06T25:00', 'notATime'],
    [{ kind: 'dateTime' }, '2026-12-06T09:59', 'dateInPast'],
    [{ kind: 'dateTime' }, '2026-12-06T10:30', undefined],
    [{ kind: 'dateTime' }, '06.12.2026 10:30', undefined],
    [{ kind: 'dateTime' }, '06.12.2026 9.59', 'dateInPast'],
    [{ kind: 'dateTime' }, '06.12.2026', 'notATime'],
    [{ kind: 'choice', options: [{ code: 'tv', label: { uk: 'ТБ' } }] }, 'radio', 'notAnOption'],
    [{ kind: 'tariff' }, 'nope', 'unknownTariff'],
    [{ kind: 'tariff' }, 'old', 'tariffNotValid'],
    [{ kind: 'tariff' }, 'inet500', undefined],
    [{ kind: 'phone' }, '12', 'notAPhone'],
    [{ kind: 'document', pattern: '^([А-ЯІЇЄҐ]{2}\\d{6}|\\d{9})$' }, 'KH123456', 'patternMismatch'],
    [{ kind: 'document', pattern: '^([А-ЯІЇЄҐ]{2}\\d{6}|\\d{9})$' }, 'КН123456', undefined],
  ])('%j given %j: %s', (field, value, expected) => {
    expect(problem(field, value)?.problem).toBe(expected);
  });

  it('a time window: a day, a start before the end, long enough, within the hours, not already gone', () => {
    const field = { kind: 'timeWindow', earliest: '09:00', latest: '20:00', minMinutes: 120 };
    const w = (date: string, from: string, to: string) => ({ date, from, to });
    expect(problem(field, w('2026-12-07', '10:00', '12:00'))).toBeUndefined();
    expect(problem(field, w('7.12.2026', '10.00', '12:00'))).toBeUndefined();
    expect(problem(field, w('2026-12-32', '10:00', '12:00'))).toEqual({
      problem: 'notADate',
      part: 'date',
    });
    expect(problem(field, w('2026-12-07', '10-00', '12:00'))).toEqual({
      problem: 'notATime',
      part: 'from',
    });
    expect(problem(field, w('2026-12-07', '12:00', '10:00'))).toEqual({
      problem: 'windowOrder',
      part: 'to',
    });
    expect(problem(field, w('2026-12-07', '10:00', '11:00'))).toEqual({
      problem: 'windowTooShort',
      part: 'to',
    });
    expect(problem(field, w('2026-12-07', '08:00', '10:00'))).toEqual({
      problem: 'windowOutsideHours',
      part: 'from',
    });
    expect(problem(field, w('2026-12-07', '19:00', '21:00'))).toEqual({
      problem: 'windowOutsideHours',
      part: 'to',
    });
    expect(problem(field, w('2026-12-06', '09:00', '11:00'))).toEqual({
      problem: 'dateInPast',
      part: 'from',
    });
  });

  it('an address: a settlement from the codifier, a street and a house (and the entrance for a taxi), or free text with its reason', () => {
    const picked = { settlementCode: 'UA80000000000093317', settlement: 'Київ' };
    expect(
      problem({ kind: 'address' }, address({ ...picked, street: 'Хрещатик', house: '22' })),
    ).toBeUndefined();
    expect(
      problem(
        { kind: 'address' },
        address({ settlement: 'Київ', street: 'Хрещатик', house: '22' }),
      ),
    ).toEqual({
      problem: 'noSettlement',
      part: 'settlement',
    });
    expect(problem({ kind: 'address' }, address({ ...picked, house: '22' }))).toEqual({
      problem: 'noStreet',
      part: 'street',
    });
    expect(problem({ kind: 'address' }, address({ ...picked, street: 'Хрещатик' }))).toEqual({
      problem: 'noHouse',
      part: 'house',
    });
    expect(
      problem(
        { kind: 'address', entrance: true },
        address({ ...picked, street: 'Хрещатик', house: '22' }),
      ),
    ).toEqual({
      problem: 'noEntrance',
      part: 'entrance',
    });
    expect(
      problem({ kind: 'address' }, address({ free: true, freeText: 'траса Київ–Чоп, 45 км, АЗС' })),
    ).toEqual({
      problem: 'freeTextNeedsReason',
      part: 'freeTextReason',
    });
    expect(
      problem({ kind: 'address' }, address({ free: true, freeTextReason: 'немає в кодифікаторі' })),
    ).toEqual({
      problem: 'required',
      part: 'freeText',
    });
    expect(
      problem(
        { kind: 'address' },
        address({
          free: true,
          freeText: 'траса Київ–Чоп, 45 км, АЗС',
          freeTextReason: 'немає в кодифікаторі',
        }),
      ),
    ).toBeUndefined();
  });

  it('catalogue lines: a product with a price, a whole quantity, a discount within the operator’s cap', () => {
    const field = { kind: 'lines', maxDiscountPercent: 10, maxLines: 2 };
    const line = (product: string, quantity: string, discount = '') => ({
      product,
      quantity,
      discount,
    });
    expect(problem(field, [line('router', '1'), line('cable', '2', '10')])).toBeUndefined();
    expect(problem(field, [line('router', '1'), line('nope', '1')])).toEqual({
      problem: 'unknownProduct',
      line: 1,
      part: 'product',
    });
    expect(problem(field, [line('service', '1')])).toEqual({
      problem: 'unknownProduct',
      line: 0,
      part: 'product',
    });
    expect(problem(field, [line('router', '0')])).toEqual({
      problem: 'badQuantity',
      line: 0,
      part: 'quantity',
    });
    expect(problem(field, [line('router', '1,5')])).toEqual({
      problem: 'badQuantity',
      line: 0,
      part: 'quantity',
    });
    expect(problem(field, [line('router', '1', 'x')])).toEqual({
      problem: 'badDiscount',
      line: 0,
      part: 'discount',
    });
    expect(problem(field, [line('router', '1', '11')])).toEqual({
      problem: 'discountOverCap',
      line: 0,
      part: 'discount',
    });
    expect(problem(field, [line('router', '1'), line('cable', '1'), line('router', '1')])).toEqual({
      problem: 'tooManyLines',
    });
    expect(problem({ ...field, required: true }, [line('', '')])).toEqual({ problem: 'required' });
  });
});

describe('money is whole kopiyky', () => {
  it('reads what an operator types and never goes through a float', () => {
    expect(parseMoney('240,50')).toBe(24050);
    expect(parseMoney('240.5')).toBe(24050);
    expect(parseMoney('1 240')).toBe(124000);
    expect(parseMoney('0,1')).toBe(10);
    expect(parseMoney('0.29')).toBe(29);
    expect(parseMoney('1,005')).toBeUndefined();
    expect(parseMoney('')).toBeUndefined();
    expect(formatMoney(124050)).toBe('1\u00a0240,50');
    expect(formatMoney(5)).toBe('0,05');
  });

  it('totals lines to the kopiyka: price × quantity less the discount, rounded half up', () => {
    // 240,50 × 3 = 721,50; less 10% = 649,35
    expect(linesTotal([{ product: 'cable', quantity: '3', discount: '10' }], ctx)).toBe(64935);
    // 0,29 × 7 less 5% = 1,9285 → 1,93 (a float would give 1,92)
    const cheap = { ...ctx, products: new Map([['p', { name: 'p', priceKop: 29 }]]) };
    expect(linesTotal([{ product: 'p', quantity: '7', discount: '5' }], cheap)).toBe(193);
  });

  it('an order’s total is its money field, or its lines', () => {
    const catalogue = catalogueSchema.parse({
      format: 'pult-catalogue/1',
      version: 't',
      orderTypes: [
        {
          code: 'a',
          title: { uk: 'A' },
          total: 'sum',
          fields: [{ code: 'sum', kind: 'money', label: { uk: 'S' } }],
        },
        {
          code: 'b',
          title: { uk: 'B' },
          fields: [{ code: 'l', kind: 'lines', label: { uk: 'L' } }],
        },
      ],
    });
    const [a, b] = catalogue.orderTypes as [OrderType, OrderType];
    expect(checkOrder(a, { sum: '99,90' }, ctx).totalKop).toBe(9990);
    expect(
      checkOrder(b, { l: [{ product: 'router', quantity: '2', discount: '' }] }, ctx).totalKop,
    ).toBe(299800);
  });
});

describe('a new draft', () => {
  it('has an empty value of each field, filled from the client where the type says so', () => {
    const type = typeOf({ kind: 'text', prefill: 'client.fullName' });
    expect(blankValues(type, { fullName: 'Бондар Олег' })).toEqual({ f: 'Бондар Олег' });
    expect(blankValues(typeOf({ kind: 'lines' }), {})).toEqual({
      f: [{ product: '', quantity: '', discount: '' }],
    });
  });
});
