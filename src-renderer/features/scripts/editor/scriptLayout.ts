import dagre from '@dagrejs/dagre';
import { exitsOf, type ScriptGraph } from '../../../../src-shared/scripts/scriptGraph';

export const nodeWidth = 240;
export const nodeHeight = 92;

/**
 * Where each node stands on the canvas: laid out top to bottom by dagre, so
 * a script of hundreds of nodes opens readable without anyone arranging it.
 */
export function layoutScript(graph: ScriptGraph): Map<string, { x: number; y: number }> {
  const layout = new dagre.graphlib.Graph();
  layout.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60 });
  layout.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const node of graph.nodes) layout.setNode(node.id, { width: nodeWidth, height: nodeHeight });
  for (const node of graph.nodes)
    for (const exit of exitsOf(node))
      if (exit.to !== undefined && ids.has(exit.to)) layout.setEdge(node.id, exit.to);
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
