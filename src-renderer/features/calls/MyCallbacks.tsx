import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-main/ipc/contract';
import { invoke } from '../../api/pultClient';
import { formatDateTime } from '../../common/formatting';
import { CallbackTimePopover } from './CallbackTimePopover';
import { reportProblem } from '../../common/problems';
import { useSyncView } from '../../common/useSyncView';
import type { TeamCallbackView } from '../../../src-shared/sync/supervisorView';

type Callbacks = ResponseOf<'callbacks.mine'>;

/** The callbacks the operator promised: overdue first, then today, then later. */
export function MyCallbacks({ onOpenClient }: { onOpenClient: (clientId: number) => void }) {
  const { t, i18n } = useTranslation();
  const [callbacks, setCallbacks] = useState<Callbacks | undefined>();
  const sync = useSyncView();
  const inTeam = sync?.configured === true && sync.hasPassword;
  const [open, setOpen] = useState<TeamCallbackView[] | null>(null);
  const load = useCallback(() => {
    invoke('callbacks.mine').then(setCallbacks, (e: unknown) => reportProblem('load', e));
    if (inTeam)
      invoke('team.openCallbacks').then(setOpen, (e: unknown) => reportProblem('load', e));
  }, [inTeam]);
  useEffect(() => {
    load();
    const timer = setInterval(load, 30_000);
    return () => clearInterval(timer);
  }, [load]);
  // A callback taken by or from this operator arrives with the team's feed.
  const cursor = sync?.cursor;
  useEffect(() => {
    if (cursor !== undefined) load();
  }, [cursor, load]);
  if (callbacks === undefined) return null;
  const total = callbacks.overdue.length + callbacks.today.length + callbacks.later.length;
  const group = (key: 'overdue' | 'today' | 'later', color?: string) =>
    callbacks[key].length === 0 ? null : (
      <Stack gap={4} key={key} data-testid={`callbacks-${key}`}>
        <Text size="sm" fw={600} c={color}>
          {t(`calls.callbacks.${key}`)}
        </Text>
        {callbacks[key].map((callback) => (
          <Group key={callback.id} justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm">{callback.clientName}</Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(callback.dueAt, i18n.language)}
                {callback.note === '' ? '' : ` · ${callback.note}`}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" onClick={() => onOpenClient(callback.clientId)}>
                {t('calls.callbacks.open')}
              </Button>
              <Reschedule id={callback.id} onDone={load} />
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => void invoke('callbacks.cancel', { id: callback.id }).then(load)}
              >
                {t('calls.callbacks.cancel')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    );
  return (
    <Paper withBorder p="md" radius="sm" data-testid="my-callbacks">
      <Title order={2} size="h5" mb="sm">
        {t('calls.callbacks.title')}
      </Title>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('calls.callbacks.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {group('overdue', 'red')}
          {group('today')}
          {group('later')}
        </Stack>
      )}
      {open !== null && open.length > 0 && (
        <Stack gap={4} mt="md" data-testid="callbacks-team">
          <Text size="sm" fw={600} c="orange">
            {t('calls.callbacks.team')}
          </Text>
          {open.map((callback) => (
            <Group key={callback.uid} justify="space-between" wrap="nowrap">
              <div>
                <Text size="sm">{callback.clientName ?? t('calls.callbacks.notHere')}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(callback.dueAt, i18n.language)} ·{' '}
                  {t('calls.callbacks.promisedBy', { owner: callback.owner })}
                  {callback.note === '' ? '' : ` · ${callback.note}`}
                </Text>
              </div>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  void invoke('team.takeCallback', { uid: callback.uid }).then(load, (e: unknown) =>
                    reportProblem('save', e),
                  )
                }
                data-testid="callbacks-take"
              >
                {t('calls.callbacks.take')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** Moves a promised callback to another time (not into the past). */
function Reschedule({ id, onDone }: { id: number; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <CallbackTimePopover
      label={t('calls.callbacks.reschedule')}
      testId="callback-reschedule"
      timeLabel={t('calls.callbacks.newTime')}
      saveLabel={t('calls.callbacks.rescheduleSave')}
      onSave={async (dueAt) => {
        const result = await invoke('callbacks.reschedule', { id, dueAt });
        if (!result.ok) return t(`calls.callbacks.errors.${result.error}`);
        onDone();
        return undefined;
      }}
    />
  );
}
