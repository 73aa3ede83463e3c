import type { ScriptFileResult } from './scriptFile';
import type { ScriptLibrary } from './scriptLibrary';

export interface ShippedProblem {
  file: string;
  line: number;
  field: string;
  problem: string;
}

/**
 * Scripts IT ships in its folder, made what the files say: a new file is a
 * new script, published; a changed file is the script's next version,
 * published if the publishing check passes, else the live version stays and
 * the file's problem is reported. These scripts are read-only in the editor.
 */
export function syncShippedScripts(
  library: ScriptLibrary,
  files: readonly { file: string; result: ScriptFileResult }[],
  actor = 'IT',
): { scriptIds: Set<number>; problems: ShippedProblem[] } {
  const scriptIds = new Set<number>();
  const problems: ShippedProblem[] = [];
  for (const { file, result } of files) {
    if (!result.ok) {
      problems.push({ file, line: result.line, field: result.field, problem: result.problem });
      continue;
    }
    const { graph } = result;
    const listed = library.catalogue().find((s) => s.name === graph.name);
    const scriptId = listed?.scriptId ?? library.create(graph, actor).scriptId;
    scriptIds.add(scriptId);
    const latest = library.versions(scriptId).at(-1);
    if (latest === undefined) continue;
    const same = JSON.stringify(latest.graph) === JSON.stringify(graph);
    if (same && latest.status === 'published') continue;
    const draft = same ? latest : library.saveDraft(scriptId, graph, actor);
    const published = library.publish(draft.id, actor);
    if (!published.published)
      for (const p of published.problems)
        problems.push({ file, line: 0, field: p.nodeId, problem: p.kind });
  }
  return { scriptIds, problems };
}
