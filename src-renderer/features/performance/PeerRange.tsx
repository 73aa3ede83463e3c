import { Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeerRangeView } from '../../../src-shared/sync/supervisorView';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';
import { useSyncView } from '../../common/useSyncView';
import { formatFigure } from './formatFigure';

const rows = [
  { key: 'handled', metric: 'callsHandled' },
  { key: 'sales', metric: 'callsHandled' },
  { key: 'conversion', metric: 'conversion' },
  { key: 'ahtSeconds', metric: 'ahtSeconds' },
] as const;

/**
 * This week beside the team (team mode): the operator's own figures as the
 * center counts them, and the range of their colleagues' (least, median,
 * most), never a colleague by name, and none with fewer than three.
 */
export function PeerRange() {
  const { t, i18n } = useTranslation();
  const sync = useSyncView();
  const inTeam = sync?.configured === true && sync.hasPassword;
  const [view, setView] = useState<PeerRangeView | null | undefined>();
  const cursor = sync?.cursor;
  useEffect(() => {
    if (!inTeam) return;
    invoke('team.peers').then(setView, (e: unknown) => reportProblem('load', e));
  }, [inTeam, cursor]);
  if (!inTeam || view === undefined) return null;
  return (
    <Stack gap="xs" data-testid="peer-range">
      <Title order={2} size="h4">
        {t('performance.peerRange.title')}
      </Title>
      {view === null ? (
        <Text size="sm" c="dimmed">
          {t('performance.peerRange.offline')}
        </Text>
      ) : view.range === null ? (
        <Text size="sm" c="dimmed" data-testid="peer-range-few">
          {t('performance.peerRange.tooFew')}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('performance.peerRange.you')}</Table.Th>
              <Table.Th>{t('performance.peerRange.least')}</Table.Th>
              <Table.Th>{t('performance.peerRange.median')}</Table.Th>
              <Table.Th>{t('performance.peerRange.most')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ key, metric }) => {
              const spread = view.range?.[key] ?? null;
              return (
                <Table.Tr key={key} data-testid="peer-range-row" data-figure={key}>
                  <Table.Td>{t(`performance.peerRange.figures.${key}`)}</Table.Td>
                  <Table.Td>
                    {formatFigure(metric, view.own?.[key] ?? null, i18n.language)}
                  </Table.Td>
                  {[0, 1, 2].map((at) => (
                    <Table.Td key={at}>
                      {formatFigure(metric, spread?.[at] ?? null, i18n.language)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {view !== null && (
        <Text size="xs" c="dimmed">
          {t('performance.peerRange.hint', { peers: view.peers })}
        </Text>
      )}
    </Stack>
  );
}
