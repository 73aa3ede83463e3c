import { z } from 'zod';
import type { OrderField, OrderType } from './catalogue';

/**
 * What the operator typed into an order's fields, exactly as typed (a draft
 * keeps it so through a reload or a kill), and the check of each field that
 * both the form (as the operator types) and main (before anything is
 * stored) run. Money is parsed from its text into whole kopiyky, never
 * through a float.
 */

const typed = (max: number) => z.string().max(max).default('');

export const addressValueSchema = z.strictObject({
  /** The settlement's KATOTTG code, picked from the codifier. */
  settlementCode: typed(24),
  settlement: typed(200),
  /** Its oblast and raion, as the codifier names them, for the read-back. */
  region: typed(300),
  street: typed(200),
  house: typed(20),
  entrance: typed(10),
  flat: typed(10),
  /** An address the codifier cannot give, typed whole, allowed only with the reason why. */
  free: z.boolean().default(false),
  freeText: typed(500),
  freeTextReason: typed(300),
});
export type AddressValue = z.infer<typeof addressValueSchema>;

export const windowValueSchema = z.strictObject({ date: typed(10), from: typed(5), to: typed(5) });
export type WindowValue = z.infer<typeof windowValueSchema>;

export const lineValueSchema = z.strictObject({
  product: typed(40),
  quantity: typed(10),
  discount: typed(5),
});
export type LineValue = z.infer<typeof lineValueSchema>;

export const fieldValueSchema = z.union([
  z.string().max(2000),
  addressValueSchema,
  windowValueSchema,
  z.array(lineValueSchema).max(100),
]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

export const orderValuesSchema = z
  .record(z.string().regex(/^[a-z][a-zA-Z0-9_-]{0,39}$/), fieldValueSchema)
  .refine((values) => Object.keys(values).length <= 60, 'too many fields');
export type OrderValues = z.infer<typeof orderValuesSchema>;

export const orderFieldProblems = [
  'required',
  'tooShort',
  'tooLong',
  'patternMismatch',
  'notANumber',
  'tooSmall',
  'tooLarge',
  'notMoney',
  'notADate',
  'dateInPast',
  'dateTooFar',
  'notATime',
  'windowOrder',
  'windowTooShort',
  'windowOutsideHours',
  'notAnOption',
  'unknownTariff',
  'tariffNotValid',
  'noSettlement',
  'noStreet',
  'noHouse',
  'noEntrance',
  'freeTextNeedsReason',
  'unknownProduct',
  'badQuantity',
  'badDiscount',
  'discountOverCap',
  'tooManyLines',
  'notAPhone',
] as const;
export type OrderFieldProblem = (typeof orderFieldProblems)[number];

export interface FieldProblem {
  problem: OrderFieldProblem;
  /** The line of a lines field, from 0. */
  line?: number;
  /** The part of a structured field at fault (street, date, to, quantity, …). */
  part?: string;
}

/** What a check needs to know beyond the values: the day, the catalogue's prices, the phone rule. */
export interface OrderCheckContext {
  /** Local date and time now: "YYYY-MM-DD" and "HH:MM". */
  today: string;
  now: string;
  products: ReadonlyMap<string, { name: string; priceKop: number | null }>;
  /** Tariffs by code, and whether each may be ordered today. */
  tariffs: ReadonlyMap<string, { name: string; valid: boolean }>;
  phoneOk: (typed: string) => boolean;
}

export interface OrderCheck {
  problems: Record<string, FieldProblem>;
  /** The order's sum in kopiyky, when its type has one and it can be told. */
  totalKop: number | null;
  /** The order's date (a visit, a pickup): for its confirmation and the list. */
  dueAt: string | null;
}

/** "240", "240,5", "1 240.50" → kopiyky; anything else, or a third decimal, is not money. */
export function parseMoney(text: string): number | undefined {
  const m = /^(\d{1,10})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s\u00a0\u202f]/g, ''));
  if (m === null) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** Whole kopiyky as the operator reads them: "1 240,50". */
