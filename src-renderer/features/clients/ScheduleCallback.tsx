import { Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/pultClient';

/** "Call back…" on the client card: a time and a note. */
export function ScheduleCallback({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const save = () => {
    const date = new Date(when);
    if (Number.isNaN(date.getTime())) return;
    invoke('callbacks.create', { clientId, dueAt: date.toISOString(), note }).then(
      (result) => {
        if (result.ok) {
          setMessage(t('clients.card.callbackSaved'));
          setOpened(false);
        } else setMessage(t('clients.card.callbackPast'));
      },
      (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <Group gap="xs">
      <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end" withArrow>
        <Popover.Target>
          <Button
            size="xs"
            variant="default"
            onClick={() => setOpened((o) => !o)}
            data-testid="schedule-callback"
          >
            {t('clients.card.scheduleCallback')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <TextInput
              type="datetime-local"
              label={t('clients.card.callbackAt')}
              value={when}
              onChange={(e) => setWhen(e.currentTarget.value)}
              data-testid="callback-at"
            />
            <TextInput
              label={t('clients.card.callbackNote')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Button size="xs" onClick={save} data-testid="callback-save">
              {t('clients.card.callbackSave')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {message !== undefined && (
        <Text size="xs" c="dimmed" data-testid="callback-message">
          {message}
        </Text>
      )}
    </Group>
  );
}
