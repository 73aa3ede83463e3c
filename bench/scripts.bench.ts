import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openDatabase } from '../src-main/core/db/database';
import { prepareConnection } from '../src-main/core/db/connection';
import { silentLogger } from '../src-main/core/platform/ports';
import { branchStats } from '../src-main/core/scripts/branchStats';
import { computeBranchStats } from '../src-main/core/scripts/branchStatsRunner';
import { ScriptLibrary } from '../src-main/core/scripts/scriptLibrary';
import { ClientBase } from '../src-main/core/clients/clientBase';
import { emptyPolicy } from '../src-main/core/settings/machinePolicy';
import { scriptsOf } from '../src-main/core/workstation/workstationScripts';
import { offerScript } from '../tests/support/scriptFixtures';
import { longScript } from './scriptsInApp.bench';
import type { Bench, Figure } from './benches';
import { percentile, round } from './stats';

const runs = Number(process.env['PULT_BENCH_SCRIPT_RUNS'] ?? 100_000);

/**
 * Branch statistics of a telesales script over `runs` runs written straight
 * in SQL (about seven steps each: greeting, offer, accepted or refused, why,
 * goodbye), as a year of an operator team's calls would leave them.
 */
export const scriptBenches: Bench[] = [
  {
    name: 'script',
    async run(): Promise<Figure[]> {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-bench-scripts-'));
      const file = path.join(dir, 'pult.sqlite');
      try {
        const db = await openDatabase(file, { logger: silentLogger });
        const library = new ScriptLibrary(db, { now: () => new Date() });
        const draft = library.create(offerScript(), 'bench');
        library.publish(draft.id, 'bench');
        db.sqlite.exec(`
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${runs})
          INSERT INTO script_runs (id, version_id, started_by, started_at, current_node, ended_at)
            SELECT i, ${draft.id}, 'op', strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' minutes'),
              CASE WHEN i % 10 = 0 THEN 'why' WHEN i % 3 = 0 THEN 'sale' ELSE 'bye' END,
              CASE WHEN i % 10 = 0 THEN NULL ELSE '2026-01-01' END FROM n;
          INSERT INTO script_run_steps (run_id, version_id, at, kind, node_id, value, seconds)
            SELECT r.id, r.version_id, strftime('%Y-%m-%dT%H:%M:%fZ', r.started_at, '+' || (s.k * 7) || ' seconds'),
              s.kind, s.node, s.value,
              CASE WHEN s.kind = 'enter' AND NOT (s.node = 'why' AND r.current_node = 'why') THEN 7 END
            FROM script_runs r JOIN (
              SELECT 1 AS k, 'enter' AS kind, 'hello' AS node, NULL AS value, 'all' AS path
              UNION ALL SELECT 2, 'enter', 'offer', NULL, 'all'
              UNION ALL SELECT 3, 'answer', 'offer', '"accepted"', 'sale'
              UNION ALL SELECT 4, 'enter', 'sale', NULL, 'sale'
              UNION ALL SELECT 5, 'exit', 'sale', NULL, 'sale'
              UNION ALL SELECT 3, 'answer', 'offer', '"refused"', 'no'
              UNION ALL SELECT 4, 'enter', 'why', NULL, 'no'
              UNION ALL SELECT 5, 'answer', 'why', '"price"', 'bye'
              UNION ALL SELECT 6, 'enter', 'bye', NULL, 'bye'
              UNION ALL SELECT 7, 'exit', 'bye', NULL, 'bye'
            ) s ON s.path = 'all'
              OR (s.path = 'sale' AND r.current_node = 'sale')
              OR (s.path IN ('no', 'bye') AND r.current_node = 'bye')
              OR (s.path = 'no' AND r.current_node = 'why')
            ORDER BY r.id, s.k;
          PRAGMA wal_checkpoint(TRUNCATE);`);
        const steps = (
          db.sqlite.prepare('SELECT count(*) AS n FROM script_run_steps').get() as {
            n: number;
          }
        ).n;
        await db.close();

        // The same code the worker runs, timed on a connection of its own.
        const sqlite = new Database(file);
        prepareConnection(sqlite, { busyTimeoutMs: 1000 });
        const compute: number[] = [];
        for (let i = 0; i < 7; i++) {
          const start = performance.now();
          branchStats(sqlite, draft.id);
          if (i >= 2) compute.push(performance.now() - start);
        }
        sqlite.close();
        // As main asks for it: a worker thread started, the statistics back.
        const worker = path.join(import.meta.dirname, '../tests/support/branchStatsWorker.mjs');
        const trips: number[] = [];
        for (let i = 0; i < 3; i++) {
          const start = performance.now();
          await computeBranchStats(worker, { file }, draft.id);
          trips.push(performance.now() - start);
        }
        const step = await stepInMain(dir);
        return [
          {
            name: 'script.step.mainP95Ms',
            value: round(percentile(step, 95)),
            unit: `ms (main's part of a key press: the answer checked, written and the next step drawn, a 500-step script, runs of 30 steps)`,
            n: step.length,
          },
          {
            name: 'script.branchStats.ms',
            value: round(percentile(compute, 50)),
            unit: `ms (branch statistics of one version over ${runs} runs, ${steps} steps, on a worker's connection)`,
            n: compute.length,
          },
          {
            name: 'script.branchStats.workerRoundTripMs',
            value: round(percentile(trips, 50)),
            unit: 'ms (the same asked from main: a worker started (TypeScript loaded by tsx here), the result back)',
            n: trips.length,
          },
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];

/** The runner's desk as main runs it (ScriptDesk over a base file): 300 answers, in runs of 30. */
async function stepInMain(dir: string): Promise<number[]> {
  const db = await openDatabase(path.join(dir, 'steps.sqlite'), { logger: silentLogger });
  const clock = { now: () => new Date() };
  const clients = new ClientBase(db, clock, 'UA', () => 'uk', {
    read: () => undefined,
    write: () => undefined,
  });
  const scripts = scriptsOf(
    { db, clients },
    { policy: emptyPolicy, clock, agentName: () => 'bench', language: () => 'uk' },
  );
  const draft = scripts.library.create(longScript(), 'bench');
  scripts.library.publish(draft.id, 'bench');
  const samples: number[] = [];
  let runId = 0;
  for (let i = 0; i < 330; i++) {
    if (i % 30 === 0) {
      const run = scripts.desk.start(draft.scriptId, { actor: 'bench' }, 'uk');
      if (typeof run === 'string') throw new Error(run);
      runId = run.runId;
    }
    const start = performance.now();
    scripts.desk.answer(runId, 'on', 'uk');
    if (i >= 30) samples.push(performance.now() - start);
  }
  await db.close();
  return samples;
}
