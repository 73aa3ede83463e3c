import type {
  CampaignPurpose,
  CountryCallingRules,
  MayCallAnswer,
  MayCallReason,
} from '../../../src-shared/campaigns/callingRules';

/** What is known of a lead when it is checked: prepared when the list is built, kept current. */
export interface LeadFacts {
  /** The number's country (ISO 3166 alpha-2, from the number itself); null when it cannot be told. */
  country: string | null;
  /** The client's address's time zone, where the address says it; null when unknown. */
  addressZone: string | null;
  /** Consent to advertising calls: its scope; null when none was given or it was withdrawn. */
  consent: { scope: 'advertising' | 'service'; source: string; at: string } | null;
  doNotCall: { global: boolean; campaign: boolean; product: boolean };
  /** When this number was attempted (ISO), newest last; only the rules' window matters. */
  attempts: readonly string[];
  /** When the client last refused (ISO); null when never. */
  lastRefusalAt: string | null;
  /** The hours the client asked to be called in (their local time); null: any allowed hour. */
  preferred: { from: string; to: string } | null;
}

export interface CampaignFacts {
  purpose: CampaignPurpose;
  /** The list's own calling hours (the client's local time), within the country's; none: the country's. */
  hours?: { from: string; to: string } | null;
}

const day = 86_400_000;

interface LocalTime {
  /** 1 Monday … 7 Sunday */
  weekday: number;
  minutes: number;
  monthDay: string;
  date: string;
  text: string;
}

const weekdayNumber: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};
const formats = new Map<string, Intl.DateTimeFormat | null>();
/** One minute's local time per zone: a list of a million leads checked at once asks for the same few. */
const minuteCache = new Map<string, { minute: number; local: LocalTime | null }>();

function formatFor(zone: string): Intl.DateTimeFormat | null {
  let format = formats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      format = null; // not a zone this runtime knows
    }
    formats.set(zone, format);
  }
  return format;
}

/** The local weekday, time and date in `zone` at `now`; null for a zone that does not exist. */
export function localTimeIn(zone: string, now: Date): LocalTime | null {
  const minute = Math.floor(now.getTime() / 60_000);
  const cached = minuteCache.get(zone);
  if (cached?.minute === minute) return cached.local;
  const format = formatFor(zone);
  let local: LocalTime | null = null;
  if (format !== null) {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(now)) parts[part.type] = part.value;
    const hour = Number(parts['hour']);
    const min = Number(parts['minute']);
    local = {
      weekday: weekdayNumber[parts['weekday'] ?? ''] ?? 0,
      minutes: hour * 60 + min,
      monthDay: `${parts['month']}-${parts['day']}`,
      date: `${parts['year']}-${parts['month']}-${parts['day']}`,
      text: `${parts['hour']}:${parts['minute']}`,
    };
  }
  minuteCache.set(zone, { minute, local });
  return local;
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

function inWindows(local: LocalTime, rules: CountryCallingRules): boolean {
  return rules.windows.some(
    (w) =>
      w.days.includes(local.weekday) &&
      local.minutes >= minutesOf(w.from) &&
      local.minutes < minutesOf(w.to),
  );
}

const isHoliday = (local: LocalTime, rules: CountryCallingRules) =>
  rules.holidays.includes(local.monthDay) || rules.holidays.includes(local.date);

const no = (
  reason: Exclude<MayCallAnswer, { ok: true }>['reason'],
  detail: Record<string, string | number> = {},
  retryAt: Date | null = null,
): MayCallAnswer => ({ ok: false, reason, retryAt: retryAt?.toISOString() ?? null, detail });

/**
 * "May I call this number now?": one answer, with its reason, checked when a
 * list is built and again just before each dial. Refusals that waiting does
 * not lift come first (do-not-call, consent), then the counts (attempts, the
 * wait after a refusal), then the clock where the client is: a number whose
 * zone is unknown is held, never dialled at a guess; where the address and
 * the number disagree on the zone, both must allow it.
 */
