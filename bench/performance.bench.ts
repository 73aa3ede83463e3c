import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase, type PultDatabase } from '../src-main/core/db/database';
import { SheetRunner } from '../src-main/core/performance/sheetRunner';
import { takeTargets } from '../src-main/core/performance/targetEditions';
import { silentLogger } from '../src-main/core/platform/ports';
import { addDays, localDay } from '../src-shared/localDays';
import { performanceSheetSchema } from '../src-shared/performance/sheetView';
import { launchPult, newUserDataDir } from '../tests/e2e/support/pultApp';
import { SipPhone } from '../tests/e2e/support/sipPhone';
import { registerPult } from '../tests/e2e/support/sipSetup';
import { startKamailio } from '../tests/support/kamailio';
import type { Bench, Figure } from './benches';
import { percentile, round } from './stats';

const interactions = Number(process.env['PULT_BENCH_INTERACTIONS'] ?? 1_000_000);
const opens = Number(process.env['PULT_BENCH_SHEET_OPENS'] ?? 20);
const wrapUps = Number(process.env['PULT_BENCH_WRAPUPS'] ?? 5);
/** The operator the app runs as: its states are the ones the sheet reads. */
const actor = os.userInfo().username;
const callerNumber = '+380671119988';

/**
 * The demo year scaled to `interactions` calls in the operator's base, in time
 * order as a year of work writes them: each answered call with its talk,
 * hold and wrap-up, three state changes (on a call, wrap-up, Ready), an offer
 * in every fourth call (half accepted), an order in every tenth, and targets.
 */
