import type BetterSqlite3 from 'better-sqlite3';

/** More different answers than any choice list has: the node is an input, not a branch. */
const maxAnswersCounted = 50;

/** What one node of a script version earned over all its runs. */
export interface NodeStats {
  nodeId: string;
  /** Runs that reached the node. */
  reached: number;
  /** Runs left standing on it, not ended (where runs drop off). */
  stoppedHere: number;
  /** Runs that ended here (an end or a transfer). */
  endedHere: number;
  /** Average seconds from entering the node to the run's next step. */
  averageSeconds: number | null;
  /** For an offer: accepted and refused; for a question: each choice. */
  answers: Record<string, number>;
}

export interface BranchStats {
  versionId: number;
  runs: number;
  ended: number;
  nodes: NodeStats[];
}

/**
 * What each branch of a script version earns: how many runs reached each
 * node, where runs stopped, how they ended, the answers given at offers and
 * questions, and the time spent per node. Each figure is one aggregate over
 * a covering index of the steps (the run's version and the time on a node are
 * written with each step for it); raw SQL, as it runs on a worker's own
 * connection (branchStatsWorker), never on main.
 */
export function branchStats(sqlite: BetterSqlite3.Database, versionId: number): BranchStats {
  const totals = sqlite
    .prepare<[number], { runs: number; ended: number }>(
      'SELECT count(*) AS runs, count(ended_at) AS ended FROM script_runs WHERE version_id = ?',
    )
    .get(versionId) ?? { runs: 0, ended: 0 };
  // Each from its covering index (script_run_steps_reach, _answers, script_runs_version).
  const reached = sqlite
    .prepare<[number], { nodeId: string; reached: number; averageSeconds: number | null }>(
      `SELECT node_id AS nodeId, count(DISTINCT run_id) AS reached, avg(seconds) AS averageSeconds
       FROM script_run_steps WHERE version_id = ? AND kind = 'enter' GROUP BY node_id`,
    )
    .all(versionId);
  const counted = (sql: string) =>
    new Map(
      sqlite
        .prepare<[number], { nodeId: string; n: number }>(sql)
        .all(versionId)
        .map((row) => [row.nodeId, row.n]),
    );
  const ended = counted(
    `SELECT node_id AS nodeId, count(*) AS n FROM script_run_steps
     WHERE version_id = ? AND kind = 'exit' GROUP BY node_id`,
  );
  const stopped = counted(
    `SELECT current_node AS nodeId, count(*) AS n FROM script_runs
     WHERE version_id = ? AND ended_at IS NULL GROUP BY current_node`,
  );
  const answers = new Map<string, Record<string, number>>();
  for (const row of sqlite
    .prepare<[number], { nodeId: string; value: string; n: number }>(
      `SELECT node_id AS nodeId, value, count(*) AS n FROM script_run_steps
       WHERE version_id = ? AND kind = 'answer' AND value IS NOT NULL GROUP BY node_id, value`,
    )
    .all(versionId)) {
    const counts = answers.get(row.nodeId) ?? {};
    counts[JSON.parse(row.value) as string] = row.n;
    answers.set(row.nodeId, counts);
  }
  // Choices and offers have a few answers each; what was typed into an input (a speed, a
  // name) is not a branch, and its hundreds of values are left out.
  for (const [nodeId, counts] of answers)
    if (Object.keys(counts).length > maxAnswersCounted) answers.delete(nodeId);
  return {
    versionId,
    runs: totals.runs,
    ended: totals.ended,
    nodes: reached.map((row) => ({
      nodeId: row.nodeId,
      reached: row.reached,
      stoppedHere: stopped.get(row.nodeId) ?? 0,
      endedHere: ended.get(row.nodeId) ?? 0,
      averageSeconds: row.averageSeconds === null ? null : Math.round(row.averageSeconds * 10) / 10,
      answers: answers.get(row.nodeId) ?? {},
    })),
  };
}
