import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../src-shared/scripts/scriptRunView';
import { invoke } from '../../api/pultClient';
import { formatDateTime } from '../../common/formatting';
import { reportProblem } from '../../common/problems';
import { RunAnswers } from './RunAnswers';
import { runChanges } from './runChanges';

/** The client's script runs on the card: which script, how it ended, and every answer. */
export function ClientScriptRuns({
  clientId,
  refreshKey,
}: {
  clientId: number;
  refreshKey?: unknown;
}) {
  const { t, i18n } = useTranslation();
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [moved, setMoved] = useState(0);
  // A run of this client moved on beside the card: its answers show here at once.
  useEffect(
    () =>
      runChanges.subscribe((run) => {
        if (run.clientId === clientId) setMoved((n) => n + 1);
      }),
    [clientId],
  );
  useEffect(() => {
    let current = true;
    invoke('scripts.ofClient', { clientId }).then(
      (list) => current && setRuns(list),
      (e: unknown) => reportProblem('load', e),
    );
    return () => {
      current = false;
    };
  }, [clientId, refreshKey, moved]);
  if (runs.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="client-script-runs">
      <Title order={3} size="h6">
        {t('scripts.card.title')}
      </Title>
      {runs.map((run) => (
        <Paper
          // A colleague's run is not on this desk (its runId is 0): keyed by who and when.
          key={`${run.by ?? ''}:${run.runId}:${run.startedAt}`}
          withBorder
          p="xs"
          data-testid="client-script-run"
          data-by={run.by ?? undefined}
        >
          <Group gap="xs" mb={4}>
            <Text size="sm" fw={600}>
              {run.scriptName}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(run.startedAt, i18n.language)}
            </Text>
            <Badge size="sm" variant="light" color={run.endedAt === null ? 'orange' : 'gray'}>
              {run.endedAt === null
                ? t('scripts.card.unfinished')
                : run.outcome === null
                  ? t('scripts.card.ended')
                  : t(`clients.outcomes.${run.outcome}`)}
            </Badge>
            {run.by !== null && (
              <Text size="xs" c="dimmed" data-testid="client-script-run-by">
                {t('scripts.card.by', { by: run.by })}
              </Text>
            )}
          </Group>
          <RunAnswers answers={run.answers} />
        </Paper>
      ))}
    </Stack>
  );
}
