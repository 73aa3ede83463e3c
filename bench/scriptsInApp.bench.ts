import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ScriptLibrary } from '../src-main/core/scripts/scriptLibrary';
import { scriptGraphSchema, type ScriptGraph } from '../src-shared/scripts/scriptGraph';
import { launchPult, newUserDataDir } from '../tests/e2e/support/pultApp';
import type { Bench, Figure } from './benches';
import { clientBase } from './calls.bench';
import { percentile, round } from './stats';

const nodes = Number(process.env['PULT_BENCH_SCRIPT_NODES'] ?? 500);
const presses = Number(process.env['PULT_BENCH_SCRIPT_PRESSES'] ?? 200);
const clients = Number(process.env['PULT_BENCH_CLIENTS'] ?? 1_000_000);
/**
 * Between one step drawn and the next key: a quick operator's glance at the
 * step (100 to 300 ms). The deep run presses the instant a step is drawn.
 */
const thinkMs = () => 100 + Math.random() * 200;
/** Steps a call's run takes before the next run starts: a call passes a few dozen steps, not hundreds. */
const runLength = Number(process.env['PULT_BENCH_SCRIPT_RUN_LENGTH'] ?? 30);

/**
 * A script of `nodes` steps: questions of three answers each (on, skip one,
 * finish), so every step can go on to the next and every path ends.
 */
export function longScript(): ScriptGraph {
  const last = nodes - 1;
  return scriptGraphSchema.parse({
    name: 'Великий скрипт',
    start: 'q0',
    nodes: [
      ...Array.from({ length: last }, (_, i) => ({
        id: `q${i}`,
        type: 'question',
        text: `Питання ${i + 1}, {{client.firstName}}: ${'текст для зачитування '.repeat(6)}`,
        variable: `q${i}`,
        choices: [
          { id: 'on', label: 'Далі', next: i + 1 < last ? `q${i + 1}` : 'end' },
          { id: 'skip', label: 'Пропустити одне', next: i + 2 < last ? `q${i + 2}` : 'end' },
          { id: 'stop', label: 'Завершити', next: 'end' },
        ],
      })),
      { id: 'end', type: 'end', outcome: 'info' },
    ],
  });
}

/**
 * Scripts in the app (the e2e host on Chromium, the real main and renderer)
 * over a base of `clients` clients: a key press to the next step drawn, and
 * a `nodes`-step script opened in the editor, laid out and drawn.
 */
