import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publishProblems } from '../../../../src-shared/scripts/publishCheck';
import {
  addableNodeTypes,
  addNode,
  freeNodeId,
  newNode,
  removeNode,
  replaceNode,
  setExit,
  type AddableNodeType,
} from '../../../../src-shared/scripts/scriptEdits';
import { scriptGraphSchema, type ScriptGraph } from '../../../../src-shared/scripts/scriptGraph';
import type {
  BranchStatsView,
  ScriptEditorView,
} from '../../../../src-shared/scripts/scriptEditorView';
import { invoke } from '../../../api/pultClient';
import { reportProblem } from '../../../common/problems';
import type { ScriptRunView } from '../../../../src-shared/scripts/scriptRunView';
import { ScriptRunner } from '../ScriptRunner';
import { NodeForm } from './NodeForm';
import { ScriptVersions } from './ScriptVersions';

// The graph editor (React Flow, dagre, d3) loads when a script is opened, not with the window:
// a third of the page's code that a start does not need.
const ScriptCanvas = lazy(() =>
  import('./ScriptCanvas').then((m) => ({ default: m.ScriptCanvas })),
);

type Outcome =
  | { kind: 'saved' }
  | { kind: 'published'; version: number }
  | { kind: 'scheduled'; at: string }
  | { kind: 'refused'; count: number };

/** The schema's objections to the graph as edited, by node id and field. */
function fieldErrorsOf(graph: ScriptGraph): {
  byNode: Map<string, Record<string, string>>;
  count: number;
} {
  const parsed = scriptGraphSchema.safeParse(graph);
  const byNode = new Map<string, Record<string, string>>();
  if (parsed.success) return { byNode, count: 0 };
  for (const issue of parsed.error.issues) {
    const [scope, index, ...field] = issue.path;
    const node = scope === 'nodes' && typeof index === 'number' ? graph.nodes[index] : undefined;
    const id = node?.id ?? '';
    const errors = byNode.get(id) ?? {};
    errors[field.map(String).join('.')] = issue.message;
    byNode.set(id, errors);
  }
  return { byNode, count: parsed.error.issues.length };
}

/**
 * A script's editor: the graph drawn and laid out, the selected node's form,
 * the problems that stand in the way of publishing shown on their nodes as
 * the author works, saving as a draft (a published version never changes),
 * publishing now or at a set time, and the versions with what changed.
 * Read-only for whoever IT's policy does not let edit.
 */
