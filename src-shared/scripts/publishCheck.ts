import { exitsOf, isFinal, type ScriptGraph, type ScriptNode } from './scriptGraph';
import type { publishProblemKinds } from './scriptEditorView';

/** Why a draft cannot be published, each shown on its node in the editor. */
export type PublishProblemKind = (typeof publishProblemKinds)[number];

export interface PublishProblem {
  nodeId: string;
  kind: PublishProblemKind;
  /** Which way on (next, choice:<id>, accepted…) or which {{…}}. */
  detail?: string;
}

const clientPlaceholders = new Set([
  'client.firstName',
  'client.lastName',
  'client.fullName',
  'client.city',
  'client.address',
  'agent.name',
]);

/**
 * Whether a draft may be published: a run started on it can always be
 * followed to an end. Refused when the start is missing, an id repeats, a
 * path stops on a node that is not an end or a transfer, a way on leads to no
 * node, a node cannot be reached from the start, a loop has no way out to an
 * end, a {{…}} names nothing the run will know, or an input has no type.
 */
export function publishProblems(graph: ScriptGraph): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const byId = new Map<string, ScriptNode>();
  for (const node of graph.nodes) {
    if (byId.has(node.id)) problems.push({ nodeId: node.id, kind: 'duplicateId' });
    else byId.set(node.id, node);
  }
  if (!byId.has(graph.start)) problems.push({ nodeId: graph.start, kind: 'noStart' });

  const edges = new Map<string, string[]>();
  for (const node of byId.values()) {
    const targets: string[] = [];
    for (const exit of exitsOf(node)) {
      if (exit.to === undefined) {
        problems.push({
          nodeId: node.id,
          kind: node.type === 'question' ? 'leadsNowhere' : 'pathWithoutEnd',
          detail: exit.via,
        });
      } else if (!byId.has(exit.to)) {
        problems.push({ nodeId: node.id, kind: 'leadsNowhere', detail: exit.via });
      } else targets.push(exit.to);
    }
    edges.set(node.id, targets);
    if (node.type === 'input' && node.inputType === undefined)
      problems.push({ nodeId: node.id, kind: 'inputWithoutType' });
  }

  const reached = reachable(
    [graph.start].filter((id) => byId.has(id)),
    (id) => edges.get(id) ?? [],
  );
  for (const id of byId.keys())
    if (!reached.has(id)) problems.push({ nodeId: id, kind: 'unreachable' });

  // A loop without an exit: nodes on a cycle from which no end or transfer can be reached.
  const reverse = new Map<string, string[]>();
  for (const [from, targets] of edges)
    for (const to of targets) {
      const sources = reverse.get(to);
      if (sources === undefined) reverse.set(to, [from]);
      else sources.push(from);
    }
  const finals = [...byId.values()].filter(isFinal).map((n) => n.id);
  const canFinish = reachable(finals, (id) => reverse.get(id) ?? []);
  for (const cycle of cycles(
    [...byId.keys()].filter((id) => !canFinish.has(id)),
    edges,
  ))
    for (const id of cycle) problems.push({ nodeId: id, kind: 'loopWithoutExit' });

  const known = knownNames(graph);
  for (const node of byId.values())
    for (const name of placeholdersOf(node))
      if (!known.has(name))
        problems.push({ nodeId: node.id, kind: 'unresolvedPlaceholder', detail: name });
  return problems;
}

function reachable(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop())
    for (const to of next(id))
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
  return seen;
}

/** The strongly connected parts that are loops (Tarjan's, without recursion), among `ids`. */
function cycles(ids: string[], edges: Map<string, string[]>): string[][] {
  const within = new Set(ids);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const get = (map: Map<string, number>, id: string) => map.get(id) ?? 0;
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  const visit = (id: string) => {
    index.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    onStack.add(id);
  };
  for (const root of ids) {
    if (index.has(root)) continue;
    visit(root);
    const work: { id: string; targets: string[]; next: number }[] = [
      { id: root, targets: (edges.get(root) ?? []).filter((t) => within.has(t)), next: 0 },
    ];
    for (let frame = work.at(-1); frame !== undefined; frame = work.at(-1)) {
      const to = frame.targets[frame.next];
      if (to !== undefined) {
        frame.next++;
        if (!index.has(to)) {
          visit(to);
          work.push({
            id: to,
            targets: (edges.get(to) ?? []).filter((t) => within.has(t)),
            next: 0,
          });
        } else if (onStack.has(to)) low.set(frame.id, Math.min(get(low, frame.id), get(index, to)));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent !== undefined)
        low.set(parent.id, Math.min(get(low, parent.id), get(low, frame.id)));
      if (get(low, frame.id) !== get(index, frame.id)) continue;
      const part: string[] = [];
      for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        onStack.delete(id);
        part.push(id);
        if (id === frame.id) break;
      }
      const selfLoop = frame.targets.includes(frame.id);
      if (part.length > 1 || selfLoop) found.push(part);
    }
  }
  return found;
}

function knownNames(graph: ScriptGraph): Set<string> {
  const known = new Set(clientPlaceholders);
  for (const node of graph.nodes) {
    if (node.type === 'question' || node.type === 'input') known.add(`answers.${node.variable}`);
    if (node.type === 'setVariable') known.add(`vars.${node.variable}`);
  }
  return known;
}

function placeholdersOf(node: ScriptNode): string[] {
  const text = 'text' in node ? node.text : '';
  return [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1] ?? '');
}
