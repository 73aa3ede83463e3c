import { Button, Group, Select, Stack, Switch, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudioDevices, SettingsPatch } from '../../../src-shared/settings/userSettingsSchema';
import { ringer } from '../../media';
import { reportProblem } from '../../common/problems';

interface Device {
  value: string;
  label: string;
}

/** Microphone, speaker and ring device, and auto-answer. */
export function AudioSettings({
  audio,
  autoAnswer,
  locked,
  save,
}: {
  audio: AudioDevices;
  autoAnswer: boolean;
  locked: { audio: boolean; autoAnswer: boolean };
  save: (patch: SettingsPatch) => void;
}) {
  const { t } = useTranslation();
  const [inputs, setInputs] = useState<Device[]>([]);
  const [outputs, setOutputs] = useState<Device[]>([]);
  useEffect(() => {
    const list = (kind: MediaDeviceKind, devices: MediaDeviceInfo[]) => [
      { value: '', label: t('audio.systemDefault') },
      ...devices
        .filter((d) => d.kind === kind && d.deviceId !== '' && d.deviceId !== 'default')
        .map((d, i) => ({
          value: d.deviceId,
          label: d.label === '' ? `${kind} ${i + 1}` : d.label,
        })),
    ];
    navigator.mediaDevices.enumerateDevices().then(
      (devices) => {
        setInputs(list('audioinput', devices));
        setOutputs(list('audiooutput', devices));
      },
      (e: unknown) => reportProblem('sound', e),
    );
  }, [t]);
  const choose = (key: keyof AudioDevices, value: string | null) =>
    save({ audio: { ...audio, [key]: value ?? '' } });
  return (
    <Stack gap="xs" data-testid="audio-settings">
      <Title order={2} size="h5">
        {t('audio.title')}
      </Title>
      <Select
        label={t('audio.microphone')}
        data={inputs}
        value={audio.microphone}
        onChange={(v) => choose('microphone', v)}
        disabled={locked.audio}
        allowDeselect={false}
        data-testid="audio-microphone"
      />
      <Select
        label={t('audio.speaker')}
        data={outputs}
        value={audio.speaker}
        onChange={(v) => choose('speaker', v)}
        disabled={locked.audio}
        allowDeselect={false}
        data-testid="audio-speaker"
      />
      <Group align="flex-end" gap="xs">
        <Select
          label={t('audio.ring')}
          description={t('audio.ringHint')}
          data={outputs}
          value={audio.ring}
          onChange={(v) => choose('ring', v)}
          disabled={locked.audio}
          allowDeselect={false}
          style={{ flex: 1 }}
          data-testid="audio-ring"
        />
        <Button variant="default" onClick={() => ringer.beep()} data-testid="audio-test-ring">
          {t('audio.testRing')}
        </Button>
      </Group>
      <Switch
        label={t('audio.autoAnswer')}
        description={t('audio.autoAnswerHint')}
        checked={autoAnswer}
        disabled={locked.autoAnswer}
        onChange={(e) => save({ autoAnswer: e.currentTarget.checked })}
        data-testid="setting-autoAnswer"
      />
    </Stack>
  );
}
