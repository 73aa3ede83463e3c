import type BetterSqlite3 from 'better-sqlite3';
import type { TargetsFile } from '../../../src-shared/performance/performancePolicy';

/**
 * Targets are kept as editions (a value, its version and the day it took
 * effect), never overwritten: the sheet reads the one in force on each day
 * and says on which day a target changed. IT's policy and the supervisor's
 * targets file both add editions; the same edition taken twice is one.
 */
export function takeTargets(
  sqlite: BetterSqlite3.Database,
  editions: readonly {
    metric: string;
    period: string;
    value: number;
    version: string;
    effectiveFrom: string;
  }[],
  source: string,
  at: string,
): number {
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO targets (metric, period, value, version, effective_from, source, loaded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return sqlite.transaction(() => {
    let added = 0;
    for (const t of editions)
      added += insert.run(
        t.metric,
        t.period,
        t.value,
        t.version,
        t.effectiveFrom,
        source,
        at,
      ).changes;
    return added;
  })();
}

export function fileTargets(file: TargetsFile) {
  return file.targets.map((t) => ({
    ...t,
    version: file.version,
    effectiveFrom: file.effectiveFrom,
  }));
}
