import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncView } from '../../../src-shared/sync/syncView';
import { invoke, onEvent } from '../../api/pultClient';
import { formatDateTime } from '../../common/formatting';
import { reportProblem } from '../../common/problems';

/**
 * Team sync: the center's server IT named, the operator's password for their
 * own login there, what waits to be sent, and the changes the server refused
 * for good with why (the rest of the queue went on without them).
 */
export function TeamSyncPanel() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<SyncView>();
  const [password, setPassword] = useState('');
  useEffect(() => {
    let live = true;
    invoke('sync.view').then(
      (value) => live && setView(value),
      (e: unknown) => reportProblem('load', e),
    );
    const off = onEvent('sync.changed', setView);
    return () => {
      live = false;
      off();
    };
  }, []);
  if (view === undefined) return null;
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Stack gap="xs" data-testid="team-sync">
      <Title order={2} size="h4">
        {t('settings.sync.title')}
      </Title>
      {!view.configured ? (
        <Text size="sm" c="dimmed" data-testid="team-sync-off">
          {t('settings.sync.off')}
        </Text>
      ) : (
        <>
          <Text size="sm">
            {t('settings.sync.server', { server: view.server, user: view.user })}
          </Text>
          <Text size="sm" data-testid="team-sync-state">
            {t('settings.sync.state', { pending: view.pending, sent: view.sent })}
            {view.lastPushAt !== null &&
              ` · ${t('settings.sync.lastPush', { time: when(view.lastPushAt) })}`}
          </Text>
          <Text size="sm" data-testid="team-sync-pulled">
            {t('settings.sync.pulled', { pulled: view.pulled })}
            {view.lastPullAt !== null &&
              ` · ${t('settings.sync.lastPull', { time: when(view.lastPullAt) })}`}
          </Text>
          {view.hasPassword && (
            <Text size="sm" c="dimmed" data-testid="team-sync-live">
              {view.live ? t('settings.sync.live') : t('settings.sync.notLive')}
            </Text>
          )}
          {view.toUpload > 0 && (
            <Text size="sm" data-testid="team-sync-upload">
              {t('settings.sync.toUpload', { count: view.toUpload })}
            </Text>
          )}
          {view.clockSkewSeconds !== null && Math.abs(view.clockSkewSeconds) > 60 && (
            <Alert color="orange" data-testid="team-sync-clock">
              {t('settings.sync.clockSkew', { seconds: Math.abs(view.clockSkewSeconds) })}
            </Alert>
          )}
          {view.lastError !== null && (
            <Alert color="orange" data-testid="team-sync-error">
              {t('settings.sync.error', {
                error: view.lastError,
                time: view.nextTryAt === null ? '—' : when(view.nextTryAt),
              })}
            </Alert>
          )}
          {view.refused > 0 && (
            <Alert color="red" data-testid="team-sync-refused">
              <Text size="sm">{t('settings.sync.refused', { count: view.refused })}</Text>
              {view.refusedChanges.map((change) => (
                <Text key={change.seq} size="xs" ff="monospace">
                  #{change.seq} {change.entity} · {when(change.at)} · {change.error}
                </Text>
              ))}
            </Alert>
          )}
          <Group align="end">
            <PasswordInput
              label={
                view.hasPassword ? t('settings.sync.newPassword') : t('settings.sync.password')
              }
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="team-sync-password"
            />
            <Button
              disabled={password === ''}
              onClick={() =>
                void invoke('sync.setPassword', { password }).then(
                  (next) => {
                    setPassword('');
                    setView(next);
                  },
                  (e: unknown) => reportProblem('save', e),
                )
              }
              data-testid="team-sync-save"
            >
              {t('settings.sync.save')}
            </Button>
            <Button
              variant="default"
              disabled={!view.hasPassword}
              onClick={() =>
                void invoke('sync.pushNow').then(setView, (e: unknown) => reportProblem('save', e))
              }
              data-testid="team-sync-push"
            >
              {t('settings.sync.pushNow')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
