import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { packUnpackedApp } from '../tests/support/packedApp';
import { launchPult, newUserDataDir } from '../tests/e2e/support/pultApp';
import type { Bench, Figure } from './benches';
import { clientBase } from './calls.bench';
import { percentile, round } from './stats';

const clients = Number(process.env['PULT_BENCH_CLIENTS'] ?? 1_000_000);
const starts = Number(process.env['PULT_BENCH_STARTS'] ?? 5);
const root = path.resolve(import.meta.dirname, '..');

function bundle(): void {
  if (!existsSync(path.join(root, 'dist/main/main.js')))
    spawnSync('npm', ['run', '--silent', 'bundle'], { cwd: root, stdio: 'ignore' });
}

function sizeOf(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/**
 * What IT rolls out and what an operator waits for: the packed app's size
 * and the start of the app up to the Clients section usable.
 */
export const releaseBenches: Bench[] = [
  {
    name: 'startup',
    async run(): Promise<Figure[]> {
      bundle();
      const userDataDir = newUserDataDir();
      const db = await clientBase(userDataDir);
      await db.close();
      // Once first: the start after an import encrypts the base and builds the search index.
      const first = await launchPult({ userDataDir });
      const firstPage = await first.firstWindow();
      await firstPage
        .getByTestId('status-database')
        .getByText('готова', { exact: false })
        .waitFor({ timeout: 600_000 });
      await firstPage.waitForFunction(
        () =>
          !document.querySelector('[data-testid="status-database"]')?.textContent?.includes('%'),
        undefined,
        { timeout: 600_000 },
      );
      await first.close();
      const taken: number[] = [];
      const whole: number[] = [];
      for (let i = 0; i < starts; i++) {
        const started = Date.now();
        const app = await launchPult({ userDataDir });
        try {
          const page = await app.firstWindow();
          await page.getByTestId('nav-clients').click();
          await page.getByTestId('client-row').first().waitFor();
          const ready = Date.now();
          const handedOver = /pult-host: main handed over at (\d+)/.exec(app.output())?.[1];
          if (handedOver === undefined) throw new Error('the host did not say when main started');
          taken.push(ready - Number(handedOver));
          whole.push(ready - started);
        } finally {
          await app.close();
        }
      }
      rmSync(userDataDir, { recursive: true, force: true });
      return [
        {
          name: 'startup.toReadyMs',
          value: round(percentile(taken, 50)),
          unit: `ms (median: from the runtime handing over to Pult's main (its imports, services, the window, the page, the first render) to the Clients section listing clients, on the e2e host, whose first window takes the tab Chromium opened at launch as Electron's does a ready renderer; ${clients} clients)`,
          n: taken.length,
        },
        {
          name: 'startup.hostProcessToReadyMs',
          value: round(percentile(whole, 50)),
          unit: `ms (median: the same from the host process's spawn, with the host's own Node and Chromium launch that Electron does not have; ${clients} clients)`,
          n: whole.length,
        },
      ];
    },
  },
  {
    name: 'dist',
    async run(): Promise<Figure[]> {
      bundle();
      const packed = await packUnpackedApp();
      try {
        const mb = (bytes: number) => round(bytes / 1024 / 1024);
        return [
          {
            name: 'dist.appSizeMb',
            value: mb(sizeOf(packed.resources)),
            unit: 'MB (the packed Linux app without the Electron runtime: app.asar, its unpacked native modules and the extra resources)',
            n: 1,
          },
          {
            name: 'dist.asarMb',
            value: mb(statSync(path.join(packed.resources, 'app.asar')).size),
            unit: 'MB (app.asar alone)',
            n: 1,
          },
        ];
      } finally {
        packed.dispose();
      }
    },
  },
];
