import { CloseButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScriptRunView } from '../../../src-shared/scripts/scriptRunView';
import type { CallView } from '../../../src-shared/telephony/callView';
import { actOnCall } from '../calls';
import { ScriptPicker } from './ScriptPicker';
import { ScriptRunner } from './ScriptRunner';

/**
 * The script beside the card: the talking call's run, the picker when its
 * line has none, or the run a reload or a kill cut off.
 */
export function CallScriptPanel({
  call,
  run,
  picking,
  resumed,
  onRun,
  onClose,
}: {
  call: CallView | undefined;
  run: ScriptRunView | null;
  picking: boolean;
  resumed: boolean;
  onRun: (run: ScriptRunView) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const onCall = call !== undefined && run !== null && run.interactionId === call.interactionId;
  return (
    <Stack gap="sm" p="sm" data-testid="script-panel">
      <Group justify="space-between" gap="xs">
        <Text fw={600}>{t('scripts.panel.title')}</Text>
        {run !== null && (
          <CloseButton
            size="sm"
            aria-label={t('scripts.panel.close')}
            onClick={onClose}
            data-testid="script-close"
          />
        )}
      </Group>
      {resumed && run !== null && !onCall && (
        <Text size="sm" c="orange" data-testid="script-resumed">
          {t('scripts.panel.resumed')}
        </Text>
      )}
      {run !== null ? (
        <ScriptRunner
          run={run}
          onTransfer={
            onCall
              ? (number) =>
                  actOnCall({
                    action: 'transfer',
                    id: call.id,
                    target: number.replace(/[\s()]/g, ''),
                  })
              : undefined
          }
        />
      ) : picking && call !== undefined ? (
        <>
          <Text size="sm" c="dimmed">
            {t('scripts.panel.noScriptForLine')}
          </Text>
          <ScriptPicker
            interactionId={call.interactionId ?? undefined}
            clientId={call.client?.id}
            onRun={onRun}
          />
        </>
      ) : null}
    </Stack>
  );
}
