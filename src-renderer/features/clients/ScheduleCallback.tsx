import { Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/pultClient';
import { CallbackTimePopover } from '../calls';

/** "Call back…" on the client card: a time and a note. */
export function ScheduleCallback({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | undefined>();
  return (
    <Group gap="xs">
      <CallbackTimePopover
        label={t('clients.card.scheduleCallback')}
        testId="schedule-callback"
        timeLabel={t('clients.card.callbackAt')}
        noteLabel={t('clients.card.callbackNote')}
        saveLabel={t('clients.card.callbackSave')}
        onSave={async (dueAt, note) => {
          const result = await invoke('callbacks.create', { clientId, dueAt, note });
          if (!result.ok) return t('clients.card.callbackPast');
          setMessage(t('clients.card.callbackSaved'));
          return undefined;
        }}
      />
      {message !== undefined && (
        <Text size="xs" c="dimmed" data-testid="callback-message">
          {message}
        </Text>
      )}
    </Group>
  );
}
