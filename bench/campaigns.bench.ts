import { rmSync } from 'node:fs';
import { mayCallNow, type LeadFacts } from '../src-main/core/campaigns/callPermission';
import { LeadPicker } from '../src-main/core/campaigns/leadPicker';
import { newUserDataDir } from '../tests/e2e/support/pultApp';
import { clientBase } from './calls.bench';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { testFileJobs } from '../tests/support/fileJobBase';
import { defaultCallingRules } from '../src-shared/campaigns/callingRules';
import type { Bench, Figure } from './benches';
import { percentile, round } from './stats';

const leads = Number(process.env['PULT_BENCH_LEADS'] ?? 1_000_000);
const picks = Number(process.env['PULT_BENCH_PICKS'] ?? 300);

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

/**
 * The base's clients (PULT_BENCH_CLIENTS, default 1,000,000) and one sales list: most have
 * consented to advertising calls, one in 97 asked never to be called.
 */
async function salesListBase() {
  const dir = newUserDataDir();
  const db = await clientBase(dir);
  const { sqlite } = db;
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO campaigns (id, uid, name, purpose, offer_code, status, created_by, created_at)
         VALUES (1, 'bench', 'Тариф', 'sales', 'home', 'active', 'bench', '2026-12-01T00:00:00Z')`,
      )
      .run();
    sqlite
      .prepare(
        `INSERT INTO consents (uid, client_id, scope, source, given_at, recorded_by)
         SELECT 'c' || id, id, 'advertising', 'import', '2026-06-01T00:00:00Z', 'bench'
         FROM clients WHERE id % 7 != 0`,
      )
      .run();
    sqlite
      .prepare(
        `INSERT INTO dnc_entries (uid, level, client_id, reason, created_by, created_at)
         SELECT 'd' || id, 'global', id, '', 'bench', '2026-06-01T00:00:00Z' FROM clients WHERE id % 97 = 0`,
      )
      .run();
  })();
  return { dir, db, sqlite };
}

export const campaignBenches: Bench[] = [
  {
    name: 'campaignBuild',
    async run(): Promise<Figure[]> {
      const { dir, db, sqlite } = await salesListBase();
      const total = (sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
      await db.close();
      // On a worker thread, as the app runs it; main's event loop watched meanwhile.
      const stalls = monitorEventLoopDelay({ resolution: 5 });
      stalls.enable();
      const started = performance.now();
      const summary = await testFileJobs('campaign-build').run({
        task: 'campaignBuild',
        database: { file: path.join(dir, 'pult.sqlite') },
        campaignId: 1,
        source: {},
        countries: defaultCallingRules,
        at: '2026-12-07T10:00:00.000Z',
      });
      const seconds = (performance.now() - started) / 1000;
      stalls.disable();
      rmSync(dir, { recursive: true, force: true });
      return [
        {
          name: 'campaign.build.s',
          value: round(seconds),
          unit: `s (a list of ${summary.added} leads from ${total} clients, every rule checked, on a worker; ${summary.due} due now)`,
          n: 1,
        },
        {
          name: 'campaign.build.mainMaxStallMs',
          value: round(stalls.max / 1e6),
          unit: "ms (the longest hold of main's event loop while the list was built)",
          n: 1,
        },
      ];
    },
  },
  {
    name: 'campaignPick',
    async run(): Promise<Figure[]> {
      // The base's clients (PULT_BENCH_CLIENTS, default 1,000,000), each a lead of one sales list.
      const { dir, db, sqlite } = await salesListBase();
      sqlite.transaction(() => {
        sqlite
          .prepare(
            `INSERT INTO leads (id, uid, campaign_id, client_id, e164, country, state, due_at, created_at)
             SELECT c.id, 'l' || c.id, 1, c.id, p.e164, 'UA', 'due',
               strftime('%Y-%m-%dT%H:%M:%fZ', '2026-12-01', '+' || (c.id % 86400) || ' seconds'),
               '2026-12-01T00:00:00Z'
             FROM clients c JOIN client_phones p ON p.client_id = c.id`,
          )
          .run();
        // Most have consented; one in 97 asked never to be called; a third was tried this month.
        sqlite
          .prepare(
            `INSERT INTO lead_attempts (uid, lead_id, e164, started_at, result, created_by)
             SELECT 'a' || id, id, e164, '2026-12-0' || (1 + id % 6) || 'T10:00:00.000Z', 'noAnswer', 'bench'
             FROM leads WHERE id % 3 = 0`,
          )
          .run();
      })();
      const total = (sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
      const picker = new LeadPicker(sqlite, () => defaultCallingRules);
      const dialled = sqlite.prepare("UPDATE leads SET state = 'done' WHERE id = ?");
      const now = new Date('2026-12-07T10:00:00Z');
      const taken: number[] = [];
      for (let i = 0; i < picks; i++) {
        const started = performance.now();
        const lead = picker.next(1, now);
        taken.push(performance.now() - started);
        if (lead === undefined) break;
        dialled.run(lead.leadId);
      }
      await db.close();
      rmSync(dir, { recursive: true, force: true });
      return [
        {
          name: 'campaign.nextLead.p95Ms',
          value: round(percentile(taken, 95)),
          unit: `ms (the next callable lead, every rule applied, the ones that may not be called put aside; ${total} leads)`,
          n: taken.length,
        },
      ];
    },
  },
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