export async function performanceBase(dir: string): Promise<PultDatabase> {
  const db = await openDatabase(path.join(dir, 'pult.sqlite'), { logger: silentLogger });
  const yearAgo = new Date();
  yearAgo.setDate(yearAgo.getDate() - 365);
  const start = yearAgo.toISOString();
  const step = (365 * 86_400) / interactions; // seconds between calls
  const t = (offset: string) =>
    `strftime('%Y-%m-%dT%H:%M:%fZ', @start, '+' || (i * ${step}) || ' seconds'${offset})`;
  db.sqlite.transaction(() => {
    db.sqlite
      .prepare(
        `INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
         VALUES (1, 'Клієнт бенчу', 'клієнт бенчу', @start, @start)`,
      )
      .run({ start });
    db.sqlite
      .prepare("INSERT INTO client_phones (client_id, e164, raw) VALUES (1, ?, '')")
      .run(callerNumber);
    db.sqlite
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @n)
         INSERT INTO interactions (client_id, kind, direction, remote_number, offered_at, answered_at, ended_at,
           talk_seconds, hold_seconds, outcome, wrapped_up_at)
         SELECT 1, 'call', CASE i % 2 WHEN 0 THEN 'inbound' ELSE 'outbound' END, '+380671119988',
           ${t('')},
           CASE WHEN i % 10 = 0 THEN NULL ELSE ${t(", '+5 seconds'")} END,
           ${t(", '+' || (65 + i % 240) || ' seconds'")},
           CASE WHEN i % 10 = 0 THEN 0 ELSE 60 + i % 240 END,
           CASE WHEN i % 7 = 0 THEN 20 ELSE 0 END,
           CASE WHEN i % 10 = 0 THEN NULL WHEN i % 4 = 0 THEN 'sale' WHEN i % 4 = 1 THEN 'refused' ELSE 'info' END,
           CASE WHEN i % 10 = 0 THEN NULL ELSE ${t(", '+' || (95 + i % 240) || ' seconds'")} END
         FROM n`,
      )
      .run({ start, n: interactions });
    db.sqlite
      .prepare(
        // Each change with its length, as the journal writes it (appendState); the last open.
        `INSERT INTO agent_state_events (at, actor, state, reason, seconds)
         SELECT at, ?, state, NULL,
           round((julianday(lead(at) OVER (ORDER BY at)) - julianday(at)) * 86400000) / 1000.0
         FROM (
           SELECT answered_at AS at, 'onCall' AS state FROM interactions WHERE answered_at IS NOT NULL
           UNION ALL SELECT ended_at, 'wrapUp' FROM interactions WHERE answered_at IS NOT NULL
           UNION ALL SELECT wrapped_up_at, 'ready' FROM interactions WHERE wrapped_up_at IS NOT NULL)
         ORDER BY at`,
      )
      .run(actor);
    db.sqlite
      .prepare(
        `INSERT INTO offers (client_id, interaction_id, offered_at, result)
         SELECT 1, id, answered_at, CASE WHEN outcome = 'sale' THEN 'accepted' ELSE 'refused' END
         FROM interactions WHERE outcome IN ('sale', 'refused') AND id % 2 = 0`,
      )
      .run();
    db.sqlite
      .prepare(
        `INSERT INTO orders (uid, client_id, interaction_id, type_code, type_title, status, created_by, created_at, updated_at)
         SELECT lower(hex(randomblob(16))), 1, id, 'connection', 'Підключення послуги', 'new', ?, answered_at, answered_at
         FROM interactions WHERE outcome = 'sale' AND id % 10 = 4`,
      )
      .run(actor);
  })();
  takeTargets(
    db.sqlite,
    [
      {
        metric: 'callsHandled',
        period: 'day',
        value: 2500,
        version: '1',
        effectiveFrom: localDay(yearAgo),
      },
      {
        metric: 'offersAccepted',
        period: 'day',
        value: 300,
        version: '1',
        effectiveFrom: localDay(yearAgo),
      },
    ],
    'bench',
    new Date().toISOString(),
  );
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

const sheetOptions = {
  actor,
  language: 'uk' as const,
  callbackGraceMinutes: 15,
  defaultShift: { from: '09:00', to: '18:00' },
  scheduleNames: [],
};

export const performanceBenches: Bench[] = [
  {
    /**
     * The sheet worker as main uses it, over the scaled year: a month and a
     * year asked for (the answer checked against the contract, as main's
     * dispatch does), and the longest main's event loop was held meanwhile.
     */
    name: 'perfSheet',
    async run(): Promise<Figure[]> {
      const dir = newUserDataDir();
      const db = await performanceBase(dir);
      await db.close();
      const runner = new SheetRunner(
        path.resolve(import.meta.dirname, '../tests/support/sheetWorker.mjs'),
        { file: path.join(dir, 'pult.sqlite') },
        silentLogger,
      );
      try {
        const today = localDay(new Date());
        const ask = async (from: string) => {
          const sheet = await runner.ask({
            type: 'sheet',
            range: { from, to: today },
            options: sheetOptions,
            now: new Date().toISOString(),
          });
          performanceSheetSchema.parse(sheet);
          return sheet;
        };
        const warmStart = performance.now();
        await runner.ask({ type: 'warm', options: sheetOptions, now: new Date().toISOString() });
        const warmMs = performance.now() - warmStart;
        const month: number[] = [];
        for (let i = 0; i < opens + 3; i++) {
          const at = performance.now();
          await ask(addDays(today, -30));
          if (i >= 3) month.push(performance.now() - at);
        }
        const delay = monitorEventLoopDelay({ resolution: 1 });
        delay.enable();
        const year: number[] = [];
        let calls = 0;
        for (let i = 0; i < 5; i++) {
          const at = performance.now();
          calls = (await ask(addDays(today, -364))).figures.callsHandled ?? 0;
          year.push(performance.now() - at);
        }
        delay.disable();
        const size = `${interactions} interactions over a year`;
        return [
          {
            name: 'perf.sheetWorker.month.p95Ms',
            value: round(percentile(month, 95)),
            unit: `ms (a month's sheet from the worker, checked; ${size})`,
            n: month.length,
          },
          {
            name: 'perf.sheetWorker.year.p95Ms',
            value: round(percentile(year, 95)),
            unit: `ms (a year's sheet, ${calls} calls handled; ${size})`,
            n: year.length,
          },
          {
            name: 'perf.sheetWorker.warm.ms',
            value: round(warmMs),
            unit: `ms (the year's weeks counted when the base opens; ${size})`,
            n: 1,
          },
          {
            name: 'main.maxStallMs',
            value: round(delay.max / 1e6),
            unit: `ms (main's event loop, longest hold while the sheet computes a year 5 times; ${size})`,
            n: 5,
          },
        ];
      } finally {
        await runner.stop();
      }
    },
  },
  {
    /**
     * The sheet in the app (the e2e host on Chromium, the real main and
     * renderer) over the scaled year: a month's sheet opened, its charts
     * drawn; and a real call through Kamailio wrapped up, to the sheet showing it.
     */
    name: 'perfApp',
    async run(): Promise<Figure[]> {
      const root = path.resolve(import.meta.dirname, '..');
      if (!existsSync(path.join(root, 'dist/main/main.js')))
        spawnSync('npm', ['run', '--silent', 'bundle'], { cwd: root, stdio: 'ignore' });
      const userDataDir = newUserDataDir();
      const db = await performanceBase(userDataDir);
      await db.close();
      const kamailio = await startKamailio([]);
      const caller = await SipPhone.start(callerNumber);
      const app = await launchPult({ userDataDir });
      const size = `${interactions} interactions over a year`;
      try {
        const page = await app.firstWindow();
        await page.evaluate('globalThis.__name = (f) => f');
        await registerPult(page, 'agent1', 'agentpw1');
        await page.getByTestId('nav-performance').click();
        await page.getByTestId('chart-days').and(page.locator('[data-drawn]')).waitFor();
        // From the click on "this month" to its sheet drawn: the figures in, the day chart redrawn.
        await page.evaluate(() => {
          const w = window as unknown as { clickedAt?: number; opened: number[]; readsAt: number };
          w.opened = [];
          w.readsAt = 0;
          const updated = () => document.querySelector('[data-testid="performance-updated"]');
          document.addEventListener(
            'click',
            (e) => {
              if (
                (e.target as HTMLElement).closest('[data-testid="performance-period"]') !== null
              ) {
                w.clickedAt = performance.now();
                w.readsAt = Number(updated()?.getAttribute('data-reads') ?? 0);
              }
            },
            true,
          );
          new MutationObserver(() => {
            const clicked = w.clickedAt;
            const chart = document.querySelector('[data-testid="chart-days"]');
            if (clicked === undefined || chart === null) return;
            if (Number(updated()?.getAttribute('data-reads') ?? 0) <= w.readsAt) return;
            w.clickedAt = undefined;
            requestAnimationFrame(() => w.opened.push(performance.now() - clicked));
          }).observe(document.body, {
            attributes: true,
            subtree: true,
            attributeFilter: ['data-drawn'],
          });
        });
        const period = page.getByTestId('performance-period');
        for (let i = 0; i < opens + 3; i++) {
          await period.getByText('Сьогодні').click();
          await page.waitForFunction(
            (n) => (window as unknown as { opened: number[] }).opened.length > n,
            2 * i,
          );
          await period.getByText('Цей місяць').click();
          await page.waitForFunction(
            (n) => (window as unknown as { opened: number[] }).opened.length > n,
            2 * i + 1,
          );
        }
        const all = await page.evaluate(() => (window as unknown as { opened: number[] }).opened);
        const monthOpens = all.filter((_, index) => index % 2 === 1).slice(3);

        // A call wrapped up while the month's sheet is open: save → the sheet counting it.
        const afterWrapUp: number[] = [];
        const handled = page.getByTestId('figure-callsHandled').getByTestId('figure-value');
        for (let i = 0; i < wrapUps; i++) {
          const before = await handled.textContent();
          await caller.call('sip:agent1@127.0.0.1');
          await page.getByTestId('call').and(page.locator('[data-state="ringing"]')).waitFor();
          await page.keyboard.press('F2');
          await page.getByTestId('call').and(page.locator('[data-state="active"]')).waitFor();
          await page.getByTestId('nav-performance').click();
          await page.getByTestId('call').getByTestId('call-hangup').click();
          const wrapUp = page.getByTestId('wrap-up');
          await wrapUp.getByTestId('wrap-up-disposition').click();
          await page.getByRole('option', { name: 'Надано інформацію' }).click();
          await page.waitForTimeout(300);
          const took = await page.evaluate((shown) => {
            const cell = () =>
              document.querySelector(
                '[data-testid="figure-callsHandled"] [data-testid="figure-value"]',
              );
            return new Promise<number>((resolve) => {
              const at = performance.now();
              new MutationObserver((_, observer) => {
                if (cell()?.textContent === shown) return;
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - at));
              }).observe(document.body, { childList: true, subtree: true, characterData: true });
              document.querySelector<HTMLElement>('[data-testid="wrap-up-save"]')?.click();
            });
          }, before);
          afterWrapUp.push(took);
          await page
            .getByTestId('calls-clear-ended')
            .click()
            .catch(() => undefined);
        }
        return [
          {
            name: 'perf.sheet.p95Ms',
            value: round(percentile(monthOpens, 95)),
            unit: `ms (this month's sheet opened, figures in and charts drawn, in the app; ${size})`,
            n: monthOpens.length,
          },
          {
            name: 'perf.afterWrapUp.ms',
            value: round(percentile(afterWrapUp, 95)),
            unit: `ms p95 (wrap-up saved to the open sheet counting the call, a real call through Kamailio; ${size})`,
            n: afterWrapUp.length,
          },
        ];
      } finally {
        await app.close();
        await caller.stop();
        await kamailio.stop();
      }
    },
  },
];
