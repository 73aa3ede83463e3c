import { Button, Group, SimpleGrid, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  hotkeyActions,
  hotkeySchema,
  type HotkeyAction,
  type Hotkeys,
} from '../../../src-shared/settings/userSettingsSchema';
import { invoke } from '../../api/pultClient';
import { problemText, reportProblem } from '../../common/problems';

/** The operator's hotkeys, checked as they are typed ("F9", "mod+Enter", "alt+H"). */
export function HotkeySettings({
  hotkeys,
  locked,
  global,
  globalLocked,
}: {
  hotkeys: Hotkeys;
  locked: boolean;
  global: boolean;
  globalLocked: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Hotkeys>(hotkeys);
  const [message, setMessage] = useState<string | undefined>();
  const invalid = (action: HotkeyAction) => !hotkeySchema.safeParse(draft[action]).success;
  const save = () => {
    const bad = hotkeyActions.find(invalid);
    if (bad !== undefined) {
      setMessage(t('hotkeys.invalid', { key: draft[bad] }));
      return;
    }
    invoke('settings.update', { hotkeys: draft }).then(
      () => setMessage(t('hotkeys.saved')),
      (e: unknown) => setMessage(problemText(e)),
    );
  };
  return (
    <div data-testid="hotkey-settings">
      <Title order={2} size="h5" mb="xs">
        {t('hotkeys.title')}
      </Title>
      <SimpleGrid cols={2} spacing="xs">
        {hotkeyActions.map((action) => (
          <TextInput
            key={action}
            size="xs"
            label={t(`hotkeys.actions.${action}`)}
            value={draft[action]}
            disabled={locked}
            error={invalid(action) ? t('hotkeys.invalid', { key: draft[action] }) : undefined}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, [action]: value }));
            }}
            data-testid={`hotkey-${action}`}
          />
        ))}
      </SimpleGrid>
      <Switch
        mt="sm"
        label={t('hotkeys.global')}
        description={t('hotkeys.globalHint', { answer: draft.answer, hangUp: draft.hangUp })}
        checked={global}
        disabled={globalLocked}
        onChange={(e) =>
          void invoke('settings.update', { globalCallHotkeys: e.currentTarget.checked }).catch(
            (error: unknown) => reportProblem('settings', error),
          )
        }
        data-testid="setting-globalCallHotkeys"
      />
      <Group mt="sm">
        <Button size="xs" onClick={save} disabled={locked} data-testid="hotkeys-save">
          {t('hotkeys.save')}
        </Button>
        {message !== undefined && (
          <Text size="xs" c="dimmed" data-testid="hotkeys-message">
            {message}
          </Text>
        )}
      </Group>
    </div>
  );
}
