import { Button, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

/**
 * Asks main for the bundle, with the audio devices the window sees; true
 * once saved. A failure is told to the operator, never swallowed.
 */
export async function saveDiagnostics(): Promise<boolean> {
  try {
    const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
    const result = await invoke('diagnostics.save', {
      audioDevices: devices.slice(0, 50).map((d) => ({
        kind: d.kind.slice(0, 20),
        label: d.label.slice(0, 200),
      })),
    });
    return result.saved;
  } catch (error) {
    reportProblem('save', error);
    return false;
  }
}

/**
 * One click for IT: a zip of versions, the policy in force, the status, the
 * last SIP messages and the logs (redacted), headsets and audio devices, and
 * the base's health without its content. The audio devices are the window's
 * to list, so they go along with the request.
 */
export function DiagnosticsBundle() {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setSaving(true);
    setSaved(false);
    setSaved(await saveDiagnostics());
    setSaving(false);
  };
  return (
    <div>
      <Title order={2} size="h5" mb="xs">
        {t('settings.diagnostics.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('settings.diagnostics.hint')}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          loading={saving}
          onClick={() => void save()}
          data-testid="diagnostics-save"
        >
          {t('settings.diagnostics.save')}
        </Button>
        {saved && (
          <Text size="sm" c="green" data-testid="diagnostics-saved">
            {t('settings.diagnostics.saved')}
          </Text>
        )}
      </Group>
    </div>
  );
}
