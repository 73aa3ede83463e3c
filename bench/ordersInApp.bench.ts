import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchPult, newUserDataDir } from '../tests/e2e/support/pultApp';
import type { Bench, Figure } from './benches';
import { clientBase } from './calls.bench';
import { fillOrders, orders } from './orders.bench';
import { percentile, round } from './stats';

const clients = Number(process.env['PULT_BENCH_CLIENTS'] ?? 1_000_000);
const opens = Number(process.env['PULT_BENCH_ORDER_OPENS'] ?? 30);

/**
 * The order form in the app (the e2e host on Chromium, the real main and
 * renderer) over `clients` clients and `orders` orders: from the key that
 * picks the order type to the form's first field focused.
 */
export const orderAppBenches: Bench[] = [
  {
    name: 'orderApp',
    async run(): Promise<Figure[]> {
      const root = path.resolve(import.meta.dirname, '..');
      if (!existsSync(path.join(root, 'dist/main/main.js')))
        spawnSync('npm', ['run', '--silent', 'bundle'], { cwd: root, stdio: 'ignore' });
      const userDataDir = newUserDataDir();
      const db = await clientBase(userDataDir);
      fillOrders(db);
      await db.close();
      const app = await launchPult({ userDataDir });
      try {
        const page = await app.firstWindow();
        await page.evaluate('globalThis.__name = (f) => f');
        await page.getByTestId('nav-clients').click();
        await page.getByTestId('client-row').first().click();
        await page.getByTestId('client-card-name').waitFor();
        await page.evaluate(() => {
          const w = window as unknown as { pressedAt?: number; opened: number[] };
          w.opened = [];
          window.addEventListener(
            'keydown',
            (e) => {
              if (e.key === '1') w.pressedAt = performance.now();
            },
            true,
          );
          document.addEventListener('focusin', (e) => {
            const at = w.pressedAt;
            if (
              at === undefined ||
              (e.target as HTMLElement).getAttribute('data-testid') !== 'order-service'
            )
              return;
            w.pressedAt = undefined;
            requestAnimationFrame(() => w.opened.push(performance.now() - at));
          });
        });
        for (let i = 0; i < opens; i++) {
          await page.keyboard.press('Control+o');
          await page.getByTestId('order-type-picker').waitFor();
          await page.keyboard.press('1');
          await page.getByTestId('order-service').waitFor();
          await page.waitForFunction(
            (n) => (window as unknown as { opened: number[] }).opened.length > n,
            i,
          );
          // The first Escape closes the list of the focused field, the next one the form (the draft stays).
          while ((await page.getByTestId('order-form').count()) > 0) {
            await page.keyboard.press('Escape');
            await page.waitForTimeout(50);
          }
        }
        const opened = await page.evaluate(
          () => (window as unknown as { opened: number[] }).opened,
        );
        const taken = opened.slice(3);
        return [
          {
            name: 'order.formOpen.p95Ms',
            value: round(percentile(taken, 95)),
            unit: `ms (type picked to first field focused, in the app; ${clients} clients, ${orders} orders)`,
            n: taken.length,
          },
        ];
      } finally {
        await app.close();
      }
    },
  },
];
