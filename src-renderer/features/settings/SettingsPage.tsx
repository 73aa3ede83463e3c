import { Alert, Divider, Input, SegmentedControl, Stack, Text } from '@mantine/core';
import { AudioSettings } from './AudioSettings';
import { HeadsetSettings } from './HeadsetSettings';
import { HotkeySettings } from './HotkeySettings';
import { SipAccountForm } from './SipAccountForm';
import { DiagnosticsBundle } from './DiagnosticsBundle';
import { TeamSyncPanel } from './TeamSyncPanel';
import { UpdatesPanel } from './UpdatesPanel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  languages,
  type SettingsPatch,
  type SettingsView,
} from '../../../src-shared/settings/userSettingsSchema';
import { invoke } from '../../api/pultClient';
import { problemText } from '../../common/problems';

const themes = ['system', 'light', 'dark'] as const;

export function SettingsPage({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | undefined>();
  const isLocked = (key: keyof SettingsView['values']) => settings.locked.includes(key);

  const save = (patch: SettingsPatch) => {
    setError(undefined);
    // The new values come back through settings.changed, so every window agrees.
    invoke('settings.update', patch).catch((e: unknown) => {
      setError(t('settings.saveFailed', { message: problemText(e) }));
    });
  };

  return (
    <Stack gap="lg" maw={520}>
      <Text c="dimmed">{t('sections.settings.empty')}</Text>
      <Input.Wrapper
        label={t('settings.language')}
        description={isLocked('language') ? t('settings.locked') : undefined}
      >
        <SegmentedControl
          data-testid="setting-language"
          fullWidth
          mt={4}
          disabled={isLocked('language')}
          value={settings.values.language}
          onChange={(value) => save({ language: value })}
          data={languages.map((language) => ({
            value: language,
            label: t(`settings.languages.${language}`),
          }))}
        />
      </Input.Wrapper>
      <Input.Wrapper
        label={t('settings.theme')}
        description={isLocked('theme') ? t('settings.locked') : undefined}
      >
        <SegmentedControl
          data-testid="setting-theme"
          fullWidth
          mt={4}
          disabled={isLocked('theme')}
          value={settings.values.theme}
          onChange={(value) => save({ theme: value })}
          data={themes.map((theme) => ({ value: theme, label: t(`settings.themes.${theme}`) }))}
        />
      </Input.Wrapper>
      {error !== undefined && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Divider my="sm" />
      <AudioSettings
        audio={settings.values.audio}
        autoAnswer={settings.values.autoAnswer}
        locked={{ audio: isLocked('audio'), autoAnswer: isLocked('autoAnswer') }}
        save={save}
      />
      <HeadsetSettings headset={settings.values.headset} locked={isLocked('headset')} save={save} />
      <Divider my="sm" />
      <HotkeySettings
        hotkeys={settings.values.hotkeys}
        locked={isLocked('hotkeys')}
        global={settings.values.globalCallHotkeys}
        globalLocked={isLocked('globalCallHotkeys')}
      />
      <Divider my="sm" />
      <SipAccountForm />
      <Divider my="sm" />
      <UpdatesPanel />
      <TeamSyncPanel />
      <DiagnosticsBundle />
    </Stack>
  );
}
