import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  figuresPeriods,
  type ClashView,
  type FiguresPeriod,
  type OperatorFigures,
  type SupervisorView,
  type TeamDayOffView,
} from '../../../src-shared/sync/supervisorView';
import { invoke, onEvent } from '../../api/pultClient';
import type { z } from 'zod';
import type { scriptListingSchema } from '../../../src-shared/scripts/scriptRunView';
import { notifications } from '@mantine/notifications';
import { formatDate, formatDateTime } from '../../common/formatting';
import { reportProblem } from '../../common/problems';
import { formatFigure } from '../performance';

/**
 * The supervisor's section (старший зміни): colleagues' day-off requests to
 * approve or reject, and the fields two operators changed at once, to
 * settle. What main has landed from the team's feed is shown even offline;
 * decisions are made on the center, which checks who may make them.
 */
export function SupervisorPage({ onOpenClient }: { onOpenClient: (clientId: number) => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<SupervisorView | undefined>();
  const read = useCallback((figuresPeriod?: FiguresPeriod) => {
    invoke('team.supervisor', figuresPeriod === undefined ? undefined : { figuresPeriod }).then(
      setView,
      (e: unknown) => reportProblem('load', e),
    );
  }, []);
  useEffect(() => read(), [read]);
  // What the team's feed brings (a request, a colleague's decision) is read again when it lands.
  const seen = useRef<number | undefined>(undefined);
  useEffect(
    () =>
      onEvent('sync.changed', (sync) => {
        if (seen.current !== undefined && seen.current !== sync.cursor) read();
        seen.current = sync.cursor;
      }),
    [read],
  );
  if (view === undefined) return null;
  return (
    <Stack gap="lg" data-testid="supervisor">
      {view.supervisor === false && (
        <Alert color="yellow" data-testid="supervisor-not">
          {t('team.notSupervisor')}
        </Alert>
      )}
      {view.offline !== null && (
        <Alert color="gray" data-testid="supervisor-offline">
          {t('team.offline')}
        </Alert>
      )}
      <DayOffRequests dayOffs={view.dayOffs} onDecided={setView} />
      <Clashes clashes={view.clashes} onResolved={setView} onOpenClient={onOpenClient} />
      {view.figures !== null && (
        <TeamFigures figures={view.figures} period={view.figuresPeriod} onPeriod={read} />
      )}
      {view.supervisor === true && <ForTheTeam />}
    </Stack>
  );
}

function DayOffRequests({
  dayOffs,
  onDecided,
}: {
  dayOffs: TeamDayOffView[];
  onDecided: (view: SupervisorView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('team.dayOffs.title')}
      </Title>
      {dayOffs.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="team-day-offs-empty">
          {t('team.dayOffs.empty')}
        </Text>
      ) : (
        <Table striped data-testid="team-day-offs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.dayOffs.operator')}</Table.Th>
              <Table.Th>{t('team.dayOffs.day')}</Table.Th>
              <Table.Th>{t('team.dayOffs.reason')}</Table.Th>
              <Table.Th>{t('team.dayOffs.decision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dayOffs.map((request) => (
              <DayOffRow key={request.uid} request={request} onDecided={onDecided} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function DayOffRow({
  request,
  onDecided,
}: {
  request: TeamDayOffView;
  onDecided: (view: SupervisorView) => void;
}) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const decide = (approve: boolean) => {
    setBusy(true);
    invoke('team.decideDayOff', { uid: request.uid, approve, note })
      .then(onDecided, (e: unknown) => reportProblem('save', e))
      .finally(() => setBusy(false));
  };
  return (
    <Table.Tr data-testid="team-day-off" data-status={request.status}>
      <Table.Td>{request.operator}</Table.Td>
      <Table.Td>{formatDate(request.day, i18n.language)}</Table.Td>
      <Table.Td>
        <Text size="sm">{request.reason}</Text>
        <Text size="xs" c="dimmed">
          {t('team.dayOffs.requestedAt', {
            date: formatDateTime(request.requestedAt, i18n.language),
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        {request.status === 'submitted' ? (
          <Group gap="xs" wrap="nowrap">
            <TextInput
              size="xs"
              placeholder={t('team.dayOffs.note')}
              aria-label={t('team.dayOffs.note')}
              value={note}
              maxLength={500}
              onChange={(event) => setNote(event.currentTarget.value)}
              data-testid="team-day-off-note"
            />
            <Button
              size="xs"
              color="green"
              loading={busy}
              onClick={() => decide(true)}
              data-testid="team-day-off-approve"
            >
              {t('team.dayOffs.approve')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              loading={busy}
              onClick={() => decide(false)}
              data-testid="team-day-off-reject"
            >
              {t('team.dayOffs.reject')}
            </Button>
          </Group>
        ) : (
          <Group gap={4}>
            <Badge color={request.status === 'approved' ? 'green' : 'red'}>
              {t(`schedule.status.${request.status}`)}
            </Badge>
            {request.decidedBy !== null && request.decidedAt !== null && (
              <Text size="xs" c="dimmed">
                {t('schedule.request.decided', {
                  who: request.decidedBy,
                  date: formatDateTime(request.decidedAt, i18n.language),
                })}
              </Text>
            )}
            {request.decisionNote !== null && <Text size="xs">{request.decisionNote}</Text>}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ClashClient({
  clash,
  onOpenClient,
}: {
  clash: ClashView;
  onOpenClient: (clientId: number) => void;
}) {
  const { t } = useTranslation();
  const { clientId } = clash;
  if (clientId === null) return <>{t('team.clashes.notHere')}</>;
  return (
    <Anchor component="button" onClick={() => onOpenClient(clientId)}>
      {clash.clientName}
    </Anchor>
  );
}

function Clashes({
  clashes,
  onResolved,
  onOpenClient,
}: {
  clashes: ClashView[] | null;
  onResolved: (view: SupervisorView) => void;
  onOpenClient: (clientId: number) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<number | null>(null);
  const resolve = (id: number, keep: 'kept' | 'lost') => {
    setBusy(id);
    invoke('team.resolveClash', { id, keep })
      .then(onResolved, (e: unknown) => reportProblem('save', e))
      .finally(() => setBusy(null));
  };
  const value = (field: ClashView['field'], shown: ClashView['kept']) =>
    field === 'doNotCall'
      ? t(shown === true ? 'team.clashes.doNotCallOn' : 'team.clashes.doNotCallOff')
      : shown === null || shown === ''
        ? t('team.clashes.empty')
        : String(shown);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('team.clashes.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('team.clashes.hint')}
      </Text>
      {clashes === null ? null : clashes.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="team-clashes-empty">
          {t('team.clashes.none')}
        </Text>
      ) : (
        <Table striped data-testid="team-clashes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.clashes.client')}</Table.Th>
              <Table.Th>{t('team.clashes.field')}</Table.Th>
              <Table.Th>{t('team.clashes.kept')}</Table.Th>
              <Table.Th>{t('team.clashes.lost')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clashes.map((clash) => (
              <Table.Tr key={clash.id} data-testid="team-clash">
                <Table.Td>
                  <ClashClient clash={clash} onOpenClient={onOpenClient} />
                </Table.Td>
                <Table.Td>{t(`clients.form.${clash.field}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{value(clash.field, clash.kept)}</Text>
                  <Text size="xs" c="dimmed">
                    {clash.keptBy}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{value(clash.field, clash.lost)}</Text>
                  <Text size="xs" c="dimmed">
                    {clash.lostBy}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      loading={busy === clash.id}
                      onClick={() => resolve(clash.id, 'kept')}
                      data-testid="team-clash-keep"
                    >
                      {t('team.clashes.keep')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      loading={busy === clash.id}
                      onClick={() => resolve(clash.id, 'lost')}
                      data-testid="team-clash-restore"
                    >
                      {t('team.clashes.restore')}
                    </Button>
                  </Group>
                  {clash.current !== clash.kept && (
                    <Text size="xs" c="orange">
                      {t('team.clashes.changedSince', { value: value(clash.field, clash.current) })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

type ScriptListing = z.infer<typeof scriptListingSchema>;

/** What a supervisor publishes for every desk of the team: scripts' live versions, the targets, the catalogue. */
function ForTheTeam() {
  const { t } = useTranslation();
  const [scripts, setScripts] = useState<ScriptListing[]>([]);
  const [busy, setBusy] = useState<number | 'targets' | 'catalogue' | null>(null);
  useEffect(() => {
    invoke('scripts.list').then(
      (list) => setScripts(list.filter((s) => s.liveVersion !== null)),
      (e: unknown) => reportProblem('load', e),
    );
  }, []);
  const shareScript = (script: ScriptListing) => {
    setBusy(script.scriptId);
    invoke('team.shareScript', { scriptId: script.scriptId })
      .then(
        ({ version }) =>
          notifications.show({
            message: t('team.publish.scriptShared', { name: script.name, version }),
          }),
        (e: unknown) => reportProblem('save', e),
      )
      .finally(() => setBusy(null));
  };
  const shareTargets = () => {
    setBusy('targets');
    invoke('team.shareTargets')
      .then(
        ({ added }) => notifications.show({ message: t('team.publish.targetsShared', { added }) }),
        (e: unknown) => reportProblem('save', e),
      )
      .finally(() => setBusy(null));
  };
  const shareCatalogue = () => {
    setBusy('catalogue');
    invoke('team.shareCatalogue')
      .then(
        ({ version, shared }) =>
          notifications.show({
            message: t(shared ? 'team.publish.catalogueShared' : 'team.publish.catalogueKnown', {
              version,
            }),
          }),
        (e: unknown) => reportProblem('save', e),
      )
      .finally(() => setBusy(null));
  };
  return (
    <Stack gap="xs" data-testid="team-publish">
      <Title order={2} size="h4">
        {t('team.publish.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('team.publish.hint')}
      </Text>
      <Table striped>
        <Table.Tbody>
          {scripts.map((script) => (
            <Table.Tr key={script.scriptId} data-testid="team-publish-script">
              <Table.Td>{script.name}</Table.Td>
              <Table.Td>{t('team.publish.version', { version: script.liveVersion })}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  loading={busy === script.scriptId}
                  onClick={() => shareScript(script)}
                  data-testid="team-publish-script-button"
                >
                  {t('team.publish.script')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          size="xs"
          variant="light"
          loading={busy === 'targets'}
          onClick={shareTargets}
          data-testid="team-publish-targets"
        >
          {t('team.publish.targets')}
        </Button>
        <Button
          size="xs"
          variant="light"
          loading={busy === 'catalogue'}
          onClick={shareCatalogue}
          data-testid="team-publish-catalogue"
        >
          {t('team.publish.catalogue')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Each operator's calls today, this week or this month, as the center counts them from every desk. */
function TeamFigures({
  figures,
  period,
  onPeriod,
}: {
  figures: OperatorFigures[];
  period: FiguresPeriod;
  onPeriod: (period: FiguresPeriod) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('team.figures.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={period}
          onChange={(value) => onPeriod(value)}
          data={figuresPeriods.map((value) => ({
            value,
            label: t(`team.figures.periods.${value}`),
          }))}
          data-testid="team-figures-period"
        />
      </Group>
      {figures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('team.figures.none')}
        </Text>
      ) : (
        <Table striped data-testid="team-figures">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.dayOffs.operator')}</Table.Th>
              <Table.Th>{t('team.figures.handled')}</Table.Th>
              <Table.Th>{t('team.figures.sales')}</Table.Th>
              <Table.Th>{t('team.figures.conversion')}</Table.Th>
              <Table.Th>{t('team.figures.aht')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.map((row) => (
              <Table.Tr key={row.operator} data-testid="team-figures-row">
                <Table.Td>{row.operator}</Table.Td>
                <Table.Td>{row.handled}</Table.Td>
                <Table.Td>{row.sales}</Table.Td>
                <Table.Td>{formatFigure('conversion', row.conversion, i18n.language)}</Table.Td>
                <Table.Td>{formatFigure('ahtSeconds', row.ahtSeconds, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
