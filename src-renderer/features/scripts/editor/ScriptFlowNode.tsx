import { Badge, Group, Paper, Text } from '@mantine/core';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptNode } from '../../../../src-shared/scripts/scriptGraph';
import type {
  BranchStatsView,
  PublishProblemView,
} from '../../../../src-shared/scripts/scriptEditorView';
import { nodeHeight, nodeWidth } from './scriptLayout';

export type NodeStats = BranchStatsView['nodes'][number];

export type FlowNodeData = {
  node: ScriptNode;
  /** What the step earned over the live version's runs, when asked for. */
  stats: NodeStats | null;
  start: boolean;
  selected: boolean;
  problems: PublishProblemView[];
  exits: { via: string; label: string }[];
};
export type ScriptFlowNodeType = Node<FlowNodeData, 'script'>;

const typeColor: Record<ScriptNode['type'], string> = {
  say: 'blue',
  question: 'violet',
  input: 'cyan',
  branch: 'grape',
  setVariable: 'gray',
  offer: 'teal',
  order: 'green',
  transfer: 'orange',
  jump: 'gray',
  end: 'dark',
};

/** One node on the canvas: its type, its text, its problems, and a handle for each way on. */
export const ScriptFlowNode = memo(function ScriptFlowNode({
  data,
}: NodeProps<ScriptFlowNodeType>) {
  const { t } = useTranslation();
  const { node, problems, exits } = data;
  const text =
    'text' in node && node.text !== ''
      ? node.text
      : node.type === 'offer'
        ? node.item
        : node.type === 'transfer'
          ? node.department
          : node.type === 'end' && node.outcome !== undefined
            ? t(`clients.outcomes.${node.outcome}`)
            : '';
  return (
    <Paper
      withBorder
      p={6}
      radius="sm"
      w={nodeWidth}
      h={nodeHeight}
      data-testid={`editor-node-${node.id}`}
      data-problems={problems.map((p) => p.kind).join(',')}
      style={{
        borderColor: problems.length > 0 ? 'var(--mantine-color-red-6)' : undefined,
        borderWidth: problems.length > 0 || data.selected ? 2 : 1,
        outline: data.selected ? '2px solid var(--mantine-color-blue-4)' : undefined,
        overflow: 'hidden',
      }}
    >
      <Handle type="target" position={Position.Top} />
      <Group gap={4} wrap="nowrap">
        <Badge size="xs" color={typeColor[node.type]}>
          {t(`scripts.editor.types.${node.type}`)}
        </Badge>
        <Text size="xs" c="dimmed" truncate>
          {node.id}
          {data.start ? ` · ${t('scripts.editor.start')}` : ''}
        </Text>
      </Group>
      <Text size="xs" lineClamp={2} mt={2}>
        {text}
      </Text>
      {data.stats !== null && <StatsLine node={node} stats={data.stats} />}
      {problems.length > 0 && (
        <Text size="xs" c="red" truncate data-testid="editor-node-problem">
          {t(`scripts.editor.problems.${problems[0]?.kind ?? 'noStart'}`)}
          {problems.length > 1 ? ` (+${problems.length - 1})` : ''}
        </Text>
      )}
      {exits.map((exit, index) => (
        <Handle
          key={exit.via}
          id={exit.via}
          type="source"
          position={Position.Bottom}
          title={exit.label}
          style={{ left: `${((index + 1) * 100) / (exits.length + 1)}%` }}
        />
      ))}
    </Paper>
  );
});

/** Runs that reached the step, where they stopped, the time spent, and for an offer how many took it. */
function StatsLine({ node, stats }: { node: ScriptNode; stats: NodeStats }) {
  const { t } = useTranslation();
  const accepted = stats.answers['accepted'] ?? 0;
  const answered = Object.values(stats.answers).reduce((sum, n) => sum + n, 0);
  return (
    <Text size="xs" c="teal" truncate data-testid="editor-node-stats" data-reached={stats.reached}>
      {t('scripts.editor.stats.line', {
        reached: stats.reached,
        stopped: stats.stoppedHere,
        seconds: stats.averageSeconds ?? 0,
      })}
      {node.type === 'offer' && answered > 0
        ? ` · ${t('scripts.editor.stats.accepted', { share: Math.round((100 * accepted) / answered) })}`
        : ''}
    </Text>
  );
}
