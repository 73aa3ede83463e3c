import { Badge, Paper, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MetricKey, PerformanceSheet } from '../../../src-shared/performance/sheetView';
import { formatFigure } from './formatFigure';

const groups: { key: 'calls' | 'time' | 'sales' | 'quality'; metrics: MetricKey[] }[] = [
  {
    key: 'calls',
    metrics: [
      'callsHandled',
      'inboundHandled',
      'outboundHandled',
      'missed',
      'outboundAttempts',
      'transferred',
      'inWrapUp',
    ],
  },
  {
    key: 'time',
    metrics: [
      'ahtSeconds',
      'talkSeconds',
      'holdSeconds',
      'wrapSeconds',
      'wrapShare',
      'readySeconds',
      'notReadySeconds',
      'occupancy',
    ],
  },
  {
    key: 'sales',
    metrics: ['offersMade', 'offersAccepted', 'conversion', 'ordersSubmitted', 'refusals'],
  },
  {
    key: 'quality',
    metrics: ['callbacksDue', 'callbacksKept', 'complaintsResolved', 'complaintsJustified'],
  },
];

/**
 * Every figure in a table a screen reader reads row by row: its name (which
 * opens how it is counted and the calls behind it), its value, and its target.
 */
export function FigureTable({
  sheet,
  onOpen,
}: {
  sheet: PerformanceSheet;
  onOpen: (metric: MetricKey) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {groups.map((group) => (
        <Paper withBorder p="sm" key={group.key}>
          <Title order={3} size="h5" mb="xs">
            {t(`performance.groups.${group.key}`)}
          </Title>
          <Table striped withRowBorders={false} data-testid={`figures-${group.key}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('performance.period')}</Table.Th>
                <Table.Th ta="right">{`${sheet.range.from} – ${sheet.range.to}`}</Table.Th>
                <Table.Th>{t('performance.target')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.metrics.map((metric) => {
                const target = sheet.targets.find((x) => x.metric === metric);
                const name = t(`performance.metrics.${metric}`);
                return (
                  <Table.Tr key={metric} data-testid={`figure-${metric}`}>
                    <Table.Td>
                      <UnstyledButton
                        onClick={() => onOpen(metric)}
                        aria-label={t('performance.showFormula', { metric: name })}
                        data-testid="figure-open"
                      >
                        <Text size="sm" td="underline" c="blue">
                          {name}
                        </Text>
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td ta="right" data-testid="figure-value">
                      {formatFigure(metric, sheet.figures[metric] ?? null, i18n.language)}
                    </Table.Td>
                    <Table.Td>
                      {target !== undefined && (
                        <Badge
                          variant="light"
                          color={target.met ? 'green' : 'gray'}
                          title={t('performance.targetFrom', {
                            version: target.version,
                            day: target.effectiveFrom,
                            source: target.source,
                          })}
                          data-testid="figure-target"
                        >
                          {formatFigure(metric, target.value, i18n.language)} ·{' '}
                          {t(target.met ? 'performance.targetMet' : 'performance.targetBehind')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </>
  );
}
