import {
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { skipReasons, type OutboundView } from '../../../src-shared/campaigns/outboundView';
import { invoke } from '../../api/pultClient';
import { formatDateTime } from '../../common/formatting';
import { reportProblem } from '../../common/problems';
import { ClientOrderActions } from '../orders';

type SessionChannel =
  | 'campaigns.session.call'
  | 'campaigns.session.pause'
  | 'campaigns.session.resume'
  | 'campaigns.session.stop';

/** Seconds left until the preview dials by itself. */
function useCountdown(until: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? null : Math.max(0, Math.ceil((Date.parse(until) - now) / 1000));
}

/**
 * Working a list: the lead on screen with the client's card in short, their
 * last refusal and the offer to make, and what the operator does with it
 * (Call, Skip with a reason, Remove, Callback); the call itself, its script
 * and its wrap-up are the window's usual ones.
 */
export function OutboundDesk({
  view,
  onView,
  onOpenClient,
}: {
  view: OutboundView;
  onView: (view: OutboundView) => void;
  onOpenClient: (clientId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [callbackAt, setCallbackAt] = useState('');
  const countdown = useCountdown(view.autoDialAt);
  const act = (channel: SessionChannel) =>
    invoke(channel).then(onView, (e: unknown) => reportProblem('save', e));
  const skip = (reason: (typeof skipReasons)[number]) =>
    invoke('campaigns.session.skip', { reason }).then(onView, (e: unknown) =>
      reportProblem('save', e),
    );
  const remove = (level: 'campaign' | 'global') =>
    invoke('campaigns.session.remove', { level }).then(onView, (e: unknown) =>
      reportProblem('save', e),
    );
  const callback = () =>
    invoke('campaigns.session.callback', { at: new Date(callbackAt).toISOString() }).then(
      (next) => {
        setCallbackAt('');
        onView(next);
      },
      (e: unknown) => reportProblem('save', e),
    );
  const noticeText = (notice: NonNullable<OutboundView['notice']>): string => {
    switch (notice.kind) {
      case 'lastResult':
        return `${notice.clientName}: ${t(`campaigns.results.${notice.result}`, { defaultValue: notice.result })}${
          notice.nextAt === null
            ? ''
            : t('campaigns.desk.nextAttempt', {
                time: formatDateTime(notice.nextAt, i18n.language),
              })
        }`;
      case 'notCallable':
        return notice.text;
      case 'dialFailed':
        return t(`campaigns.desk.dialFailed.${notice.error}`);
      case 'problem':
        return t('campaigns.desk.followFailed');
    }
  };
  const { campaign, lead } = view;
  if (campaign === null) return null;
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Paper withBorder p="md" data-testid="outbound-desk" data-stage={view.stage}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" data-testid="outbound-campaign">
            {campaign.name}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{t(`campaigns.desk.modes.${view.mode}`)}</Badge>
            <Badge variant="outline" data-testid="outbound-stage">
              {t(`campaigns.desk.stages.${view.paused ? 'paused' : view.stage}`)}
            </Badge>
            {view.paused ? (
              <Button
                size="xs"
                onClick={() => void act('campaigns.session.resume')}
                data-testid="outbound-resume"
              >
                {t('campaigns.desk.resume')}
              </Button>
            ) : (
              <Button
                size="xs"
                variant="default"
                onClick={() => void act('campaigns.session.pause')}
                data-testid="outbound-pause"
              >
                {t('campaigns.desk.pause')}
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              onClick={() => void act('campaigns.session.stop')}
              data-testid="outbound-stop"
            >
              {t('campaigns.desk.stop')}
            </Button>
          </Group>
        </Group>
        {view.notice !== null && (
          <Alert
            color={view.notice.kind === 'lastResult' ? 'blue' : 'orange'}
            data-testid="outbound-notice"
            data-kind={view.notice.kind}
          >
            {noticeText(view.notice)}
          </Alert>
        )}
        {lead !== null && (
          <Stack gap={4} data-testid="outbound-lead" data-lead-id={lead.leadId}>
            <Group gap="sm">
              <Text
                size="xl"
                fw={600}
                component="button"
                style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}
                onClick={() => onOpenClient(lead.clientId)}
                data-testid="outbound-client"
              >
                {lead.clientName}
              </Text>
              <Text c="dimmed" data-testid="outbound-number">
                {lead.number}
              </Text>
              {lead.city !== '' && <Text c="dimmed">{lead.city}</Text>}
            </Group>
            <Text size="sm" data-testid="outbound-permission">
              {view.permission}
            </Text>
            {lead.callbackDue !== null && (
              <Text size="sm" c="orange" data-testid="outbound-callback-due">
                {t('campaigns.desk.callbackDue', { time: when(lead.callbackDue) })}
              </Text>
            )}
            {lead.lastRefusal !== null && (
              <Text size="sm" data-testid="outbound-last-refusal">
                {t('campaigns.desk.lastRefusal', {
                  reason: lead.lastRefusal.reason,
                  time: when(lead.lastRefusal.at),
                })}
              </Text>
            )}
            {campaign.offer !== null && (
              <Text size="sm" data-testid="outbound-offer">
                {t('campaigns.desk.offer', { offer: campaign.offer })}
              </Text>
            )}
            {campaign.scriptName !== null && (
              <Text size="sm" c="dimmed">
                {t('campaigns.desk.script', { script: campaign.scriptName })}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('campaigns.desk.attempts', { count: lead.attempts })}
            </Text>
            {/* An order or a complaint from the lead, filled from the client's card (Ctrl+O). */}
            <ClientOrderActions clientId={lead.clientId} />
          </Stack>
        )}
        {view.stage === 'preview' && (
          <Group gap="xs">
            <Button
              onClick={() => void act('campaigns.session.call')}
              data-testid="outbound-call"
              autoFocus
            >
              {countdown === null
                ? t('campaigns.desk.call')
                : t('campaigns.desk.callIn', { seconds: countdown })}
            </Button>
            <Menu>
              <Menu.Target>
                <Button variant="default" data-testid="outbound-skip">
                  {t('campaigns.desk.skip')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {skipReasons.map((reason) => (
                  <Menu.Item
                    key={reason}
                    onClick={() => void skip(reason)}
                    data-testid={`outbound-skip-${reason}`}
                  >
                    {t(`campaigns.desk.skipReasons.${reason}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Menu>
              <Menu.Target>
                <Button variant="default" color="red" data-testid="outbound-remove">
                  {t('campaigns.desk.remove')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  onClick={() => void remove('campaign')}
                  data-testid="outbound-remove-campaign"
                >
                  {t('campaigns.desk.removeCampaign')}
                </Menu.Item>
                <Menu.Item
                  color="red"
                  onClick={() => void remove('global')}
                  data-testid="outbound-remove-global"
                >
                  {t('campaigns.desk.removeGlobal')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <TextInput
              type="datetime-local"
              aria-label={t('campaigns.desk.callbackAt')}
              value={callbackAt}
              onChange={(e) => setCallbackAt(e.currentTarget.value)}
              data-testid="outbound-callback-at"
            />
            <Button
              variant="default"
              disabled={callbackAt === ''}
              onClick={() => void callback()}
              data-testid="outbound-callback"
            >
              {t('campaigns.desk.callback')}
            </Button>
          </Group>
        )}
        {view.stage === 'waiting' && view.nextDueAt !== null && (
          <Text data-testid="outbound-waiting">
            {t('campaigns.desk.waiting', { time: when(view.nextDueAt) })}
          </Text>
        )}
        {view.stage === 'finished' && (
          <Text data-testid="outbound-finished">{t('campaigns.desk.finished')}</Text>
        )}
        {view.callbacks.length > 0 && (
          <Stack gap={2} data-testid="outbound-callbacks">
            <Text size="sm" fw={600}>
              {t('campaigns.desk.callbacks')}
            </Text>
            {view.callbacks.map((item) => (
              <Text
                key={item.leadId}
                size="sm"
                c={item.overdue ? 'red' : undefined}
                fw={item.overdue ? 600 : undefined}
                data-overdue={item.overdue}
                data-testid="outbound-callback-item"
              >
                {when(item.dueAt)} · {item.clientName}
                {item.overdue ? ` · ${t('campaigns.desk.overdue')}` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
