import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleDay, ScheduleWeek } from '../../../src-shared/performance/achievementViews';
import { invoke, onEvent } from '../../api/pultClient';
import { formatDate, formatDateTime } from '../../common/formatting';
import { problemText, reportProblem } from '../../common/problems';
import { addDays, localDay, weekStartOf } from '../../../src-shared/localDays';

/** Пн, Вт… (or Mon, Tue…) as the window's language names the day of the week. */
function weekdayOf(day: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'uk-UA', {
    weekday: 'short',
  }).format(new Date(`${day}T12:00:00`));
}

/**
 * The schedule (розклад): a week of shifts and breaks from the supervisors'
 * file, the days the center is short of people, and the day-off requests
 * with their status; and the weekly day-off form for next week.
 */
export function SchedulePage() {
  const { t } = useTranslation();
  const [weekStart, setWeekStart] = useState(() => weekStartOf(localDay(new Date())));
  const [week, setWeek] = useState<ScheduleWeek | undefined>();
  const [next, setNext] = useState<ScheduleWeek | undefined>();
  const read = useCallback(() => {
    invoke('schedule.week', { weekStart }).then(setWeek, (e: unknown) => reportProblem('load', e));
  }, [weekStart]);
  const readNext = useCallback(() => {
    const coming = addDays(weekStartOf(localDay(new Date())), 7);
    invoke('schedule.week', { weekStart: coming }).then(setNext, (e: unknown) =>
      reportProblem('load', e),
    );
  }, []);
  useEffect(read, [read]);
  useEffect(readNext, [readNext]);
  // A supervisor's decision arrives with the team's feed: the requests are read again.
  const cursor = useRef<number | undefined>(undefined);
  useEffect(
    () =>
      onEvent('sync.changed', (sync) => {
        if (cursor.current !== undefined && cursor.current !== sync.cursor) {
          read();
          readNext();
        }
        cursor.current = sync.cursor;
      }),
    [read, readNext],
  );
  const [loadResult, setLoadResult] = useState<string | undefined>();
  const load = () =>
    invoke('schedule.load').then(
      (result) => {
        if (result.failure !== null) setLoadResult(t(`schedule.failure.${result.failure}`));
        else if (!result.loaded) return;
        else if (result.problems[0] !== undefined)
          setLoadResult(
            t('schedule.loadedWithProblems', {
              count: result.problems.length,
              line: result.problems[0].line,
            }),
          );
        else
          setLoadResult(
            t('schedule.loaded', { shifts: result.shifts, days: result.shortStaffedDays }),
          );
        read();
        readNext();
      },
      (e: unknown) => reportProblem('load', e),
    );
  return (
    <Stack gap="md" data-testid="schedule">
      <Group justify="space-between">
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            onClick={() => setWeekStart(addDays(weekStart, -7))}
            data-testid="schedule-previous"
          >
            {t('schedule.previous')}
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => setWeekStart(weekStartOf(localDay(new Date())))}
          >
            {t('schedule.thisWeek')}
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => setWeekStart(addDays(weekStart, 7))}
            data-testid="schedule-next"
          >
            {t('schedule.next')}
          </Button>
        </Group>
        <Button size="xs" variant="light" onClick={() => void load()} data-testid="schedule-load">
          {t('schedule.load')}
        </Button>
      </Group>
      {loadResult !== undefined && (
        <Alert
          onClose={() => setLoadResult(undefined)}
          withCloseButton
          data-testid="schedule-load-result"
        >
          {loadResult}
        </Alert>
      )}
      {week !== undefined && <WeekTable week={week} />}
      {next !== undefined && (
        <DayOffForm
          week={next}
          onMade={() => {
            read();
            readNext();
          }}
        />
      )}
    </Stack>
  );
}

