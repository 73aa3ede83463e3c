import { Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary, ScriptRunView } from '../../../src-shared/scripts/scriptRunView';
import { invoke } from '../../api/pultClient';
import { formatDateTime } from '../../common/formatting';
import { reportProblem } from '../../common/problems';
import type { ScriptEditorView } from '../../../src-shared/scripts/scriptEditorView';
import { ScriptEditor } from './editor/ScriptEditor';
import { ScriptCatalogue } from './ScriptCatalogue';
import { ScriptPicker } from './ScriptPicker';
import { ScriptRunner } from './ScriptRunner';

/**
 * The Scripts section: any published script to run on its own (a
 * rehearsal, a call taken elsewhere), the center's scripts to open in the
 * editor, the operator's unfinished runs to go on with, and the run opened.
 */
export function ScriptsPage() {
  const { t, i18n } = useTranslation();
  const [unfinished, setUnfinished] = useState<RunSummary[]>([]);
  const [run, setRun] = useState<ScriptRunView | null>(null);
  const [editing, setEditing] = useState<ScriptEditorView | null>(null);
  const refresh = () =>
    invoke('scripts.unfinished').then(setUnfinished, (e: unknown) => reportProblem('load', e));
  useEffect(() => {
    void refresh();
  }, []);
  const open = (runId: number) =>
    invoke('scripts.run', { runId }).then(setRun, (e: unknown) => reportProblem('script', e));
  if (editing !== null)
    return (
      <ScriptEditor key={editing.scriptId} initial={editing} onClose={() => setEditing(null)} />
    );
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <Paper withBorder p="sm">
            <Title order={2} size="h5" mb="xs">
              {t('scripts.page.start')}
            </Title>
            <ScriptPicker
              onRun={(started) => {
                setRun(started);
                void refresh();
              }}
            />
          </Paper>
          <ScriptCatalogue onOpen={setEditing} />
          <Paper withBorder p="sm" data-testid="script-unfinished">
            <Title order={2} size="h5" mb="xs">
              {t('scripts.page.unfinished')}
            </Title>
            {unfinished.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('scripts.page.noneUnfinished')}
              </Text>
            )}
            <Stack gap={6}>
              {unfinished.map((item) => (
                <Group
                  key={item.runId}
                  justify="space-between"
                  wrap="nowrap"
                  data-testid="script-unfinished-run"
                >
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {item.scriptName}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {formatDateTime(item.startedAt, i18n.language)} · {item.nodeText}
                    </Text>
                  </div>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void open(item.runId)}
                    style={{ flexShrink: 0 }}
                    data-testid="script-continue"
                  >
                    {t('scripts.page.continue')}
                  </Button>
                </Group>
              ))}
            </Stack>
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        {run !== null && (
          <ScriptRunner
            run={run}
            onRun={(next) => {
              if (next.ended) void refresh();
            }}
          />
        )}
      </Grid.Col>
    </Grid>
  );
}
