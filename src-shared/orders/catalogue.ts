import { z } from 'zod';
import { isPattern } from '../regexPattern';

/**
 * The center's catalogue (DOMAIN.md: замовлення, тарифи, акції): the order
 * types with their fields, the products, tariffs, promotions and articles of
 * the knowledge base, and the complaint categories. IT ships it as a JSON
 * file named by policy; the schema holds its structure and limits, so a
 * hostile file (unknown kinds, `__proto__` keys, megabytes of text, codes
 * that refer to nothing) is refused where it enters, and the last good one
 * stays in use. Money is whole kopiyky everywhere.
 */

export const catalogueFormat = 'pult-catalogue/1';

const code = z
  .string()
  .regex(
    /^[a-z][a-zA-Z0-9_-]{0,39}$/,
    'a code is a Latin letter then up to 39 letters, digits, _ or -',
  );
const short = z.string().normalize('NFC').trim().min(1).max(200);
const long = (max: number) => z.string().normalize('NFC').max(max);
/** Said in Ukrainian, and in English where the center gives it (Ukrainian otherwise). */
export const localizedSchema = z.strictObject({ uk: short, en: short.optional() });
export type Localized = z.infer<typeof localizedSchema>;
const kop = z.number().int('money is whole kopiyky').min(0).max(100_000_000_000);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM');

/** Where a field is filled from when the form opens for a client. */
export const prefillSources = [
  'client.fullName',
  'client.address',
  'client.city',
  'client.email',
  'client.personalAccount',
  'client.phone',
] as const;

const fieldBase = {
  code,
  label: localizedSchema,
  required: z.boolean().default(false),
  hint: localizedSchema.optional(),
  prefill: z.enum(prefillSources).optional(),
};

const fieldSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...fieldBase,
    kind: z.literal('text'),
    multiline: z.boolean().default(false),
    minLength: z.number().int().min(0).max(2000).optional(),
    maxLength: z.number().int().min(1).max(2000).default(200),
    pattern: z.string().max(200).refine(isPattern, 'not a regular expression').optional(),
  }),
  z.strictObject({
    ...fieldBase,
    kind: z.literal('number'),
    min: z.number().int().min(-1e9).max(1e9).optional(),
    max: z.number().int().min(-1e9).max(1e9).optional(),
    unit: localizedSchema.optional(),
  }),
  z.strictObject({
    ...fieldBase,
    kind: z.literal('money'),
    minKop: kop.optional(),
    maxKop: kop.optional(),
  }),
  z.strictObject({
    ...fieldBase,
    kind: z.literal('date'),
    notInPast: z.boolean().default(true),
    maxDaysAhead: z.number().int().min(0).max(3660).optional(),
  }),
  z.strictObject({
    ...fieldBase,
    kind: z.literal('dateTime'),
    notInPast: z.boolean().default(true),
    maxDaysAhead: z.number().int().min(0).max(3660).optional(),
  }),
  z.strictObject({
    ...fieldBase,
    kind: z.literal('timeWindow'),
    earliest: clock.default('08:00'),
    latest: clock.default('20:00'),
    minMinutes: z.number().int().min(15).max(720).default(60),
    maxDaysAhead: z.number().int().min(0).max(3660).optional(),
  }),
  z.strictObject({
    ...fieldBase,
    kind: z.literal('address'),
    /** A taxi comes to the entrance (під'їзд). */
    entrance: z.boolean().default(false),
    flat: z.boolean().default(true),
  }),
  z.strictObject({
    ...fieldBase,
    kind: z.literal('choice'),
    options: z
      .array(z.strictObject({ code, label: localizedSchema }))
      .min(1)
      .max(50),
  }),
  z.strictObject({ ...fieldBase, kind: z.literal('tariff') }),
  z.strictObject({
    ...fieldBase,
    kind: z.literal('lines'),
    /** The discount an operator may give on a line, in whole percent. */
    maxDiscountPercent: z.number().int().min(0).max(100).default(0),
    maxLines: z.number().int().min(1).max(100).default(30),
  }),
  /** A passport or another document: shown masked once entered, never in a list. */
  z.strictObject({
    ...fieldBase,
    kind: z.literal('document'),
    pattern: z.string().max(200).refine(isPattern, 'not a regular expression').optional(),
  }),
  z.strictObject({ ...fieldBase, kind: z.literal('phone') }),
]);
export type OrderField = z.infer<typeof fieldSchema>;
export type OrderFieldKind = OrderField['kind'];

/** The fields an order's date may come from: a future one schedules its confirmation. */
export const datedFieldKinds = ['date', 'dateTime', 'timeWindow'] as const;