export function mayCallNow(
  lead: LeadFacts,
  campaign: CampaignFacts,
  countries: Readonly<Record<string, CountryCallingRules>>,
  now: Date,
): MayCallAnswer {
  const advertising = campaign.purpose === 'sales';
  // A client's refusal to be called ends every advertising call at once; service calls
  // (a payment reminder, an informing call) are not advertising.
  if (lead.doNotCall.global && advertising) return no('doNotCallGlobal');
  if (lead.doNotCall.campaign) return no('doNotCallCampaign');
  if (lead.doNotCall.product && advertising) return no('doNotCallProduct');
  const rules = lead.country === null ? undefined : countries[lead.country];
  if (rules === undefined) return no('zoneUnknown', { country: lead.country ?? '?' });
  if (advertising && rules.advertisingNeedsConsent && lead.consent?.scope !== 'advertising')
    return no('noConsent');

  const at = now.getTime();
  const since = at - rules.maxAttempts.days * day;
  let counted = 0;
  let oldestCounted = Infinity;
  for (const attempt of lead.attempts) {
    const t = Date.parse(attempt);
    if (t > since) {
      counted++;
      if (t < oldestCounted) oldestCounted = t;
    }
  }
  if (counted >= rules.maxAttempts.count)
    return no(
      'attemptLimit',
      { count: rules.maxAttempts.count, days: rules.maxAttempts.days },
      new Date(oldestCounted + rules.maxAttempts.days * day),
    );
  if (lead.lastRefusalAt !== null && advertising) {
    const until = Date.parse(lead.lastRefusalAt) + rules.waitAfterRefusalDays * day;
    if (at < until) {
      const date = new Date(until);
      return no('refusedRecently', { until: date.toISOString().slice(0, 10) }, date);
    }
  }

  const zones =
    lead.addressZone !== null && lead.addressZone !== rules.zone
      ? [rules.zone, lead.addressZone]
      : [rules.zone];
  for (const zone of zones) {
    const local = localTimeIn(zone, now);
    if (local === null) return no('zoneUnknown', { country: lead.country ?? '?' });
    if (isHoliday(local, rules)) return no('holiday', { day: local.date });
    if (!inWindows(local, rules)) return no('outsideHours', { local: local.text, zone });
    const hours = campaign.hours;
    if (
      hours != null &&
      (local.minutes < minutesOf(hours.from) || local.minutes >= minutesOf(hours.to))
    )
      return no('outsideHours', { local: local.text, zone });
    const preferred = lead.preferred;
    if (
      preferred !== null &&
      (local.minutes < minutesOf(preferred.from) || local.minutes >= minutesOf(preferred.to))
    )
      return no('outsidePreferredTime', { from: preferred.from, to: preferred.to });
  }
  return { ok: true };
}

/** A lead that may not be called now is looked at again this much later when only the hour is wrong. */
const recheckMs = 15 * 60_000;

/**
 * What becomes of a lead that may not be called now, the same when a list is
 * built and when a lead is picked: due again when its answer says (the
 * attempts' window, the wait after a refusal) or a quarter of an hour later
 * (a holiday, the hour); held with its reason when waiting does not lift it
 * (do-not-call, no consent, an unknown zone).
 */
export function whenNotNow(
  answer: Exclude<MayCallAnswer, { ok: true }>,
  now: Date,
): { dueAt: string } | { held: MayCallReason } {
  switch (answer.reason) {
    case 'attemptLimit':
    case 'refusedRecently':
      return { dueAt: answer.retryAt ?? new Date(now.getTime() + recheckMs).toISOString() };
    case 'holiday':
    case 'outsideHours':
    case 'outsidePreferredTime':
      return { dueAt: new Date(now.getTime() + recheckMs).toISOString() };
    default:
      return { held: answer.reason };
  }
}
