import type { TFunction } from 'i18next';
import { amountInWords } from '../../../src-shared/orders/amountInWords';
import { localized, type OrderType } from '../../../src-shared/orders/catalogue';
import {
  formatMoney,
  linesTotal,
  parseClock,
  parseDay,
  parseDayTime,
  type AddressValue,
  type OrderValues,
  type WindowValue,
} from '../../../src-shared/orders/orderValues';
import type { OrderCatalogueView } from '../../../src-shared/orders/orderViews';
import { formatDate } from '../../common/formatting';
import { addressText } from './addressText';

export interface ReadBack {
  lines: { label: string; text: string }[];
  total: { figures: string; words: string } | null;
  reminders: string[];
}

/** A document read back shows only its last characters: the client says the rest. */
export function maskedDocument(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= 2
    ? '••'
    : `${'•'.repeat(Math.max(trimmed.length - 2, 2))}${trimmed.slice(-2)}`;
}

/**
 * What the operator reads back to the client before they confirm: each field
 * filled in, in words a person says (the tariff's name, the settlement with
 * its region, the visit's day and hours), the sum in figures and in words,
 * and the reminders the center wants the client to hear.
 */
export function readBack(
  type: OrderType,
  values: OrderValues,
  totalKop: number | null,
  catalogue: OrderCatalogueView,
  t: TFunction,
  language: 'uk' | 'en',
): ReadBack {
  const money = (kop: number) => t('orders.money', { amount: formatMoney(kop) });
  const lines: ReadBack['lines'] = [];
  for (const field of type.fields) {
    const value = values[field.code];
    if (value === undefined) continue;
    let text: string;
    switch (field.kind) {
      case 'choice': {
        const option = field.options.find((o) => o.code === value);
        text = option === undefined ? '' : localized(option.label, language);
        break;
      }
      case 'tariff': {
        const tariff = catalogue.tariffs.find((x) => x.code === value);
        text =
          tariff === undefined
            ? ''
            : t('orders.readBack.tariff', {
                name: tariff.name,
                fee: t('orders.perMonth', { amount: formatMoney(tariff.monthlyFeeKop) }),
              });
        break;
      }
      case 'address':
        text = addressText(value as AddressValue, t);
        break;
      case 'timeWindow': {
        const w = value as WindowValue;
        const day = parseDay(w.date);
        text =
          day === undefined
            ? ''
            : t('orders.readBack.window', {
                date: formatDate(day, language),
                from: parseClock(w.from) ?? w.from,
                to: parseClock(w.to) ?? w.to,
              });
        break;
      }
      case 'date': {
        const day = typeof value === 'string' ? parseDay(value) : undefined;
        text = day === undefined ? '' : formatDate(day, language);
        break;
      }
      case 'dateTime': {
        const at = typeof value === 'string' ? parseDayTime(value) : undefined;
        text =
          at === undefined
            ? ''
            : t('orders.readBack.at', {
                date: formatDate(at.slice(0, 10), language),
                time: at.slice(11),
              });
        break;
      }
      case 'money':
        text =
          typeof value === 'string' && value.trim() !== ''
            ? t('orders.money', { amount: value.trim() })
            : '';
        break;
      case 'number':
        text =
          typeof value === 'string' && value.trim() !== ''
            ? [value.trim(), field.unit === undefined ? '' : localized(field.unit, language)]
                .join(' ')
                .trim()
            : '';
        break;
      case 'document':
        text = typeof value === 'string' && value.trim() !== '' ? maskedDocument(value) : '';
        break;
      case 'lines':
        text = (Array.isArray(value) ? value : [])
          .filter((line) => line.product !== '')
          .map((line) => {
            const product = catalogue.products.find((p) => p.code === line.product);
            const sum = linesTotal([line], {
              products: new Map(catalogue.products.map((p) => [p.code, p])),
            });
            return t('orders.readBack.line', {
              name: product?.name ?? line.product,
              quantity: line.quantity,
              discount:
                line.discount === ''
                  ? ''
                  : t('orders.readBack.discount', { percent: line.discount }),
              sum: money(sum),
            });
          })
          .join('; ');
        break;
      default:
        text = typeof value === 'string' ? value.trim() : '';
    }
    if (text !== '') lines.push({ label: localized(field.label, language), text });
  }
  return {
    lines,
    total:
      totalKop === null
        ? null
        : { figures: money(totalKop), words: amountInWords(totalKop, language) },
    reminders: type.reminders.map((r) => localized(r, language)),
  };
}
