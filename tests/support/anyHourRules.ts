import type { CountryCallingRules } from '../../src-shared/campaigns/callingRules';

/**
 * Ukrainian numbers callable at any hour of any day, so a test does not
 * depend on when it runs; consent, attempts and the wait after a refusal
 * still apply as shipped.
 */
export const anyHourCallingRules: Record<string, CountryCallingRules> = {
  UA: {
    zone: 'Europe/Kyiv',
    windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }],
    holidays: [],
    maxAttempts: { count: 5, days: 30 },
    waitAfterRefusalDays: 30,
    advertisingNeedsConsent: true,
  },
};
