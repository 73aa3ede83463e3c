import { mayCallNow, type LeadFacts } from '../src-main/core/campaigns/callPermission';
import { defaultCallingRules } from '../src-shared/campaigns/callingRules';
import type { Bench, Figure } from './benches';
import { percentile, round } from './stats';

const leads = Number(process.env['PULT_BENCH_LEADS'] ?? 1_000_000);

/** A million leads as a list holds them: two countries, some with attempts, refusals, consent or not. */
function leadAt(i: number): LeadFacts {
  const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 9)).toISOString();
  return {
    country: i % 5 === 0 ? 'FR' : 'UA',
    addressZone: i % 50 === 0 ? 'Europe/Warsaw' : null,
    consent: i % 7 === 0 ? null : { scope: 'advertising', source: 'import', at: day(0) },
    doNotCall: { global: i % 97 === 0, campaign: i % 89 === 0, product: false },
    attempts: Array.from({ length: i % 4 }, (_, k) => day(k * 7 + (i % 5))),
    lastRefusalAt: i % 11 === 0 ? day(i % 30) : null,
    preferred: i % 13 === 0 ? { from: '18:00', to: '20:00' } : null,
  };
}

export const campaignBenches: Bench[] = [
  {
    name: 'campaign',
    run(): Promise<Figure[]> {
      const facts = Array.from({ length: leads }, (_, i) => leadAt(i));
      const campaign = { purpose: 'sales' as const };
      // Monday 7 December 2026, noon in Kyiv: most leads may be called, every rule is reached.
      const now = new Date('2026-12-07T10:00:00Z');
      const taken = new Float64Array(leads);
      let callable = 0;
      for (let i = 0; i < leads; i++) {
        const started = process.hrtime.bigint();
        const answer = mayCallNow(facts[i]!, campaign, defaultCallingRules, now);
        taken[i] = Number(process.hrtime.bigint() - started) / 1000;
        if (answer.ok) callable++;
      }
      const us = [...taken];
      return Promise.resolve([
        {
          name: 'campaign.mayCall.p95Us',
          value: round(percentile(us, 95)),
          unit: `µs (one "may I call now?" with every rule, ${leads} leads, ${callable} callable)`,
          n: leads,
        },
        {
          name: 'campaign.mayCall.p50Us',
          value: round(percentile(us, 50)),
          unit: 'µs',
          n: leads,
        },
      ]);
    },
  },
];
