import { Group, Menu, Text, UnstyledButton } from '@mantine/core';
import {
  selectableNotReadyReasons,
  type SelectableNotReadyReason,
} from '../../src-shared/agent/agentStateView';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkstationStatus } from '../../src-shared/status/workstationStatusSchema';
import { invoke, onEvent } from '../api/pultClient';
import { reportProblem } from '../common/problems';
import { useSyncView } from '../common/useSyncView';

function elapsed(since: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

function useWorkstationStatus(): WorkstationStatus | undefined | 'unavailable' {
  const [status, setStatus] = useState<WorkstationStatus | undefined | 'unavailable'>();
  useEffect(() => {
    let live = true;
    invoke('status.get').then(
      (value) => live && setStatus(value),
      () => live && setStatus('unavailable'),
    );
    const off = onEvent('status.changed', setStatus);
    return () => {
      live = false;
      off();
    };
  }, []);
  return status;
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function StatusBar() {
  const { t } = useTranslation();
  const status = useWorkstationStatus();
  const sync = useSyncView();
  const now = useNow();
  if (status === undefined) return null;
  if (status === 'unavailable') {
    return (
      <Text size="xs" c="red" role="status" px="md">
        {t('status.unavailable')}
      </Text>
    );
  }
  const item = (testId: string, label: string, value: string) => (
    <Text size="xs" data-testid={testId}>
      <Text span c="dimmed" inherit>
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
  return (
    <Group h="100%" px="md" gap="xl" role="status" aria-label={t('status.label')}>
      <AgentStateMenu status={status} now={now} />
      {item(
        'status-sip',
        t('status.sip'),
        [
          t(`status.sipStates.${status.sip.state}`),
          status.sip.detail === undefined
            ? undefined
            : t(`status.sipDetails.${status.sip.detail}` as 'status.sipDetails.auth', {
                defaultValue: status.sip.detail,
              }),
        ]
          .filter((part) => part !== undefined)
          .join(': '),
      )}
      {item(
        'status-headset',
        t('status.headset'),
        [t(`status.headsetStates.${status.headset.state}`), status.headset.deviceName]
          .filter((part) => part !== undefined)
          .join(' · '),
      )}
      {item(
        'status-database',
        t('status.database'),
        t(`status.databaseStates.${status.database.state}`, {
          percent: Math.floor((status.database.progress ?? 0) * 100),
        }),
      )}
      {sync?.configured === true &&
        sync.hasPassword &&
        item(
          'status-sync',
          t('status.sync'),
          [
            t(sync.live && sync.lastError === null ? 'status.syncLive' : 'status.syncOffline', {
              count: sync.pending + sync.toUpload,
            }),
            sync.clockSkewSeconds !== null && Math.abs(sync.clockSkewSeconds) > 60
              ? t('status.syncClock')
              : undefined,
          ]
            .filter((part) => part !== undefined)
            .join(' · '),
        )}
    </Group>
  );
}

/** The agent's state and its timer; a click (or Enter) offers Ready and the Not Ready reasons. */
function AgentStateMenu({ status, now }: { status: WorkstationStatus; now: number }) {
  const { t } = useTranslation();
  // The reasons this center offers (IT's policy); the built-in list until main answers.
  const [reasons, setReasons] =
    useState<readonly SelectableNotReadyReason[]>(selectableNotReadyReasons);
  useEffect(() => {
    invoke('work.lists').then(
      (lists) => setReasons(lists.notReadyReasons),
      (e: unknown) => reportProblem('load', e),
    );
  }, []);
  const label = [
    t(`status.agentStates.${status.agent.state}`),
    status.agent.reason === undefined
      ? undefined
      : t(`status.agentReasons.${status.agent.reason}` as 'status.agentReasons.break', {
          defaultValue: status.agent.reason,
        }),
  ]
    .filter((part) => part !== undefined)
    .join(': ');
  return (
    <Menu position="top-start" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('status.agentMenu')} data-testid="status-agent">
          <Text size="xs">
            <Text span c="dimmed" inherit>
              {t('status.agent')}:
            </Text>{' '}
            {label} {elapsed(status.agent.since, now)}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          data-testid="agent-ready"
          onClick={() => void invoke('agent.set', { state: 'ready' })}
        >
          {t('status.setReady')}
        </Menu.Item>
        <Menu.Label>{t('status.notReadyGroup')}</Menu.Label>
        {reasons.map((reason) => (
          <Menu.Item
            key={reason}
            data-testid={`agent-notReady-${reason}`}
            onClick={() => void invoke('agent.set', { state: 'notReady', reason })}
          >
            {t(`status.agentReasons.${reason}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
