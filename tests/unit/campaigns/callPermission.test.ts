import { describe, expect, it } from 'vitest';
import { mayCallNow, type LeadFacts } from '../../../src-main/core/campaigns/callPermission';
import {
  defaultCallingRules as rules,
  mayCallText,
  type MayCallAnswer,
} from '../../../src-shared/campaigns/callingRules';

// 7 December 2026 is a Monday; Kyiv is UTC+2 and Paris UTC+1 in December.
const mondayNoonKyiv = new Date('2026-12-07T10:00:00Z');
const consented = { scope: 'advertising' as const, source: 'web form', at: '2026-01-10T09:00:00Z' };
const lead = (facts: Partial<LeadFacts> = {}): LeadFacts => ({
  country: 'UA',
  addressZone: null,
  consent: consented,
  doNotCall: { global: false, campaign: false, product: false },
  attempts: [],
  lastRefusalAt: null,
  preferred: null,
  ...facts,
});
const sales = { purpose: 'sales' as const };
const reminder = { purpose: 'reminder' as const };
const reasonOf = (answer: MayCallAnswer) => (answer.ok ? 'ok' : answer.reason);

describe('may I call this number now?', () => {
  it('yes, with consent, inside the hours, on a working day where the client is', () => {
    const answer = mayCallNow(lead(), sales, rules, mondayNoonKyiv);
    expect(answer).toEqual({ ok: true });
    expect(mayCallText(answer, 'uk')).toBe('Можна дзвонити.');
  });

  it('outside the hours in the lead’s zone: 21:30 in Kyiv, and 13:30 in Paris (the lunch break)', () => {
    const evening = mayCallNow(lead(), sales, rules, new Date('2026-12-07T19:30:00Z'));
    expect(evening).toMatchObject({
      ok: false,
      reason: 'outsideHours',
      detail: { local: '21:30' },
    });
    expect(mayCallText(evening, 'uk')).toBe('У клієнта зараз 21:30: дзвонити не можна.');
    const lunch = mayCallNow(
      lead({ country: 'FR' }),
      sales,
      rules,
      new Date('2026-12-07T12:30:00Z'),
    );
    expect(lunch).toMatchObject({
      reason: 'outsideHours',
      detail: { local: '13:30', zone: 'Europe/Paris' },
    });
    // Sunday in Kyiv, at noon.
    expect(reasonOf(mayCallNow(lead(), sales, rules, new Date('2026-12-06T10:00:00Z')))).toBe(
      'outsideHours',
    );
    // The same instant is fine for a Kyiv number: the zone is the client's, not the operator's.
    expect(reasonOf(mayCallNow(lead(), sales, rules, new Date('2026-12-07T12:30:00Z')))).toBe('ok');
  });

  it('a public holiday where the client is', () => {
    const christmas = mayCallNow(lead(), sales, rules, new Date('2026-12-25T10:00:00Z'));
    expect(christmas).toMatchObject({ reason: 'holiday', detail: { day: '2026-12-25' } });
    expect(mayCallText(christmas, 'en')).toBe(
      'It is a public holiday where the client is (2026-12-25).',
    );
    // Whit Monday is France's, not Ukraine's.
    const whitMonday = new Date('2026-05-25T09:00:00Z');
    expect(reasonOf(mayCallNow(lead({ country: 'FR' }), sales, rules, whitMonday))).toBe('holiday');
    expect(reasonOf(mayCallNow(lead(), sales, rules, whitMonday))).toBe('ok');
  });

  it('a number whose zone is unknown is held, never dialled at a guess', () => {
    for (const country of [null, 'US']) {
      const answer = mayCallNow(lead({ country }), reminder, rules, mondayNoonKyiv);
      expect(answer).toEqual({
        ok: false,
        reason: 'zoneUnknown',
        retryAt: null,
        detail: { country: country ?? '?' },
      });
    }
    expect(
      mayCallText(mayCallNow(lead({ country: 'US' }), reminder, rules, mondayNoonKyiv), 'uk'),
    ).toBe('Невідомо, котра година у клієнта (країна US): номер відкладено.');
  });

  it('where the address and the number disagree, both zones must allow it', () => {
    // 14:00 in Kyiv is 21:00 in Tokyo.
    const at = new Date('2026-12-07T12:00:00Z');
    expect(reasonOf(mayCallNow(lead(), sales, rules, at))).toBe('ok');
    expect(mayCallNow(lead({ addressZone: 'Asia/Tokyo' }), sales, rules, at)).toMatchObject({
      reason: 'outsideHours',
      detail: { local: '21:00', zone: 'Asia/Tokyo' },
    });
  });

  it('do-not-call: global ends every advertising call, campaign ends this one, product this offer', () => {
    const dnc = (level: 'global' | 'campaign' | 'product') =>
      lead({ doNotCall: { global: false, campaign: false, product: false, [level]: true } });
    expect(reasonOf(mayCallNow(dnc('global'), sales, rules, mondayNoonKyiv))).toBe(
      'doNotCallGlobal',
    );
    expect(reasonOf(mayCallNow(dnc('campaign'), sales, rules, mondayNoonKyiv))).toBe(
      'doNotCallCampaign',
    );
    expect(reasonOf(mayCallNow(dnc('product'), sales, rules, mondayNoonKyiv))).toBe(
      'doNotCallProduct',
    );
    // A payment reminder is not advertising: only its own campaign's do-not-call stops it.
    expect(reasonOf(mayCallNow(dnc('global'), reminder, rules, mondayNoonKyiv))).toBe('ok');
    expect(reasonOf(mayCallNow(dnc('campaign'), reminder, rules, mondayNoonKyiv))).toBe(
      'doNotCallCampaign',
    );
    expect(mayCallText(mayCallNow(dnc('global'), sales, rules, mondayNoonKyiv), 'uk')).toBe(
      'Клієнт відмовився від дзвінків: жодних рекламних дзвінків.',
    );
  });

  it('a sales campaign needs consent to advertising; a survey or a reminder does not', () => {
    for (const consent of [null, { ...consented, scope: 'service' as const }])
      expect(mayCallNow(lead({ consent }), sales, rules, mondayNoonKyiv)).toMatchObject({
        reason: 'noConsent',
        retryAt: null,
      });
    expect(
      reasonOf(mayCallNow(lead({ consent: null }), { purpose: 'survey' }, rules, mondayNoonKyiv)),
    ).toBe('ok');
  });

  it('at most 4 attempts in 30 days in France: the fifth waits until the oldest is a month old', () => {
    const attempts = [
      '2026-11-10T10:00:00Z',
      '2026-11-20T10:00:00Z',
      '2026-12-01T10:00:00Z',
      '2026-12-04T10:00:00Z',
    ];
    const answer = mayCallNow(lead({ country: 'FR', attempts }), sales, rules, mondayNoonKyiv);
    expect(answer).toEqual({
      ok: false,
      reason: 'attemptLimit',
      retryAt: '2026-12-10T10:00:00.000Z',
      detail: { count: 4, days: 30 },
    });
    expect(mayCallText(answer, 'en')).toBe('Attempts used up: 4 in 30 days.');
    // One of them older than 30 days: three count, a fourth may be made.
    const older = ['2026-10-01T10:00:00Z', ...attempts.slice(1)];
    expect(
      reasonOf(mayCallNow(lead({ country: 'FR', attempts: older }), sales, rules, mondayNoonKyiv)),
    ).toBe('ok');
  });

  it('the wait after a refusal: 60 days in France, 30 in Ukraine', () => {
    const lastRefusalAt = '2026-10-20T10:00:00Z';
    const fr = mayCallNow(lead({ country: 'FR', lastRefusalAt }), sales, rules, mondayNoonKyiv);
    expect(fr).toEqual({
      ok: false,
      reason: 'refusedRecently',
      retryAt: '2026-12-19T10:00:00.000Z',
      detail: { until: '2026-12-19' },
    });
    expect(mayCallText(fr, 'uk')).toBe('Клієнт відмовився нещодавно: можна не раніше 2026-12-19.');
    expect(reasonOf(mayCallNow(lead({ lastRefusalAt }), sales, rules, mondayNoonKyiv))).toBe('ok');
  });

  it('the client’s preferred time', () => {
    const evenings = lead({ preferred: { from: '18:00', to: '20:00' } });
    const answer = mayCallNow(evenings, sales, rules, mondayNoonKyiv);
    expect(answer).toMatchObject({ reason: 'outsidePreferredTime' });
    expect(mayCallText(answer, 'en')).toBe('The client asked to be called 18:00–20:00.');
    expect(reasonOf(mayCallNow(evenings, sales, rules, new Date('2026-12-07T16:30:00Z')))).toBe(
      'ok',
    );
  });

  it('the list’s own hours, within the country’s: a reminder list that calls 10:00–18:00', () => {
    const reminderHours = { purpose: 'reminder' as const, hours: { from: '10:00', to: '18:00' } };
    // 11:00 in Kyiv: inside both.
    expect(
      reasonOf(mayCallNow(lead(), reminderHours, rules, new Date('2026-12-07T09:00:00Z'))),
    ).toBe('ok');
    // 19:00 in Kyiv: Ukraine allows it, the list does not.
    const late = mayCallNow(lead(), reminderHours, rules, new Date('2026-12-07T17:00:00Z'));
    expect(late).toMatchObject({ reason: 'outsideHours', detail: { local: '19:00' } });
    expect(reasonOf(mayCallNow(lead(), reminder, rules, new Date('2026-12-07T17:00:00Z')))).toBe(
      'ok',
    );
  });
});
