import {
  Accordion,
  Alert,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type {
  BreakdownItem,
  MetricKey,
  PerformanceSheet,
  SheetRange,
} from '../../../src-shared/performance/sheetView';
import type { NotReadyReason } from '../../../src-shared/agent/agentStateView';
import { formatDateTime } from '../../common/formatting';
import { PeerRange } from './PeerRange';
import { AchievementsPanel } from './AchievementsPanel';
import { FigureDrawer } from './FigureDrawer';
import { FigureTable } from './FigureTable';
import { formatFigure, formatSeconds } from './formatFigure';
import { periodRange, type Period } from './periods';
import { SeriesChart } from './SeriesChart';
import { useSheet } from './useSheet';

const dayTime = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime() / 1000;
};

/**
 * The operator's own performance sheet (показники): every figure for today,
 * this week, this month or any range, computed in main's worker from their
 * own records and read again the moment a wrap-up is saved; each figure
 * opens how it is counted and the calls behind it. Then the targets and what
 * changed in them, today's pace, the days and the weeks as charts and
 * tables, and the achievements with the average score.
 */
export function PerformancePage({ onOpenClient }: { onOpenClient: (clientId: number) => void }) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState<Period>('month');
  const [own, setOwn] = useState<SheetRange>(() => periodRange('month'));
  const range = useMemo(() => (period === 'range' ? own : periodRange(period)), [period, own]);
  const { sheet, reads } = useSheet(own.from <= own.to ? range : undefined);
  const [open, setOpen] = useState<MetricKey | undefined>();
  return (
    <Stack gap="md" data-testid="performance">
      <Group align="flex-end">
        <SegmentedControl
          value={period}
          onChange={setPeriod}
          data={(['today', 'week', 'month', 'range'] as const).map((p) => ({
            value: p,
            label: t(`performance.periods.${p}`),
          }))}
          aria-label={t('performance.period')}
          data-testid="performance-period"
        />
        {period === 'range' && (
          <>
            <TextInput
              type="date"
              label={t('performance.from')}
              value={own.from}
              onChange={(e) => setOwn({ ...own, from: e.currentTarget.value })}
              data-testid="performance-from"
            />
            <TextInput
              type="date"
              label={t('performance.to')}
              value={own.to}
              onChange={(e) => setOwn({ ...own, to: e.currentTarget.value })}
              data-testid="performance-to"
            />
          </>
        )}
        {sheet !== undefined && (
          <Text size="xs" c="dimmed" data-testid="performance-updated" data-reads={reads}>
            {t('performance.updatedAt', { time: formatDateTime(sheet.computedAt, i18n.language) })}
          </Text>
        )}
      </Group>
      {sheet === undefined ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('performance.loading')}</Text>
        </Group>
      ) : (
        <SheetBody sheet={sheet} onOpen={setOpen} />
      )}
      {sheet !== undefined && (
        <FigureDrawer
          metric={open}
          sheet={sheet}
          onClose={() => setOpen(undefined)}
          onOpenClient={(clientId) => {
            setOpen(undefined);
            onOpenClient(clientId);
          }}
        />
      )}
      <PeerRange />
      <AchievementsPanel range={range} />
    </Stack>
  );
}

/** The two lines every chart of the sheet draws: calls handled and sales. */
function callsAndSales(
  points: readonly { callsHandled: number; offersAccepted: number }[],
  t: TFunction,
) {
  return [
    {
      label: t('performance.charts.calls'),
      values: points.map((p) => p.callsHandled),
      color: '#228be6',
    },
    {
      label: t('performance.charts.sales'),
      values: points.map((p) => p.offersAccepted),
      color: '#40c057',
    },
  ];
}

