import { Button, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  drillableMetrics,
  type DrillableMetric,
  type DrillResult,
  type MetricKey,
  type PerformanceSheet,
} from '../../../src-shared/performance/sheetView';
import type { Disposition } from '../../../src-shared/calls/wrapUpSchema';
import { invoke, onEvent } from '../../api/pultClient';
import { formatDateTime } from '../../common/formatting';
import { reportProblem } from '../../common/problems';
import { formatSeconds } from './formatFigure';

const isDrillable = (metric: MetricKey): metric is DrillableMetric =>
  (drillableMetrics as readonly string[]).includes(metric);

/** How a figure is counted, and the calls behind it: each opens the client's card. */
export function FigureDrawer({
  metric,
  sheet,
  onClose,
  onOpenClient,
}: {
  metric: MetricKey | undefined;
  sheet: PerformanceSheet;
  onClose: () => void;
  onOpenClient: (clientId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const { range } = sheet;
  // What was read, and for which figure and range: another figure's calls are never shown.
  const [read, setRead] = useState<{ for: unknown; result: DrillResult } | undefined>();
  const drill = read?.for === `${metric}|${range.from}|${range.to}` ? read.result : undefined;
  useEffect(() => {
    if (metric === undefined || !isDrillable(metric)) return;
    let live = true;
    const key = `${metric}|${range.from}|${range.to}`;
    const read = () =>
      invoke('performance.calls', { metric, range }).then(
        (found) => live && setRead({ for: key, result: found }),
        (e: unknown) => live && reportProblem('load', e),
      );
    void read();
    const off = onEvent('performance.changed', () => void read());
    return () => {
      live = false;
      off();
    };
  }, [metric, range]);
  const name = metric === undefined ? '' : t(`performance.metrics.${metric}`);
  return (
    <Drawer
      opened={metric !== undefined}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Title order={2} size="h4">
          {t('performance.drill.title', { metric: name })}
        </Title>
      }
      data-testid="figure-drawer"
    >
      {metric !== undefined && (
        <Stack gap="sm">
          <Title order={3} size="h6">
            {t('performance.drill.formula')}
          </Title>
          <Text size="sm" data-testid="figure-formula">
            {t(`performance.formula.${metric}`, { minutes: sheet.callbackGraceMinutes })}
          </Text>
          {!isDrillable(metric) && (
            <Text size="sm" c="dimmed">
              {t('performance.drill.noCalls')}
            </Text>
          )}
          {isDrillable(metric) && drill === undefined && <Loader size="sm" />}
          {drill !== undefined && (
            <>
              <Title order={3} size="h6">
                {t('performance.drill.calls', { count: drill.total })}
              </Title>
              {drill.total > drill.calls.length && (
                <Text size="xs" c="dimmed">
                  {t('performance.drill.shown', { shown: drill.calls.length, total: drill.total })}
                </Text>
              )}
              {drill.calls.length === 0 ? (
                <Text size="sm">{t('performance.drill.none')}</Text>
              ) : (
                <Table data-testid="drill-calls">
                  <Table.Tbody>
                    {drill.calls.map((call) => (
                      <Table.Tr key={call.interactionId} data-testid="drill-call">
                        <Table.Td>{formatDateTime(call.offeredAt, i18n.language)}</Table.Td>
                        <Table.Td>{call.clientName ?? t('performance.drill.noClient')}</Table.Td>
                        <Table.Td>{t(`calls.live.${call.direction}`)}</Table.Td>
                        <Table.Td>{formatSeconds(call.talkSeconds)}</Table.Td>
                        <Table.Td>
                          {call.outcome === null
                            ? ''
                            : t(`clients.outcomes.${call.outcome as Disposition}`)}
                        </Table.Td>
                        <Table.Td>
                          {call.clientId !== null && (
                            <Group justify="flex-end">
                              <Button
                                size="compact-xs"
                                variant="light"
                                onClick={() =>
                                  call.clientId !== null && onOpenClient(call.clientId)
                                }
                                data-testid="drill-open-card"
                              >
                                {t('performance.drill.openCard')}
                              </Button>
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