function WeekTable({ week }: { week: ScheduleWeek }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h4" mb="xs" data-testid="schedule-week">
        {t('schedule.week', { day: formatDate(`${week.weekStart}T12:00:00`, i18n.language) })}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {week.source === null
          ? t('schedule.noSource')
          : t('schedule.source', {
              file: week.source.file,
              date: formatDateTime(week.source.loadedAt, i18n.language),
            })}
      </Text>
      <Table data-testid="schedule-days">
        <Table.Tbody>
          {week.days.map((day) => (
            <DayRow key={day.day} day={day} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function DayRow({ day }: { day: ScheduleDay }) {
  const { t, i18n } = useTranslation();
  const approvedOff = day.requests.some((r) => r.status === 'approved');
  return (
    <Table.Tr data-testid="schedule-day" data-day={day.day}>
      <Table.Td>
        {weekdayOf(day.day, i18n.language)}, {day.day}
      </Table.Td>
      <Table.Td>
        {approvedOff ? (
          <Badge color="grape">{t('schedule.dayOff')}</Badge>
        ) : day.shift === null ? (
          <Text size="sm" c="dimmed">
            {t('schedule.noShift')}
          </Text>
        ) : (
          <>
            <Text size="sm">{t('schedule.shift', { from: day.shift.from, to: day.shift.to })}</Text>
            {day.shift.breaks.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('schedule.breaks', {
                  list: day.shift.breaks.map((b) => `${b.from}–${b.to}`).join(', '),
                })}
              </Text>
            )}
          </>
        )}
      </Table.Td>
      <Table.Td>
        {day.shortStaffed && (
          <Badge color="orange" variant="light">
            {t('schedule.shortStaffed')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {day.requests.map((request) => (
          <Group
            gap={4}
            key={request.id}
            data-testid="day-off-request"
            data-status={request.status}
          >
            <Badge
              color={
                request.status === 'approved'
                  ? 'green'
                  : request.status === 'rejected'
                    ? 'red'
                    : 'blue'
              }
              data-testid="day-off-status"
            >
              {t(`schedule.status.${request.status}`)}
            </Badge>
            <Text size="xs">{request.reason}</Text>
            {request.decidedBy !== null && request.decidedAt !== null && (
              <Text size="xs" c="dimmed">
                {t('schedule.request.decided', {
                  who: request.decidedBy,
                  date: formatDateTime(request.decidedAt, i18n.language),
                })}
              </Text>
            )}
            {request.decisionNote !== null && (
              <Text size="xs" data-testid="day-off-note">
                {t('schedule.request.note', { note: request.decisionNote })}
              </Text>
            )}
            {request.waitingToSend && (
              <Text size="xs" c="dimmed" data-testid="day-off-waiting">
                {t('schedule.request.waiting')}
              </Text>
            )}
          </Group>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}

/** The weekly day-off form: a day of next week and the reason; a short-staffed day is warned about. */
function DayOffForm({ week, onMade }: { week: ScheduleWeek; onMade: () => void }) {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const chosen = week.days.find((d) => d.day === day);
  const submit = () => {
    if (day === null || reason.trim() === '') return;
    setError(undefined);
    invoke('schedule.requestDayOff', { day, reason }).then(
      () => {
        setReason('');
        setDay(null);
        notifications.show({ message: t('schedule.request.submitted') });
        onMade();
      },
      (e: unknown) => setError(problemText(e)),
    );
  };
  return (
    <Paper withBorder p="sm" data-testid="day-off-form">
      <Title order={2} size="h4" mb="xs">
        {t('schedule.request.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('schedule.request.hint', {
          day: formatDate(`${week.requestWeek}T12:00:00`, i18n.language),
        })}
      </Text>
      <Group align="flex-end" gap="xs">
        <NativeSelect
          label={t('schedule.request.day')}
          data={[
            { value: '', label: '—' },
            ...week.days.map((d) => ({
              value: d.day,
              label: `${weekdayOf(d.day, i18n.language)}, ${d.day}`,
            })),
          ]}
          value={day ?? ''}
          onChange={(e) => setDay(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          data-testid="day-off-day"
        />
        <TextInput
          label={t('schedule.request.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={300}
          data-testid="day-off-reason"
        />
        <Button
          onClick={submit}
          disabled={day === null || reason.trim() === ''}
          data-testid="day-off-submit"
        >
          {t('schedule.request.submit')}
        </Button>
      </Group>
      {chosen?.shortStaffed === true && (
        <Alert color="orange" mt="xs" data-testid="day-off-short-warning">
          {t('schedule.warnShort')}
        </Alert>
      )}
      {error !== undefined && (
        <Text c="red" size="sm" mt="xs" role="alert">
          {error}
        </Text>
      )}
    </Paper>
  );
}
