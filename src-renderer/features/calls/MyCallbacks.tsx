import { Button, Group, Paper, Popover, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-main/ipc/contract';
import { invoke } from '../../api/pultClient';
import { formatDateTime } from '../clients/formatting';

type Callbacks = ResponseOf<'callbacks.mine'>;

/** The callbacks the operator promised: overdue first, then today, then later. */
export function MyCallbacks({ onOpenClient }: { onOpenClient: (clientId: number) => void }) {
  const { t, i18n } = useTranslation();
  const [callbacks, setCallbacks] = useState<Callbacks | undefined>();
  const load = useCallback(() => {
    invoke('callbacks.mine').then(setCallbacks, () => undefined);
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, 30_000);
    return () => clearInterval(timer);
  }, [load]);
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
    </Paper>
  );
}

/** Moves a promised callback to another time (not into the past). */
function Reschedule({ id, onDone }: { id: number; onDone: () => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [when, setWhen] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const save = () => {
    const date = new Date(when);
    if (Number.isNaN(date.getTime())) return;
    invoke('callbacks.reschedule', { id, dueAt: date.toISOString() }).then(
      (result) => {
        if (result.ok) {
          setOpened(false);
          onDone();
        } else setProblem(t(`calls.callbacks.errors.${result.error}`));
      },
      () => undefined,
    );
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button
          size="xs"
          variant="default"
          onClick={() => setOpened((o) => !o)}
          data-testid="callback-reschedule"
        >
          {t('calls.callbacks.reschedule')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            type="datetime-local"
            label={t('calls.callbacks.newTime')}
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
            error={problem}
            data-testid="callback-new-time"
          />
          <Button size="xs" onClick={save} data-testid="callback-reschedule-save">
            {t('calls.callbacks.rescheduleSave')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