export const orderTypeSchema = z
  .strictObject({
    code,
    title: localizedSchema,
    fields: z.array(fieldSchema).min(1).max(40),
    /** A money field whose sum is the order's; a type with lines totals its lines. */
    total: code.optional(),
    /** What the client must hear before confirming (be home, have the passport, …). */
    reminders: z.array(localizedSchema).max(10).default([]),
    /** The same client ordering the same type within this time is warned of a double. */
    duplicateWithinMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(60),
    /** A future order is confirmed by a callback this long before its date. */
    confirmation: z
      .strictObject({ field: code, hoursBefore: z.number().int().min(1).max(168) })
      .optional(),
  })
  .superRefine((type, ctx) => {
    const seen = new Set<string>();
    type.fields.forEach((field, i) => {
      if (seen.has(field.code))
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'code'],
          message: 'a field code is used twice',
        });
      seen.add(field.code);
    });
    const byCode = new Map(type.fields.map((f) => [f.code, f]));
    if (type.total !== undefined && byCode.get(type.total)?.kind !== 'money')
      ctx.addIssue({
        code: 'custom',
        path: ['total'],
        message: 'the total names no money field of this type',
      });
    const dated = type.confirmation === undefined ? undefined : byCode.get(type.confirmation.field);
    if (dated !== undefined && !(datedFieldKinds as readonly string[]).includes(dated.kind))
      ctx.addIssue({
        code: 'custom',
        path: ['confirmation', 'field'],
        message: 'not a date field of this type',
      });
    if (type.confirmation !== undefined && dated === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['confirmation', 'field'],
        message: 'no such field in this type',
      });
  });
export type OrderType = z.infer<typeof orderTypeSchema>;

const productSchema = z.strictObject({
  code,
  name: short,
  description: long(5000).default(''),
  priceKop: kop.optional(),
  active: z.boolean().default(true),
});
const tariffSchema = z.strictObject({
  code,
  product: code.optional(),
  name: short,
  description: long(5000).default(''),
  monthlyFeeKop: kop,
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  active: z.boolean().default(true),
});
const promotionSchema = z.strictObject({
  code,
  name: short,
  description: long(5000).default(''),
  startsOn: isoDate,
  endsOn: isoDate,
  tariff: code.optional(),
});
const articleSchema = z.strictObject({
  code,
  title: short,
  body: long(20_000),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
});

export const catalogueSchema = z
  .strictObject({
    format: z.literal(catalogueFormat),
    version: z.string().trim().min(1).max(40),
    orderTypes: z.array(orderTypeSchema).max(50).default([]),
    products: z.array(productSchema).max(20_000).default([]),
    tariffs: z.array(tariffSchema).max(20_000).default([]),
    promotions: z.array(promotionSchema).max(5_000).default([]),
    articles: z.array(articleSchema).max(20_000).default([]),
    complaintCategories: z
      .array(z.strictObject({ code, label: localizedSchema }))
      .max(100)
      .default([]),
  })
  .superRefine((catalogue, ctx) => {
    const unique = (list: keyof typeof catalogue, items: readonly { code: string }[]) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.code))
          ctx.addIssue({
            code: 'custom',
            path: [list, i, 'code'],
            message: 'this code is used twice',
          });
        seen.add(item.code);
      });
    };
    unique('orderTypes', catalogue.orderTypes);
    unique('products', catalogue.products);
    unique('tariffs', catalogue.tariffs);
    unique('promotions', catalogue.promotions);
    unique('articles', catalogue.articles);
    unique('complaintCategories', catalogue.complaintCategories);
    const products = new Set(catalogue.products.map((p) => p.code));
    const tariffs = new Set(catalogue.tariffs.map((t) => t.code));
    catalogue.tariffs.forEach((tariff, i) => {
      if (tariff.product !== undefined && !products.has(tariff.product))
        ctx.addIssue({
          code: 'custom',
          path: ['tariffs', i, 'product'],
          message: 'no such product',
        });
      if (
        tariff.validFrom !== undefined &&
        tariff.validTo !== undefined &&
        tariff.validTo < tariff.validFrom
      )
        ctx.addIssue({
          code: 'custom',
          path: ['tariffs', i, 'validTo'],
          message: 'ends before it starts',
        });
    });
    catalogue.promotions.forEach((promotion, i) => {
      if (promotion.tariff !== undefined && !tariffs.has(promotion.tariff))
        ctx.addIssue({
          code: 'custom',
          path: ['promotions', i, 'tariff'],
          message: 'no such tariff',
        });
      if (promotion.endsOn < promotion.startsOn)
        ctx.addIssue({
          code: 'custom',
          path: ['promotions', i, 'endsOn'],
          message: 'ends before it starts',
        });
    });
  });
export type Catalogue = z.infer<typeof catalogueSchema>;

/** The text in the operator's language, Ukrainian where the center gave no other. */
export function localized(text: Localized, language: 'uk' | 'en'): string {
  return language === 'en' ? (text.en ?? text.uk) : text.uk;
}
