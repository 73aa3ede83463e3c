import { z } from 'zod';

// The center's rules for outbound calls, per country of the number called
// (policy key outbound.countries). Ukraine's and France's ship as defaults;
// the center's lawyer sets them. Free of Node imports.

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
/** 'MM-DD' every year, or 'YYYY-MM-DD' once (a moved holiday, Easter's Monday of a year). */
const holiday = z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/);

export const callingWindowSchema = z
  .object({
    /** ISO weekdays: 1 Monday … 7 Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    from: clock,
    to: clock,
  })
  .strict();

export const countryCallingRulesSchema = z
  .object({
    /** The IANA time zone of the country's numbers (its main one). */
    zone: z.string().min(1).max(64),
    /** When calls are allowed, in the called person's local time. */
    windows: z.array(callingWindowSchema).min(1).max(14),
    holidays: z.array(holiday).max(100).default([]),
    /** At most `count` attempts on a number in any `days` days. */
    maxAttempts: z
      .object({ count: z.number().int().min(1).max(100), days: z.number().int().min(1).max(365) })
      .strict(),
    /** After a refusal, no call to that person for so many days. */
    waitAfterRefusalDays: z.number().int().min(0).max(3650),
    /** Advertising (sales) calls need the person's prior consent. */
    advertisingNeedsConsent: z.boolean(),
  })
  .strict();
export type CountryCallingRules = z.infer<typeof countryCallingRulesSchema>;

const weekdays = [1, 2, 3, 4, 5];

/**
 * Shipped defaults. Ukraine: the Law on Advertising (art. 14-3, since 30 May
 * 2023) needs prior consent for advertising calls; hours are the center's
 * usual 09:00–20:00 on working days and 10:00–18:00 on Saturday; the public
 * holidays of the Labour Code (art. 73). France: Code de la consommation
 * (décret 2022-1313): weekdays 10:00–13:00 and 14:00–20:00, no weekends or
 * public holidays, at most 4 attempts in 30 days, 60 days after a refusal.
 */
export const defaultCallingRules: Record<string, CountryCallingRules> = {
  UA: {
    zone: 'Europe/Kyiv',
    windows: [
      { days: weekdays, from: '09:00', to: '20:00' },
      { days: [6], from: '10:00', to: '18:00' },
    ],
    holidays: ['01-01', '03-08', '05-01', '05-08', '06-28', '07-15', '08-24', '10-01', '12-25'],
    maxAttempts: { count: 5, days: 30 },
    waitAfterRefusalDays: 30,
    advertisingNeedsConsent: true,
  },
  FR: {
    zone: 'Europe/Paris',
    windows: [
      { days: weekdays, from: '10:00', to: '13:00' },
      { days: weekdays, from: '14:00', to: '20:00' },
    ],
    holidays: [
      '01-01',
      '05-01',
      '05-08',
      '07-14',
      '08-15',
      '11-01',
      '11-11',
      '12-25',
      '2026-04-06',
      '2026-05-14',
      '2026-05-25',
      '2027-03-29',
      '2027-05-06',
      '2027-05-17',
    ],
    maxAttempts: { count: 4, days: 30 },
    waitAfterRefusalDays: 60,
    advertisingNeedsConsent: true,
  },
};

export const campaignPurposes = ['sales', 'survey', 'reminder', 'informing'] as const;
export type CampaignPurpose = (typeof campaignPurposes)[number];

/** Why a number may not be called now: shown on the preview card, in the operator's language. */
export const mayCallReasons = [
  'doNotCallGlobal',
  'doNotCallCampaign',
  'doNotCallProduct',
  'noConsent',
  'attemptLimit',
  'refusedRecently',
  'zoneUnknown',
  'holiday',
  'outsideHours',
  'outsidePreferredTime',
] as const;
export type MayCallReason = (typeof mayCallReasons)[number];

export type MayCallAnswer =
  | { ok: true }
  | {
      ok: false;
      reason: MayCallReason;
      /** When it may be tried again, if the answer is only "not now" (ISO); null: not by waiting. */
      retryAt: string | null;
      /** What the reason is about: the country, the zone, the count, the consent's scope. */
      detail: Record<string, string | number>;
    };

const texts: Record<MayCallReason, { uk: string; en: string }> = {
  doNotCallGlobal: {
    uk: 'Клієнт відмовився від дзвінків: жодних рекламних дзвінків.',
    en: 'The client refused calls: no advertising calls at all.',
  },
  doNotCallCampaign: {
    uk: 'Клієнт просив не дзвонити з цієї кампанії.',
    en: 'The client asked not to be called for this campaign.',
  },
  doNotCallProduct: {
    uk: 'Клієнт просив не пропонувати цей продукт.',
    en: 'The client asked not to be offered this product.',
  },
  noConsent: {
    uk: 'Немає згоди клієнта на рекламні дзвінки.',
    en: 'The client has not consented to advertising calls.',
  },
  attemptLimit: {
    uk: 'Вичерпано спроби: {{count}} за {{days}} днів.',
    en: 'Attempts used up: {{count}} in {{days}} days.',
  },
  refusedRecently: {
    uk: 'Клієнт відмовився нещодавно: можна не раніше {{until}}.',
    en: 'The client refused recently: not before {{until}}.',
  },
  zoneUnknown: {
    uk: 'Невідомо, котра година у клієнта (країна {{country}}): номер відкладено.',
    en: "The client's local time is unknown (country {{country}}): the number is held.",
  },
  holiday: {
    uk: 'У клієнта святковий день ({{day}}).',
    en: 'It is a public holiday where the client is ({{day}}).',
  },
  outsideHours: {
    uk: 'У клієнта зараз {{local}}: дзвонити не можна.',
    en: 'It is {{local}} where the client is: not a calling hour.',
  },
  outsidePreferredTime: {
    uk: 'Клієнт просив дзвонити {{from}}–{{to}}.',
    en: 'The client asked to be called {{from}}–{{to}}.',
  },
};

/** The answer's reason as the preview card says it. */
export function mayCallText(answer: MayCallAnswer, language: 'uk' | 'en'): string {
  if (answer.ok) return language === 'uk' ? 'Можна дзвонити.' : 'May be called now.';
  return texts[answer.reason][language].replace(/\{\{(\w+)\}\}/g, (_, key: string) =>
    String(answer.detail[key] ?? ''),
  );
}
