import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../src-shared/telephony/callView';
import type { ResponseOf } from '../../../src-main/ipc/contract';
import { invoke } from '../../api/pultClient';
import { mediaHost } from '../../media';
import { formatDuration } from '../../common/formatting';
import { useNow } from './useCalls';
import { reportProblem } from '../../common/problems';
import { actOnCall } from './actOnCall';
import { notifications } from '@mantine/notifications';
import { useSyncView } from '../../common/useSyncView';

const stateColor: Record<CallView['state'], string> = {
  ringing: 'orange',
  connecting: 'yellow',
  active: 'teal',
  held: 'gray',
  ended: 'gray',
};

/** Whether far-end audio is arriving: bytes received grow from one second to the next. */
function useAudioFlow(active: boolean): { received: number; sent: number; flowing: boolean } {
  const [flow, setFlow] = useState({ received: 0, sent: 0, flowing: false });
  useEffect(() => {
    if (!active) return;
    let last = -1;
    const timer = setInterval(() => {
      void mediaHost.audioBytes().then(({ received, sent }) => {
        setFlow({ received, sent, flowing: last >= 0 && received > last });
        last = received;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [active]);
  return flow;
}

type Department = ResponseOf<'calls.departments'>[number];

function CallRow({
  call,
  now,
  departments,
  onOpenClient,
  onNewClient,
  teamMode,
}: {
  call: CallView;
  now: number;
  departments: Department[];
  onOpenClient: (clientId: number) => void;
  onNewClient: (phone: string) => void;
  /** The desk syncs with the team: the supervisors can be asked for help. */
  teamMode: boolean;
}) {
  const { t } = useTranslation();
  const [tones, setTones] = useState('');
  const [asked, setAsked] = useState(false);
  const askForHelp = () =>
    invoke('team.askHelp', { callId: call.id }).then(
      () => {
        setAsked(true);
        notifications.show({ message: t('calls.live.helpAsked') });
      },
      (e: unknown) => reportProblem('callAction', e),
    );
  const [transferTo, setTransferTo] = useState('');
  // Typed as people write numbers ("050 123 45 67"); main applies the dialling rules.
  const target = transferTo.replace(/[\s()]/g, '');
  const validTarget = /^[0-9A-Za-z+*#._-]{1,40}$/.test(target);
  const act = actOnCall;
  const audio = useAudioFlow(call.state === 'active');
  const since = call.answeredAt ?? call.offeredAt;
  const until = call.endedAt === null ? now : Date.parse(call.endedAt);
  const who =
    call.client?.fullName ?? (call.remoteName !== '' ? call.remoteName : t('calls.live.unknown'));
  const inbound = call.direction === 'inbound';
  const talking = call.state === 'active' || call.state === 'held';

  return (
    <Paper withBorder p="xs" radius="sm" data-testid="call" data-state={call.state}>
      {/* Wraps when the script panel narrows the window: no button ends up beneath it. */}
      <Group justify="space-between" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <Badge color={stateColor[call.state]} data-testid="call-state">
            {t(`calls.live.state.${call.state}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t(inbound ? 'calls.live.inbound' : 'calls.live.outbound')}
          </Text>
          <Text fw={600} data-testid="call-who">
            {who}
          </Text>
          <Text size="sm" data-testid="call-number">
            {call.remoteNumber}
          </Text>
          <Text size="sm" ff="monospace" data-testid="call-timer">
            {formatDuration((until - Date.parse(since)) / 1000)}
          </Text>
          {call.state === 'active' && (
            <Text
              size="xs"
              c={audio.flowing ? 'teal' : 'red'}
              data-testid="call-audio"
              data-received={audio.received}
              data-sent={audio.sent}
            >
              {t(audio.flowing ? 'calls.live.audioFlowing' : 'calls.live.audioSilent')}
            </Text>
          )}
          {call.state === 'ended' && call.endCause !== null && (
            <Text size="sm" c="dimmed" data-testid="call-end-cause">
              {t(`calls.endCause.${call.endCause}`)}
              {call.problem === null ? '' : ` · ${t(`calls.problem.${call.problem}`)}`}
            </Text>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          {call.client !== null && (
            <Button
              size="xs"
              variant="default"
              onClick={() => call.client !== null && onOpenClient(call.client.id)}
            >
              {t('calls.live.openCard')}
            </Button>
          )}
          {call.client === null && call.state !== 'ended' && call.remoteNumber !== '' && (
            <Button
              size="xs"
              variant="default"
              onClick={() => onNewClient(call.remoteNumber)}
              data-testid="call-new-client"
            >
              {t('calls.live.newClient')}
            </Button>
          )}
          {call.state === 'ringing' && inbound && (
            <>
              <Button
                size="xs"
                color="teal"
                onClick={() => act({ action: 'answer', id: call.id })}
                data-testid="call-answer"
              >
                {t('calls.live.answer')}
              </Button>
              <Button
                size="xs"
                color="red"
                variant="light"
                onClick={() => act({ action: 'reject', id: call.id })}
                data-testid="call-reject"
              >
                {t('calls.live.reject')}
              </Button>
            </>
          )}
          {talking && (
            <>
              <Button
                size="xs"
                variant="default"
                onClick={() =>
                  act({ action: call.state === 'held' ? 'resume' : 'hold', id: call.id })
                }
                data-testid="call-hold"
              >
                {t(call.state === 'held' ? 'calls.live.resume' : 'calls.live.hold')}
              </Button>
              <Button
                size="xs"
                variant={call.muted ? 'filled' : 'default'}
                onClick={() => act({ action: 'mute', id: call.id, muted: !call.muted })}
                data-testid="call-mute"
                aria-pressed={call.muted}
              >
                {t(call.muted ? 'calls.live.unmute' : 'calls.live.mute')}
              </Button>
            </>
          )}
          {call.state !== 'ended' && !(call.state === 'ringing' && inbound) && (
            <Button
              size="xs"
              color="red"
              onClick={() => act({ action: 'hangup', id: call.id })}
              data-testid="call-hangup"
            >
              {t('calls.live.hangup')}
            </Button>
          )}
        </Group>
      </Group>
      {/* On a line of its own: a long sentence never pushes the call's buttons away. */}
      {call.state !== 'ended' && call.problem !== null && (
        <Text size="xs" c="red" mt={4} data-testid="call-problem">
          {t(`calls.problem.${call.problem}`)}
        </Text>
      )}
      {talking && (
        <Group gap="xs" mt={6}>
          <TextInput
            size="xs"
            w={130}
            placeholder={t('calls.live.tones')}
            aria-label={t('calls.live.tones')}
            value={tones}
            onChange={(e) => setTones(e.currentTarget.value.replace(/[^0-9A-D#*]/g, ''))}
            data-testid="call-tones"
          />
          <Button
            size="xs"
            variant="default"
            disabled={tones === '' || call.state !== 'active'}
            onClick={() => {
              act({ action: 'dtmf', id: call.id, tones });
              setTones('');
            }}
            data-testid="call-send-tones"
          >
            {t('calls.live.sendTones')}
          </Button>
          {departments.length > 0 && (
            <Select
              size="xs"
              w={190}
              placeholder={t('calls.live.department')}
              aria-label={t('calls.live.department')}
              data={departments.map((d) => ({ value: d.number, label: d.name }))}
              value={departments.some((d) => d.number === transferTo) ? transferTo : null}
              onChange={(v) => setTransferTo(v ?? '')}
              data-testid="call-department"
            />
          )}
          <TextInput
            size="xs"
            w={150}
            placeholder={t('calls.live.transferTo')}
            aria-label={t('calls.live.transferTo')}
            value={transferTo}
            onChange={(e) => setTransferTo(e.currentTarget.value)}
            data-testid="call-transfer-to"
          />
          <Button
            size="xs"
            variant="default"
            disabled={!validTarget}
            onClick={() => act({ action: 'transfer', id: call.id, target })}
            data-testid="call-transfer"
          >
            {t('calls.live.transfer')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={!validTarget || call.consultCallId !== null}
            onClick={() => act({ action: 'consult', id: call.id, target })}
            data-testid="call-consult"
          >
            {t('calls.live.consult')}
          </Button>
          {call.consultCallId !== null && (
            <Button
              size="xs"
              color="teal"
              onClick={() => act({ action: 'completeTransfer', id: call.id })}
              data-testid="call-complete-transfer"
            >
              {t('calls.live.completeTransfer')}
            </Button>
          )}
          {teamMode && (
            <Button
              size="xs"
              variant="light"
              color="orange"
              disabled={asked}
              onClick={() => void askForHelp()}
              data-testid="call-ask-help"
            >
              {t('calls.live.askHelp')}
            </Button>
          )}
        </Group>
      )}
    </Paper>
  );
}

/**
 * The calls in progress, above every section: whatever the operator is
 * looking at, the ringing call and its buttons are in view.
 */
export function CallBar({
  calls,
  onOpenClient,
  onNewClient,
}: {
  calls: CallView[];
  onOpenClient: (clientId: number) => void;
  onNewClient: (phone: string) => void;
}) {
  const { t } = useTranslation();
  const sync = useSyncView();
  const now = useNow();
  const [departments, setDepartments] = useState<Department[]>([]);
  useEffect(() => {
    invoke('calls.departments').then(setDepartments, (e: unknown) => reportProblem('load', e));
  }, []);
  if (calls.length === 0) return null;
  const anyLive = calls.some((c) => c.state !== 'ended');
  return (
    <Stack gap={6} mb="md" data-testid="call-bar" aria-live="polite">
      {calls.map((call) => (
        <CallRow
          key={call.id}
          call={call}
          now={now}
          departments={departments}
          onOpenClient={onOpenClient}
          onNewClient={onNewClient}
          teamMode={sync?.configured === true && sync.hasPassword}
        />
      ))}
      {!anyLive && (
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="subtle"
            onClick={() =>
              void invoke('calls.clearEnded').catch((e: unknown) => reportProblem('callAction', e))
            }
            data-testid="calls-clear-ended"
          >
            {t('calls.live.clearEnded')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
