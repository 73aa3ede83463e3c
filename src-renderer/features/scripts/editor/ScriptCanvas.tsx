import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  type Connection,
  type Edge,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptGraph } from '../../../../src-shared/scripts/scriptGraph';
import type { PublishProblemView } from '../../../../src-shared/scripts/scriptEditorView';
import { labelledExits } from './exitLabels';
import { ScriptFlowNode, type NodeStats, type ScriptFlowNodeType } from './ScriptFlowNode';
import { layoutScript, nodeHeight, nodeWidth, structureKey } from './scriptLayout';

const nodeTypes = { script: ScriptFlowNode };

/** Up to this many steps every way on carries its name on the canvas. */
const labelledUpTo = 60;

/**
 * The script as a graph: nodes laid out automatically, each way on an edge
 * from its own handle; dragging from a handle to a node points that way at
 * it. Problems found by the publishing check are drawn on their nodes.
 */
export function ScriptCanvas({
  graph,
  problems,
  stats,
  selected,
  readOnly,
  onSelect,
  onConnect,
}: {
  graph: ScriptGraph;
  problems: PublishProblemView[];
  /** The live version's figures by step, or null when not shown. */
  stats: Map<string, NodeStats> | null;
  selected: string | null;
  readOnly: boolean;
  onSelect: (nodeId: string) => void;
  onConnect: (from: string, via: string, to: string) => void;
}) {
  const { t } = useTranslation();
  const key = structureKey(graph);
  // Laid out again only when the nodes or their ways change, not on every letter typed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const positions = useMemo(() => layoutScript(graph), [key]);
  const nodes = useMemo<ScriptFlowNodeType[]>(
    () =>
      graph.nodes.map((node) => ({
        id: node.id,
        type: 'script',
        position: positions.get(node.id) ?? { x: 0, y: 0 },
        // Every node has one size, given here: drawn at once and never hidden while React
        // Flow would measure it again after the node's data changed.
        width: nodeWidth,
        height: nodeHeight,
        measured: { width: nodeWidth, height: nodeHeight },
        draggable: false,
        data: {
          node,
          start: node.id === graph.start,
          selected: node.id === selected,
          problems: problems.filter((p) => p.nodeId === node.id),
          stats: stats?.get(node.id) ?? null,
          exits: labelledExits(node, t),
        },
      })),
    [graph, positions, problems, stats, selected, t],
  );
  const ids = useMemo(() => new Set(graph.nodes.map((n) => n.id)), [graph]);
  const edges = useMemo<Edge[]>(
    () =>
      graph.nodes.flatMap((node) =>
        labelledExits(node, t)
          .filter((exit) => exit.to !== undefined && ids.has(exit.to))
          .map((exit) => ({
            id: `${node.id}:${exit.via}`,
            source: node.id,
            sourceHandle: exit.via,
            target: exit.to ?? '',
            // Named on a small script, or from the step being edited: a large script's
            // thousand labels would hide the graph (and take a third of its drawing).
            label:
              exit.via === 'next' || (graph.nodes.length > labelledUpTo && node.id !== selected)
                ? undefined
                : exit.label,
            markerEnd: { type: MarkerType.ArrowClosed },
          })),
      ),
    [graph, ids, selected, t],
  );
  return (
    <div style={{ height: '100%', minHeight: 480 }} data-testid="editor-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={(_, node) => onSelect(node.id)}
        onConnect={(connection: Connection) => {
          if (readOnly || connection.sourceHandle == null) return;
          onConnect(connection.source, connection.sourceHandle, connection.target);
        }}
        nodesConnectable={!readOnly}
        fitView
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
        <FitOnChange structure={key} />
      </ReactFlow>
    </div>
  );
}

/**
 * A node added or a way re-pointed moves the layout: the whole script is
 * brought back into view, once the nodes are measured (fitting before that
 * leaves the view anywhere).
 */
function FitOnChange({ structure }: { structure: string }) {
  const flow = useReactFlow();
  const measured = useNodesInitialized();
  useEffect(() => {
    if (measured) void flow.fitView({ maxZoom: 1, duration: 0 });
  }, [structure, measured, flow]);
  return null;
}
