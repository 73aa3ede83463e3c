import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptNode } from '../../../../src-shared/scripts/scriptGraph';
import type {
  BranchStatsView,
  PublishProblemView,
} from '../../../../src-shared/scripts/scriptEditorView';
import classes from './ScriptFlowNode.module.css';
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
  const faulty = problems.length > 0;
  return (
    <div
      className={`${classes.node} ${faulty ? classes.faulty : ''} ${data.selected ? classes.selected : ''}`}
      style={{ width: nodeWidth, height: nodeHeight }}
      data-testid={`editor-node-${node.id}`}
      data-problems={problems.map((p) => p.kind).join(',')}
    >
      <Handle type="target" position={Position.Top} />
      <div className={classes.header}>
        <span
          className={classes.badge}
          style={{ background: `var(--mantine-color-${typeColor[node.type]}-filled)` }}
        >
          {t(`scripts.editor.types.${node.type}`)}
        </span>
        <span className={classes.id}>
          {node.id}
          {data.start ? ` · ${t('scripts.editor.start')}` : ''}
        </span>
      </div>
      <div className={classes.text}>{text}</div>
      {data.stats !== null && <StatsLine node={node} stats={data.stats} />}
      {faulty && (
        <div className={`${classes.line} ${classes.problem}`} data-testid="editor-node-problem">
          {t(`scripts.editor.problems.${problems[0]?.kind ?? 'noStart'}`)}
          {problems.length > 1 ? ` (+${problems.length - 1})` : ''}
        </div>
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
    </div>
  );
});

/** Runs that reached the step, where they stopped, the time spent, and for an offer how many took it. */
function StatsLine({ node, stats }: { node: ScriptNode; stats: NodeStats }) {
  const { t } = useTranslation();
  const accepted = stats.answers['accepted'] ?? 0;
  const answered = Object.values(stats.answers).reduce((sum, n) => sum + n, 0);
  return (
    <div
      className={`${classes.line} ${classes.stats}`}
      data-testid="editor-node-stats"
      data-reached={stats.reached}
    >
      {t('scripts.editor.stats.line', {
        reached: stats.reached,
        stopped: stats.stoppedHere,
        seconds: stats.averageSeconds ?? 0,
      })}
      {node.type === 'offer' && answered > 0
        ? ` · ${t('scripts.editor.stats.accepted', { share: Math.round((100 * accepted) / answered) })}`
        : ''}
    </div>
  );
}