function SheetBody({ sheet, onOpen }: { sheet: PerformanceSheet; onOpen: (m: MetricKey) => void }) {
  const { t, i18n } = useTranslation();
  const metricName = (metric: MetricKey) => t(`performance.metrics.${metric}`);
  const value = (metric: MetricKey, v: number | null) => formatFigure(metric, v, i18n.language);
  const dayTimes = useMemo(() => sheet.days.map((d) => dayTime(d.day)), [sheet.days]);
  const daySeries = useMemo(() => callsAndSales(sheet.days, t), [sheet.days, t]);
  const weekTimes = useMemo(() => sheet.weeks.map((w) => dayTime(w.weekStart)), [sheet.weeks]);
  const weekSeries = useMemo(() => callsAndSales(sheet.weeks, t), [sheet.weeks, t]);
  return (
    <>
      {sheet.changes.length > 0 && (
        <Alert
          color="yellow"
          title={t('performance.changes.title')}
          data-testid="performance-changes"
        >
          {sheet.changes.map((change) => (
            <Text size="sm" key={`${change.day}-${change.kind}-${change.metric}`}>
              {change.kind === 'formula'
                ? t('performance.changes.formula', {
                    day: change.day,
                    metric: metricName(change.metric),
                    version: change.version,
                  })
                : change.from === null
                  ? t('performance.changes.targetSet', {
                      day: change.day,
                      metric: metricName(change.metric),
                      to: value(change.metric, change.to),
                      version: change.version,
                    })
                  : t('performance.changes.target', {
                      day: change.day,
                      metric: metricName(change.metric),
                      from: value(change.metric, change.from),
                      to: value(change.metric, change.to),
                      version: change.version,
                    })}
            </Text>
          ))}
        </Alert>
      )}
      {sheet.pacing.length > 0 && (
        <Paper withBorder p="sm" data-testid="performance-pacing">
          <Title order={3} size="h5" mb="xs">
            {t('performance.pacing.title')}
          </Title>
          {sheet.pacing.map((pace) => (
            <Text size="sm" key={pace.metric} data-testid={`pacing-${pace.metric}`}>
              {t('performance.pacing.line', {
                metric: metricName(pace.metric),
                done: value(pace.metric, pace.done),
                target: value(pace.metric, pace.target),
                expected: value(pace.metric, pace.expectedByNow),
              })}
              {' · '}
              {pace.remaining === 0
                ? t('performance.pacing.done')
                : pace.callsAtCurrentRate !== null
                  ? t('performance.pacing.rate', {
                      count: pace.remaining,
                      calls: pace.callsAtCurrentRate,
                    })
                  : t('performance.pacing.remaining', { count: pace.remaining })}
            </Text>
          ))}
          {sheet.pacing[0] !== undefined && (
            <Text size="xs" c="dimmed">
              {t(
                sheet.pacing[0].shift.fromSchedule
                  ? 'performance.pacing.shift'
                  : 'performance.pacing.shiftDefault',
                {
                  from: sheet.pacing[0].shift.from,
                  to: sheet.pacing[0].shift.to,
                },
              )}
            </Text>
          )}
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <FigureTable sheet={sheet} onOpen={onOpen} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">
            {t('performance.charts.days')}
          </Title>
          <SeriesChart
            times={dayTimes}
            series={daySeries}
            testId="chart-days"
            label={t('performance.charts.days')}
          />
        </Paper>
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">
            {t('performance.charts.weeks')}
          </Title>
          <SeriesChart
            times={weekTimes}
            series={weekSeries}
            testId="chart-weeks"
            label={t('performance.charts.weeks')}
          />
          <Text size="sm" mt="xs" data-testid="performance-best">
            {sheet.best === null
              ? t('performance.noBest')
              : t('performance.best', {
                  week: sheet.best.weekStart,
                  sales: sheet.best.offersAccepted,
                  calls: sheet.best.callsHandled,
                })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('performance.peers')}
          </Text>
        </Paper>
      </SimpleGrid>
      <Accordion variant="separated">
        <Accordion.Item value="tables">
          <Accordion.Control>{t('performance.charts.tableCaption')}</Accordion.Control>
          <Accordion.Panel>
            <DataTable
              caption={t('performance.charts.days')}
              testId="days-table"
              headers={[
                t('performance.charts.day'),
                t('performance.charts.calls'),
                t('performance.charts.sales'),
                t('performance.charts.aht'),
              ]}
              rows={sheet.days.map((d) => [
                d.day,
                d.callsHandled,
                d.offersAccepted,
                d.ahtSeconds === null ? '—' : formatSeconds(d.ahtSeconds),
              ])}
            />
            <DataTable
              caption={t('performance.charts.weeks')}
              testId="weeks-table"
              headers={[
                t('performance.charts.week'),
                t('performance.charts.calls'),
                t('performance.charts.sales'),
                t('performance.charts.conversion'),
                t('performance.charts.aht'),
              ]}
              rows={sheet.weeks.map((w) => [
                w.weekStart,
                w.callsHandled,
                w.offersAccepted,
                value('conversion', w.conversion),
                w.ahtSeconds === null ? '—' : formatSeconds(w.ahtSeconds),
              ])}
            />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Breakdown
          title={t('performance.breakdowns.notReadyByReason')}
          items={sheet.breakdowns.notReadyByReason}
          seconds
          translate
          testId="breakdown-notReady"
        />
        <Breakdown
          title={t('performance.breakdowns.refusalsByReason')}
          items={sheet.breakdowns.refusalsByReason}
          testId="breakdown-refusals"
        />
        <Breakdown
          title={t('performance.breakdowns.refusalsByBranch')}
          items={sheet.breakdowns.refusalsByBranch}
          testId="breakdown-branches"
        />
        <Breakdown
          title={t('performance.breakdowns.ordersByType')}
          items={sheet.breakdowns.ordersByType}
          testId="breakdown-orders"
        />
      </SimpleGrid>
    </>
  );
}

/** A chart's numbers as a captioned table, read row by row by a screen reader. */
function DataTable({
  caption,
  testId,
  headers,
  rows,
}: {
  caption: string;
  testId: string;
  headers: string[];
  rows: (string | number)[][];
}) {
  return (
    <Table striped mb="md" data-testid={testId}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {headers.map((header) => (
            <Table.Th key={header}>{header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={String(row[0])}>
            {row.map((cell, index) => (
              <Table.Td key={headers[index] ?? index}>{cell}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Breakdown({
  title,
  items,
  seconds = false,
  translate = false,
  testId,
}: {
  title: string;
  items: BreakdownItem[];
  seconds?: boolean;
  translate?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Table data-testid={testId}>
        <Table.Caption>{title}</Table.Caption>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td>{t('performance.breakdowns.none')}</Table.Td>
            </Table.Tr>
          )}
          {items.map((item) => (
            <Table.Tr key={item.key}>
              <Table.Td>
                {translate
                  ? t(`status.agentReasons.${item.key as NotReadyReason}`, item.label)
                  : item.label}
              </Table.Td>
              <Table.Td ta="right">{seconds ? formatSeconds(item.value) : item.value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
