import dagre from '@dagrejs/dagre';
import { exitsOf, type ScriptGraph } from '../../../../src-shared/scripts/scriptGraph';

export const nodeWidth = 240;
export const nodeHeight = 108;

/**
 * Where each node stands on the canvas: laid out top to bottom by dagre, so
 * a script of hundreds of nodes opens readable without anyone arranging it.
 * Each node's row is the longest way to it from the start (a goodbye reached
 * from everywhere sits at the bottom), and dagre is given only the edges
 * between neighbouring rows: an edge across many rows costs it a dummy node
 * a row, and a 500-step script whose every step can finish took a minute.
 */
export function layoutScript(graph: ScriptGraph): Map<string, { x: number; y: number }> {
  const layout = new dagre.graphlib.Graph();
  layout.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60 });
  layout.setDefaultEdgeLabel(() => ({}));
  const edges = forwardEdges(graph);
  const rank = longestPathRanks(graph, edges);
  for (const node of graph.nodes) layout.setNode(node.id, { width: nodeWidth, height: nodeHeight });
  for (const [from, targets] of edges)
    for (const to of targets)
      if ((rank.get(to) ?? 0) === (rank.get(from) ?? 0) + 1) layout.setEdge(from, to);
  dagre.layout(layout);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of graph.nodes) {
    const placed = layout.node(node.id) as { x: number; y: number } | undefined;
    positions.set(node.id, {
      x: (placed?.x ?? 0) - nodeWidth / 2,
      y: (placed?.y ?? 0) - nodeHeight / 2,
    });
  }
  return positions;
}

/** Each node's ways on to other nodes, without the ones that close a loop (found depth first from the start). */
function forwardEdges(graph: ScriptGraph): Map<string, string[]> {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const all = new Map(
    graph.nodes.map((n) => [
      n.id,
      [...new Set(exitsOf(n).map((e) => e.to))].filter(
        (to): to is string => to !== undefined && ids.has(to),
      ),
    ]),
  );
  const forward = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  const state = new Map<string, 'open' | 'done'>();
  const roots = [graph.start, ...graph.nodes.map((n) => n.id)];
  for (const root of roots) {
    if (state.has(root) || !ids.has(root)) continue;
    // Without recursion: a 2,000-step chain would overflow the stack.
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
      const to = all.get(top.id)?.[top.next];
      if (to === undefined) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      top.next++;
      if (state.get(to) === 'open') continue;
      forward.get(top.id)?.push(to);
      if (!state.has(to)) {
        state.set(to, 'open');
        stack.push({ id: to, next: 0 });
      }
    }
  }
  return forward;
}

/** The longest way to each node over the forward edges (Kahn's order). */
function longestPathRanks(graph: ScriptGraph, edges: Map<string, string[]>): Map<string, number> {
  const incoming = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  for (const targets of edges.values())
    for (const to of targets) incoming.set(to, (incoming.get(to) ?? 0) + 1);
  const rank = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const ready = graph.nodes.filter((n) => incoming.get(n.id) === 0).map((n) => n.id);
  for (let id = ready.pop(); id !== undefined; id = ready.pop())
    for (const to of edges.get(id) ?? []) {
      rank.set(to, Math.max(rank.get(to) ?? 0, (rank.get(id) ?? 0) + 1));
      const left = (incoming.get(to) ?? 1) - 1;
      incoming.set(to, left);
      if (left === 0) ready.push(to);
    }
  return rank;
}

/** A string that changes only when the layout would: the nodes and where they lead. */
export function structureKey(graph: ScriptGraph): string {
  return graph.nodes
    .map(
      (n) =>
        `${n.id}>${exitsOf(n)
          .map((e) => e.to ?? '')
          .join(',')}`,
    )
    .join(';');
}