export const scriptAppBenches: Bench[] = [
  {
    name: 'scriptApp',
    async run(): Promise<Figure[]> {
      const root = path.resolve(import.meta.dirname, '..');
      if (!existsSync(path.join(root, 'dist/main/main.js')))
        spawnSync('npm', ['run', '--silent', 'bundle'], { cwd: root, stdio: 'ignore' });
      const userDataDir = newUserDataDir();
      const db = await clientBase(userDataDir);
      const library = new ScriptLibrary(db, { now: () => new Date() });
      const draft = library.create(longScript(), 'bench');
      library.publish(draft.id, 'bench');
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      await db.close();
      const app = await launchPult({ userDataDir });
      try {
        const page = await app.firstWindow();
        // tsx keeps function names with a helper the page does not have.
        await page.evaluate('globalThis.__name = (f) => f');
        await page.getByTestId('nav-scripts').click();
        await page.getByTestId('script-pick').click();
        await page.getByRole('option', { name: 'Великий скрипт' }).click();
        await page.getByTestId('script-start').click();
        await page.getByTestId('script-node').waitFor();
        // Key down to the next step's id on screen, painted (the frame after the change).
        await page.evaluate(() => {
          const w = window as unknown as { pressedAt?: number; steps: number[] };
          w.steps = [];
          window.addEventListener('keydown', () => (w.pressedAt = performance.now()), true);
          const shownId = () =>
            document.querySelector('[data-testid="script-node"]')?.getAttribute('data-node-id');
          let last = shownId();
          // The next step is a new element (each step is drawn afresh), or the same one changed.
          new MutationObserver(() => {
            const at = w.pressedAt;
            const id = shownId();
            if (at === undefined || id === last) return;
            last = id;
            w.pressedAt = undefined;
            requestAnimationFrame(() => w.steps.push(performance.now() - at));
          }).observe(document.body, { subtree: true, childList: true, attributes: true });
        });
        // Runs as long as calls make them (`runLength` steps), each from the start of the
        // script; then, separately, one run taken `presses` steps deep.
        const startRun = async () => {
          await page.getByTestId('script-pick').click();
          await page.getByRole('option', { name: 'Великий скрипт' }).click();
          await page.getByTestId('script-start').click();
          await page.waitForFunction(
            () =>
              document
                .querySelector('[data-testid="script-node"]')
                ?.getAttribute('data-node-id') === 'q0' &&
              document.activeElement?.getAttribute('data-testid') === 'script-node',
          );
        };
        // Waited for by the page's own MutationObserver, not by polling in every frame: a
        // poll at 60 Hz would keep the page drawing frames and put its work in the way.
        const pressOn = async () => {
          const id = await page.getByTestId('script-node').getAttribute('data-node-id');
          await page.keyboard.press('1');
          await page.evaluate(
            (before) =>
              new Promise<void>((resolve) => {
                const shown = () =>
                  document
                    .querySelector('[data-testid="script-node"]')
                    ?.getAttribute('data-node-id');
                if (shown() !== before) return resolve();
                const watch = new MutationObserver(() => {
                  if (shown() === before) return;
                  watch.disconnect();
                  resolve();
                });
                watch.observe(document.body, { subtree: true, childList: true, attributes: true });
              }),
            id,
          );
        };
        let shown = 0;
        for (let i = 0; i < presses; i++) {
          if (i % runLength === 0) await startRun();
          // An operator reads the step (and hears the client) before the next key.
          await new Promise((resolve) => setTimeout(resolve, thinkMs()));
          await pressOn();
          shown++;
        }
        const steps = await page.evaluate(() => {
          const w = window as unknown as { steps: number[] };
          const taken = w.steps;
          w.steps = [];
          return taken;
        });
        await startRun();
        for (let i = 0; i < Math.min(presses, nodes - 3); i++) await pressOn();
        const deep = await page.evaluate(() => (window as unknown as { steps: number[] }).steps);

        await page.getByTestId('nav-scripts').click();
        const opens: number[] = [];
        let drawn = 0;
        for (let i = 0; i < 6; i++) {
          const started = await page.evaluate(() => performance.now());
          await page.getByTestId('script-edit').first().click();
          const at = await page.evaluate(
            () =>
              new Promise<{ at: number; drawn: number }>((resolve) => {
                const check = () => {
                  const count = document.querySelectorAll('.react-flow__node').length;
                  const fitted = document.querySelector('.react-flow__viewport') !== null;
                  if (count > 0 && fitted)
                    requestAnimationFrame(() => resolve({ at: performance.now(), drawn: count }));
                  else requestAnimationFrame(check);
                };
                check();
              }),
          );
          if (i >= 1) opens.push(at.at - started);
          drawn = at.drawn;
          await page.getByTestId('editor-close').click();
        }
        return [
          {
            name: 'script.step.p95Ms',
            value: round(percentile(steps.slice(5), 95)),
            unit: `ms (a key press to the next step drawn, a ${nodes}-step script, runs of ${runLength} steps, keys 100-300 ms after a step is drawn, in the app over ${clients} clients)`,
            n: Math.max(0, Math.min(shown, steps.length) - 5),
          },
          {
            name: 'script.step.p50Ms',
            value: round(percentile(steps.slice(5), 50)),
            unit: 'ms (the same, median)',
            n: Math.max(0, steps.length - 5),
          },
          {
            name: 'script.step.deepRun.p95Ms',
            value: round(percentile(deep, 95)),
            unit: `ms (the same, one run taken ${deep.length} steps deep, each key the instant a step is drawn: every answer so far travels with each step)`,
            n: deep.length,
          },
          {
            name: 'scriptEditor.open.ms',
            value: round(percentile(opens, 50)),
            unit: `ms (a ${nodes}-step script opened in the editor: read, laid out by dagre and drawn; ${drawn} steps in view)`,
            n: opens.length,
          },
        ];
      } finally {
        await app.close();
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  },
];
