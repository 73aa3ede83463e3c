import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-main/ipc/contract';
import { invoke } from '../../api/pultClient';
import { formatDateTime, formatDuration } from '../../common/formatting';
import { reportProblem } from '../../common/problems';

type Entry = ResponseOf<'calls.log'>[number];

/** Today's calls, missed ones marked, each with a call-back button. */
export function CallLog({
  refreshKey,
  onOpenClient,
}: {
  refreshKey: unknown;
  onOpenClient: (clientId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    invoke('calls.log').then(setEntries, (e: unknown) => reportProblem('load', e));
  }, [refreshKey]);
  const callBack = (interactionId: number) => {
    setProblem(undefined);
    invoke('calls.dial', { interactionId }).then(
      (r) => !r.ok && setProblem(t(`calls.dial.errors.${r.error}`)),
      (e: unknown) => reportProblem('dial', e),
    );
  };
  const missed = entries.filter((e) => e.missed).length;
  return (
    <Paper withBorder p="md" radius="sm" data-testid="call-log">
      <Title order={2} size="h5" mb="sm">
        {t('calls.log.title')}
        {missed > 0 && (
          <Text span c="red" size="sm" ml="xs" data-testid="call-log-missed">
            {t('calls.log.missedCount', { count: missed })}
          </Text>
        )}
      </Title>
      {entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('calls.log.none')}
        </Text>
      )}
      <Stack gap={4}>
        {entries.map((entry) => (
          <Group
            key={entry.interactionId}
            justify="space-between"
            wrap="nowrap"
            data-testid="call-log-entry"
            data-missed={entry.missed}
          >
            <div>
              <Text size="sm" c={entry.missed ? 'red' : undefined}>
                {t(entry.direction === 'inbound' ? 'calls.live.inbound' : 'calls.live.outbound')} ·{' '}
                {entry.clientName ?? entry.remoteNumber}
                {entry.missed ? ` · ${t('calls.log.missed')}` : ''}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.offeredAt, i18n.language)} · {entry.remoteNumber}
                {entry.answeredAt !== null ? ` · ${formatDuration(entry.talkSeconds)}` : ''}
                {entry.endCause !== null && !entry.missed
                  ? ` · ${t(`calls.endCause.${entry.endCause}`, { defaultValue: entry.endCause })}`
                  : ''}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              {entry.clientId !== null && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => entry.clientId !== null && onOpenClient(entry.clientId)}
                >
                  {t('calls.live.openCard')}
                </Button>
              )}
              {entry.remoteNumber !== '' && (
                <Button
                  size="xs"
                  variant={entry.missed ? 'filled' : 'default'}
                  onClick={() => callBack(entry.interactionId)}
                  data-testid="call-log-call-back"
                >
                  {t('calls.log.callBack')}
                </Button>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
      {problem !== undefined && (
        <Text size="sm" c="red" mt="xs">
          {problem}
        </Text>
      )}
    </Paper>
  );
}