export function formatMoney(kop: number): string {
  const hryvnias = Math.floor(kop / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${hryvnias},${String(kop % 100).padStart(2, '0')}`;
}

function isDate(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
    new Date(`${text}T00:00:00Z`).toISOString().startsWith(text)
  );
}

/**
 * A day as a Ukrainian operator types it ("9.12.2026", "09/12/2026") or as
 * ISO ("2026-12-09"), as "YYYY-MM-DD"; anything else, or a day the calendar
 * lacks, is not a day. What was typed stays in the draft as typed.
 */
export function parseDay(text: string): string | undefined {
  const typed = text.trim();
  const dotted = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(typed);
  const iso =
    dotted === null
      ? typed
      : `${dotted[3]}-${dotted[2]?.padStart(2, '0')}-${dotted[1]?.padStart(2, '0')}`;
  return isDate(iso) ? iso : undefined;
}

/** "9:30", "09.30", "0930" → "09:30". */
export function parseClock(text: string): string | undefined {
  const m = /^([01]?\d|2[0-3])[:.]?([0-5]\d)$/.exec(text.trim());
  return m === null ? undefined : `${m[1]?.padStart(2, '0')}:${m[2]}`;
}

/** "9.12.2026 14:30" (or ISO's "2026-12-09T14:30") → "2026-12-09T14:30". */
export function parseDayTime(text: string): string | undefined {
  const [day = '', clock = '', ...rest] = text.trim().split(/[\sT]+/);
  const date = parseDay(day);
  const time = parseClock(clock);
  return date === undefined || time === undefined || rest.length > 0
    ? undefined
    : `${date}T${time}`;
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function checkDay(
  date: string,
  field: { notInPast?: boolean; maxDaysAhead?: number | undefined },
  today: string,
): OrderFieldProblem | undefined {
  if (!isDate(date)) return 'notADate';
  if (field.notInPast !== false && date < today) return 'dateInPast';
  if (field.maxDaysAhead !== undefined && daysBetween(today, date) > field.maxDaysAhead)
    return 'dateTooFar';
  return undefined;
}

const blank = (value: FieldValue | undefined): boolean =>
  value === undefined ||
  (typeof value === 'string'
    ? value.trim() === ''
    : Array.isArray(value)
      ? value.every((line) => line.product === '' && line.quantity === '')
      : Object.values(value).every((part) => typeof part !== 'string' || part.trim() === ''));

/** A lines field's sum: each line's price × quantity less its discount, rounded to the kopiyka. */
export function linesTotal(
  lines: readonly LineValue[],
  ctx: Pick<OrderCheckContext, 'products'>,
): number {
  let total = 0;
  for (const line of lines) {
    const price = ctx.products.get(line.product)?.priceKop;
    const quantity = Number(line.quantity);
    const discount = line.discount.trim() === '' ? 0 : Number(line.discount);
    if (price == null || !Number.isInteger(quantity) || !Number.isInteger(discount)) continue;
    total += Math.floor((price * quantity * (100 - discount) + 50) / 100);
  }
  return total;
}

function checkField(
  field: OrderField,
  value: FieldValue | undefined,
  ctx: OrderCheckContext,
): FieldProblem | undefined {
  if (blank(value)) return field.required ? { problem: 'required' } : undefined;
  const text = typeof value === 'string' ? value.normalize('NFC').trim() : '';
  const one = (problem: OrderFieldProblem | undefined, part?: string): FieldProblem | undefined =>
    problem === undefined ? undefined : { problem, ...(part === undefined ? {} : { part }) };
  switch (field.kind) {
    case 'text':
      if (typeof value !== 'string') return { problem: 'required' };
      if (field.minLength !== undefined && text.length < field.minLength)
        return { problem: 'tooShort' };
      if (text.length > field.maxLength) return { problem: 'tooLong' };
      // The center's own pattern, run on at most 2,000 characters.
      if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(text))
        return { problem: 'patternMismatch' };
      return undefined;
    case 'document':
      if (typeof value !== 'string') return { problem: 'required' };
      if (text.length > 100) return { problem: 'tooLong' };
      if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(text))
        return { problem: 'patternMismatch' };
      return undefined;
    case 'number': {
      if (!/^-?\d{1,10}$/.test(text)) return { problem: 'notANumber' };
      const n = Number(text);
      if (field.min !== undefined && n < field.min) return { problem: 'tooSmall' };
      if (field.max !== undefined && n > field.max) return { problem: 'tooLarge' };
      return undefined;
    }
    case 'money': {
      const kop = parseMoney(text);
      if (kop === undefined) return { problem: 'notMoney' };
      if (field.minKop !== undefined && kop < field.minKop) return { problem: 'tooSmall' };
      if (field.maxKop !== undefined && kop > field.maxKop) return { problem: 'tooLarge' };
      return undefined;
    }
    case 'date':
      return one(checkDay(parseDay(text) ?? '', field, ctx.today));
    case 'dateTime': {
      const [day = ''] = text.split(/[\sT]+/);
      const checked = checkDay(parseDay(day) ?? '', field, ctx.today);
      if (checked !== undefined) return { problem: checked };
      const at = parseDayTime(text);
      if (at === undefined) return { problem: 'notATime' };
      if (field.notInPast && at.slice(0, 10) === ctx.today && at.slice(11) < ctx.now)
        return { problem: 'dateInPast' };
      return undefined;
    }
    case 'timeWindow': {
      if (typeof value !== 'object' || Array.isArray(value) || !('from' in value))
        return { problem: 'required' };
      const date = parseDay(value.date) ?? '';
      const day = checkDay(date, { notInPast: true, maxDaysAhead: field.maxDaysAhead }, ctx.today);
      if (day !== undefined) return one(day, 'date');
      const from = parseClock(value.from);
      const to = parseClock(value.to);
      if (from === undefined) return one('notATime', 'from');
      if (to === undefined) return one('notATime', 'to');
      if (to <= from) return one('windowOrder', 'to');
      if (minutes(to) - minutes(from) < field.minMinutes) return one('windowTooShort', 'to');
      if (from < field.earliest) return one('windowOutsideHours', 'from');
      if (to > field.latest) return one('windowOutsideHours', 'to');
      if (date === ctx.today && from < ctx.now) return one('dateInPast', 'from');
      return undefined;
    }
    case 'address': {
      if (typeof value !== 'object' || Array.isArray(value) || !('street' in value))
        return { problem: 'required' };
      if (value.free) {
        if (value.freeText.trim() === '') return one('required', 'freeText');
        return value.freeTextReason.trim() === ''
          ? one('freeTextNeedsReason', 'freeTextReason')
          : undefined;
      }
      if (value.settlementCode.trim() === '') return one('noSettlement', 'settlement');
      if (value.street.trim() === '') return one('noStreet', 'street');
      if (value.house.trim() === '') return one('noHouse', 'house');
      if (field.entrance && value.entrance.trim() === '') return one('noEntrance', 'entrance');
      return undefined;
    }
    case 'choice':
      return field.options.some((option) => option.code === text)
        ? undefined
        : { problem: 'notAnOption' };
    case 'tariff': {
      const tariff = ctx.tariffs.get(text);
      if (tariff === undefined) return { problem: 'unknownTariff' };
      return tariff.valid ? undefined : { problem: 'tariffNotValid' };
    }
    case 'phone':
      return ctx.phoneOk(text) ? undefined : { problem: 'notAPhone' };
    case 'lines': {
      if (!Array.isArray(value)) return { problem: 'required' };
      const lines = value.filter(
        (line) => !(line.product === '' && line.quantity === '' && line.discount === ''),
      );
      if (lines.length > field.maxLines) return { problem: 'tooManyLines' };
      for (const [i, line] of value.entries()) {
        if (line.product === '' && line.quantity === '' && line.discount === '') continue;
        if (ctx.products.get(line.product)?.priceKop == null)
          return { problem: 'unknownProduct', line: i, part: 'product' };
        if (!/^\d{1,5}$/.test(line.quantity) || Number(line.quantity) === 0)
          return { problem: 'badQuantity', line: i, part: 'quantity' };
        const discount = line.discount.trim();
        if (discount !== '' && !/^\d{1,3}$/.test(discount))
          return { problem: 'badDiscount', line: i, part: 'discount' };
        if (discount !== '' && Number(discount) > field.maxDiscountPercent)
          return { problem: 'discountOverCap', line: i, part: 'discount' };
      }
      return undefined;
    }
  }
}

/** Every field of an order checked, with its sum and its date. */
export function checkOrder(
  type: OrderType,
  values: OrderValues,
  ctx: OrderCheckContext,
): OrderCheck {
  const problems: Record<string, FieldProblem> = {};
  for (const field of type.fields) {
    const problem = checkField(
      field,
      Object.hasOwn(values, field.code) ? values[field.code] : undefined,
      ctx,
    );
    if (problem !== undefined) problems[field.code] = problem;
  }
  return { problems, totalKop: orderTotal(type, values, ctx), dueAt: orderDate(type, values) };
}

function orderTotal(type: OrderType, values: OrderValues, ctx: OrderCheckContext): number | null {
  if (type.total !== undefined) {
    const value = values[type.total];
    return typeof value === 'string' ? (parseMoney(value) ?? null) : null;
  }
  const lines = type.fields.find((field) => field.kind === 'lines');
  const value = lines === undefined ? undefined : values[lines.code];
  return Array.isArray(value) ? linesTotal(value, ctx) : null;
}

/** The date the order is for: the confirmation's field, else the type's first dated field. */
function orderDate(type: OrderType, values: OrderValues): string | null {
  const field =
    type.fields.find((f) => f.code === type.confirmation?.field) ??
    type.fields.find((f) => f.kind === 'date' || f.kind === 'dateTime' || f.kind === 'timeWindow');
  const value = field === undefined ? undefined : values[field.code];
  if (typeof value === 'string')
    return (field?.kind === 'date' ? parseDay(value) : parseDayTime(value)) ?? null;
  if (value !== undefined && !Array.isArray(value) && 'from' in value) {
    const date = parseDay(value.date);
    const from = parseClock(value.from);
    return date === undefined || from === undefined ? null : `${date}T${from}`;
  }
  return null;
}

/** An empty value of each field, filled from the client where the type says so. */
export function blankValues(type: OrderType, client: Partial<Record<string, string>>): OrderValues {
  const values: OrderValues = {};
  for (const field of type.fields) {
    const fromClient =
      field.prefill === undefined ? '' : (client[field.prefill.slice('client.'.length)] ?? '');
    if (field.kind === 'address')
      // The card's address is one line: it is offered as the street, and its city as what to
      // look up in the codifier; the operator still picks the settlement.
      values[field.code] = addressValueSchema.parse(
        field.prefill === undefined
          ? {}
          : { settlement: client.city ?? '', street: client.address ?? '' },
      );
    else if (field.kind === 'timeWindow') values[field.code] = windowValueSchema.parse({});
    else if (field.kind === 'lines') values[field.code] = [lineValueSchema.parse({})];
    else values[field.code] = fromClient;
  }
  return values;
}