export function ScriptEditor({
  initial,
  onClose,
}: {
  initial: ScriptEditorView;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState(initial);
  const [graph, setGraph] = useState(initial.graph);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<string | null>(initial.graph.start);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [addType, setAddType] = useState<AddableNodeType>('say');
  const [publishAt, setPublishAt] = useState('');
  const [testRun, setTestRun] = useState<ScriptRunView | null>(null);
  const [stats, setStats] = useState<BranchStatsView | null>(null);
  const live = view.versions.findLast((v) => v.status === 'published');
  const statsByNode = useMemo(
    () => (stats === null ? null : new Map(stats.nodes.map((n) => [n.nodeId, n]))),
    [stats],
  );
  const toggleStats = (on: boolean) => {
    if (!on || live === undefined) {
      setStats(null);
      return;
    }
    invoke('scripts.editor.stats', { versionId: live.versionId }).then(setStats, (e: unknown) =>
      reportProblem('load', e),
    );
  };
  const readOnly = !view.canEdit;
  const problems = useMemo(() => publishProblems(graph), [graph]);
  const schema = useMemo(() => fieldErrorsOf(graph), [graph]);
  const node = graph.nodes.find((n) => n.id === selected);

  const edit = (next: ScriptGraph) => {
    setGraph(next);
    setDirty(true);
    setOutcome(null);
  };
  const opened = (next: ScriptEditorView) => {
    setView(next);
    setGraph(next.graph);
    setDirty(false);
  };
  const save = async (): Promise<boolean> => {
    if (!dirty) return true;
    try {
      opened(await invoke('scripts.editor.save', { scriptId: view.scriptId, graph }));
      setOutcome({ kind: 'saved' });
      return true;
    } catch (e) {
      reportProblem('save', e);
      return false;
    }
  };
  const publish = async () => {
    if (!(await save())) return;
    const when = publishAt === '' ? undefined : new Date(publishAt);
    invoke('scripts.editor.publish', {
      scriptId: view.scriptId,
      ...(when === undefined || Number.isNaN(when.getTime()) ? {} : { at: when.toISOString() }),
    }).then(
      (result) => {
        opened(result.view);
        setOutcome(
          result.published
            ? { kind: 'published', version: result.view.latest.version }
            : result.scheduled !== null
              ? { kind: 'scheduled', at: result.scheduled }
              : { kind: 'refused', count: result.problems.length },
        );
      },
      (e: unknown) => reportProblem('save', e),
    );
  };
  const tryOut = async () => {
    if (!(await save())) return;
    invoke('scripts.editor.testRun', { scriptId: view.scriptId }).then(setTestRun, (e: unknown) =>
      reportProblem('script', e),
    );
  };
  const exportVersion = (versionId: number) =>
    void invoke('scripts.editor.export', { versionId }).catch((e: unknown) =>
      reportProblem('export', e),
    );

  return (
    <Stack gap="sm" data-testid="script-editor" data-read-only={readOnly}>
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onClose} data-testid="editor-close">
            {t('scripts.editor.back')}
          </Button>
          <TextInput
            size="xs"
            w={320}
            value={graph.name}
            readOnly={readOnly}
            aria-label={t('scripts.editor.name')}
            onChange={(e) => edit({ ...graph, name: e.currentTarget.value })}
            data-testid="editor-name"
          />
          <Badge
            variant="light"
            color={view.latest.status === 'published' && !dirty ? 'teal' : 'gray'}
          >
            {t('scripts.run.version', { version: view.latest.version })} ·{' '}
            {view.latest.status === 'published' && !dirty
              ? t('scripts.editor.live')
              : t('scripts.editor.draft')}
          </Badge>
          {live !== undefined && (
            <Switch
              size="xs"
              checked={stats !== null}
              onChange={(e) => toggleStats(e.currentTarget.checked)}
              label={
                stats === null
                  ? t('scripts.editor.stats.show', { version: live.version })
                  : t('scripts.editor.stats.summary', {
                      version: live.version,
                      runs: stats.runs,
                      ended: stats.ended,
                    })
              }
              data-testid="editor-stats"
            />
          )}
          {readOnly && (
            <Badge color="orange" variant="light" data-testid="editor-read-only">
              {t('scripts.editor.readOnly')}
            </Badge>
          )}
        </Group>
        {!readOnly && (
          <Group gap="xs">
            <Select
              size="xs"
              w={170}
              data={addableNodeTypes.map((type) => ({
                value: type,
                label: t(`scripts.editor.types.${type}`),
              }))}
              value={addType}
              allowDeselect={false}
              onChange={(v) => setAddType(addableNodeTypes.find((type) => type === v) ?? 'say')}
              aria-label={t('scripts.editor.addType')}
              data-testid="editor-add-type"
            />
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                const id = freeNodeId(graph, addType);
                edit(addNode(graph, newNode(addType, id)));
                setSelected(id);
              }}
              data-testid="editor-add"
            >
              {t('scripts.editor.add')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={!dirty || schema.count > 0}
              onClick={() => void save()}
              data-testid="editor-save"
            >
              {t('scripts.editor.save')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={schema.count > 0}
              onClick={() => void tryOut()}
              data-testid="editor-test"
            >
              {t('scripts.editor.tryOut')}
            </Button>
            <TextInput
              size="xs"
              type="datetime-local"
              value={publishAt}
              onChange={(e) => setPublishAt(e.currentTarget.value)}
              aria-label={t('scripts.editor.publishAt')}
              title={t('scripts.editor.publishAt')}
              data-testid="editor-publish-at"
            />
            <Button
              size="xs"
              disabled={schema.count > 0 || (!dirty && view.latest.status === 'published')}
              onClick={() => void publish()}
              data-testid="editor-publish"
            >
              {publishAt === '' ? t('scripts.editor.publish') : t('scripts.editor.schedule')}
            </Button>
          </Group>
        )}
      </Group>
      <Modal
        opened={testRun !== null}
        onClose={() => setTestRun(null)}
        title={t('scripts.editor.tryOutTitle')}
        size="lg"
        data-testid="editor-test-run"
      >
        {testRun !== null && <ScriptRunner run={testRun} />}
      </Modal>
      {outcome !== null && (
        <Alert
          color={outcome.kind === 'refused' ? 'red' : 'teal'}
          data-testid="editor-outcome"
          data-kind={outcome.kind}
        >
          {outcome.kind === 'published'
            ? t('scripts.editor.outcome.published', { version: outcome.version })
            : outcome.kind === 'scheduled'
              ? t('scripts.editor.outcome.scheduled', {
                  at: new Date(outcome.at).toLocaleString(i18n.language),
                })
              : outcome.kind === 'saved'
                ? t('scripts.editor.outcome.saved')
                : t('scripts.editor.outcome.refused', { count: outcome.count })}
        </Alert>
      )}
      <Grid gap="sm">
        <Grid.Col span={8}>
          <Paper withBorder h={620}>
            <Suspense fallback={<Loader m="md" size="sm" />}>
              <ScriptCanvas
                graph={graph}
                problems={problems}
                stats={statsByNode}
                selected={selected}
                readOnly={readOnly}
                onSelect={setSelected}
                onConnect={(from, via, to) => edit(setExit(graph, from, via, to))}
              />
            </Suspense>
          </Paper>
        </Grid.Col>
        <Grid.Col span={4}>
          <Tabs defaultValue="node">
            <Tabs.List>
              <Tabs.Tab value="node">{t('scripts.editor.tabs.node')}</Tabs.Tab>
              <Tabs.Tab value="problems" data-testid="editor-problems-tab">
                {t('scripts.editor.tabs.problems', { count: problems.length + schema.count })}
              </Tabs.Tab>
              <Tabs.Tab value="versions" data-testid="editor-versions-tab">
                {t('scripts.editor.tabs.versions')}
              </Tabs.Tab>
            </Tabs.List>
            <ScrollArea h={580} pt="xs">
              <Tabs.Panel value="node">
                {node === undefined ? (
                  <Text size="sm" c="dimmed">
                    {t('scripts.editor.pickNode')}
                  </Text>
                ) : (
                  <NodeForm
                    node={node}
                    graph={graph}
                    view={view}
                    readOnly={readOnly}
                    fieldErrors={schema.byNode.get(node.id) ?? {}}
                    onChange={(changed) => edit(replaceNode(graph, changed))}
                    onExit={(via, to) => edit(setExit(graph, node.id, via, to))}
                    onMakeStart={() => edit({ ...graph, start: node.id })}
                    onRemove={() => {
                      edit(removeNode(graph, node.id));
                      setSelected(graph.start);
                    }}
                  />
                )}
              </Tabs.Panel>
              <Tabs.Panel value="problems">
                <List size="sm" spacing={4} data-testid="editor-problems">
                  {problems.map((p, i) => (
                    <List.Item key={i} data-testid="editor-problem" data-node-id={p.nodeId}>
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        onClick={() => setSelected(p.nodeId)}
                      >
                        {p.nodeId}
                      </Button>{' '}
                      {t(`scripts.editor.problems.${p.kind}`)}
                      {p.detail === undefined ? '' : ` (${p.detail})`}
                    </List.Item>
                  ))}
                  {[...schema.byNode].flatMap(([id, errors]) =>
                    Object.entries(errors).map(([field, message]) => (
                      <List.Item key={`${id}.${field}`} data-testid="editor-field-problem">
                        {id} · {field}: {message}
                      </List.Item>
                    )),
                  )}
                </List>
              </Tabs.Panel>
              <Tabs.Panel value="versions">
                <ScriptVersions view={view} onExport={exportVersion} />
              </Tabs.Panel>
            </ScrollArea>
          </Tabs>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
