import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateView } from '../../../src-shared/updates/updateView';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';
import { formatDateTime } from '../../common/formatting';
import { installUpdate, useUpdates } from './useUpdates';

/** One line saying where updates stand, in the operator's words. */
export function UpdateStateText({ view }: { view: UpdateView }) {
  const { t } = useTranslation();
  const state = view.state;
  let text: string;
  switch (state.kind) {
    case 'off':
      text = t(`settings.updates.off.${state.why}`);
      break;
    case 'notChecked':
      text = t('settings.updates.notChecked');
      break;
    case 'checking':
      text = t('settings.updates.checking');
      break;
    case 'upToDate':
      text = t(`settings.updates.upToDate.${state.why}`, { offered: state.offered ?? '' });
      break;
    case 'downloading':
      text = t('settings.updates.downloading', { version: state.version, percent: state.percent });
      break;
    case 'ready':
      text =
        state.heldBy === null
          ? t(state.installOnQuit ? 'settings.updates.onQuit' : 'settings.updates.ready', {
              version: state.version,
            })
          : t(`settings.updates.heldBy.${state.heldBy}`, {
              version: state.version,
              window: view.window ?? '',
            });
      break;
    case 'failed':
      text = t(`settings.updates.failed.${state.problem}`, { version: state.version ?? '' });
      break;
  }
  return (
    <Text size="sm" c={state.kind === 'failed' ? 'red' : undefined} data-testid="updates-state">
      {text}
    </Text>
  );
}

/** "Install now" and "Install on quit", shown only when nothing holds the update. */
export function InstallChoices({ view }: { view: UpdateView }) {
  const { t } = useTranslation();
  const state = view.state;
  if (state.kind !== 'ready' || state.heldBy !== null) return null;
  return (
    <Group gap="xs">
      <Button size="xs" onClick={() => void installUpdate('now')} data-testid="update-install-now">
        {t('settings.updates.installNow')}
      </Button>
      {!state.installOnQuit && (
        <Button
          size="xs"
          variant="default"
          onClick={() => void installUpdate('onQuit')}
          data-testid="update-install-on-quit"
        >
          {t('settings.updates.installOnQuit')}
        </Button>
      )}
    </Group>
  );
}

/**
 * Settings' Updates panel: the running version, IT's ring and window, what
 * the server offers and why it waits, a check now, and the install choices.
 */
export function UpdatesPanel() {
  const { t, i18n } = useTranslation();
  const view = useUpdates();
  const [checking, setChecking] = useState(false);
  if (view === undefined) return null;
  const check = async () => {
    setChecking(true);
    await invoke('updates.check').catch((error: unknown) => reportProblem('load', error));
    setChecking(false);
  };
  return (
    <Stack gap="xs" data-testid="updates-panel">
      <Title order={2} size="h5">
        {t('settings.updates.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('settings.updates.running', {
          version: view.running,
          ring: t(`settings.updates.rings.${view.ring}`),
        })}
        {view.window !== null && ` · ${t('settings.updates.window', { window: view.window })}`}
      </Text>
      <UpdateStateText view={view} />
      {view.state.kind === 'failed' && (
        <Text size="xs" c="dimmed" data-testid="updates-detail">
          {view.state.detail}
        </Text>
      )}
      {view.lastCheckAt !== null && (
        <Text size="xs" c="dimmed">
          {t('settings.updates.lastCheck', { at: formatDateTime(view.lastCheckAt, i18n.language) })}
        </Text>
      )}
      <Group gap="xs">
        {view.state.kind !== 'off' && (
          <Button
            size="xs"
            variant="default"
            loading={checking}
            onClick={() => void check()}
            data-testid="updates-check"
          >
            {t('settings.updates.check')}
          </Button>
        )}
      </Group>
      <InstallChoices view={view} />
    </Stack>
  );
}

/** In the status bar: a downloaded update, offered only when the operator is free. */
export function UpdateOffer() {
  const { t } = useTranslation();
  const view = useUpdates();
  if (view?.state.kind !== 'ready' || view.state.heldBy !== null) return null;
  return (
    <Group gap="xs" data-testid="update-offer">
      <Text size="xs">{t('settings.updates.offer', { version: view.state.version })}</Text>
      <InstallChoices view={view} />
    </Group>
  );
}
