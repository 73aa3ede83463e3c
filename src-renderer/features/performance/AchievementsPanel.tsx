import {
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
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AchievementSheet } from '../../../src-shared/performance/achievementViews';
import type { SheetRange } from '../../../src-shared/performance/sheetView';
import { invoke, onEvent } from '../../api/pultClient';
import { formatDate } from '../../common/formatting';
import { reportProblem } from '../../common/problems';
import { localDay } from '../../../src-shared/localDays';

/**
 * The operator's own table of achievements (the seed's table): add one, see
 * whether the records confirm it, the average score by the center's formula,
 * and the export for the supervisor.
 */
export function AchievementsPanel({ range }: { range: SheetRange }) {
  const { t, i18n } = useTranslation();
  const [sheet, setSheet] = useState<AchievementSheet | undefined>();
  const [kind, setKind] = useState<string | null>(null);
  const [day, setDay] = useState(localDay(new Date()));
  const [note, setNote] = useState('');
  const read = useCallback(
    () =>
      invoke('performance.achievements', { range }).then(setSheet, (e: unknown) =>
        reportProblem('load', e),
      ),
    [range],
  );
  useEffect(() => {
    void read();
    return onEvent('performance.changed', () => void read());
  }, [read]);
  const add = () => {
    if (kind === null) return;
    invoke('performance.addAchievement', { day, kindCode: kind, note }).then(
      ({ verdict }) => {
        setNote('');
        notifications.show({
          message: t('performance.achievements.added', {
            verdict: t(`performance.achievements.${verdict}`),
          }),
        });
        void read();
      },
      (e: unknown) => reportProblem('save', e),
    );
  };
  const exportAs = (format: 'csv' | 'xlsx' | 'pdf') =>
    invoke('performance.exportAchievements', { range, format }).then(
      ({ saved, rows }) =>
        saved && notifications.show({ message: t('performance.achievements.exported', { rows }) }),
      (e: unknown) => reportProblem('export', e),
    );
  const score = (value: number | null) =>
    value === null
      ? '—'
      : new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'uk-UA', {
          maximumFractionDigits: 2,
        }).format(value);
  return (
    <Paper withBorder p="sm" data-testid="achievements">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('performance.achievements.title')}
        </Title>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => void exportAs('xlsx')}
            data-testid="achievements-export-xlsx"
          >
            {t('performance.achievements.exportXlsx')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => void exportAs('csv')}
            data-testid="achievements-export-csv"
          >
            {t('performance.achievements.exportCsv')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => void exportAs('pdf')}
            data-testid="achievements-export-pdf"
          >
            {t('performance.achievements.exportPdf')}
          </Button>
        </Group>
      </Group>
      {sheet !== undefined && (
        <Stack gap="xs">
          <Text size="sm" data-testid="achievements-average">
            {t('performance.achievements.average', { value: score(sheet.average) })} (
            {t(
              sheet.formula.over === 'days'
                ? 'performance.achievements.formulaDays'
                : 'performance.achievements.formulaEntries',
            )}
            ,{' '}
            {t(
              sheet.formula.count === 'all'
                ? 'performance.achievements.countAll'
                : 'performance.achievements.countConfirmed',
            )}
            ) ·{' '}
            {t('performance.achievements.averageConfirmed', {
              value: score(sheet.averageConfirmed),
            })}
          </Text>
          <Group align="flex-end" gap="xs">
            <NativeSelect
              label={t('performance.achievements.kind')}
              data={[
                { value: '', label: '—' },
                ...sheet.kinds.map((k) => ({ value: k.code, label: `${k.title} (${k.points})` })),
              ]}
              value={kind ?? ''}
              onChange={(e) => setKind(e.currentTarget.value === '' ? null : e.currentTarget.value)}
              data-testid="achievement-kind"
            />
            <TextInput
              type="date"
              label={t('performance.achievements.day')}
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
              data-testid="achievement-day"
            />
            <TextInput
              label={t('performance.achievements.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={500}
              data-testid="achievement-note"
            />
            <Button onClick={add} disabled={kind === null} data-testid="achievement-add">
              {t('performance.achievements.add')}
            </Button>
          </Group>
          {sheet.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('performance.achievements.empty')}
            </Text>
          ) : (
            <Table striped data-testid="achievement-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('performance.achievements.day')}</Table.Th>
                  <Table.Th>{t('performance.achievements.kind')}</Table.Th>
                  <Table.Th>{t('performance.achievements.points')}</Table.Th>
                  <Table.Th>{t('performance.achievements.verdict')}</Table.Th>
                  <Table.Th>{t('performance.achievements.backedBy')}</Table.Th>
                  <Table.Th>{t('performance.achievements.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sheet.items.map((item) => (
                  <Table.Tr key={item.id} data-testid="achievement" data-verdict={item.verdict}>
                    <Table.Td>{item.day}</Table.Td>
                    <Table.Td>{item.title}</Table.Td>
                    <Table.Td>{item.points}</Table.Td>
                    <Table.Td>
                      <Badge
                        color={item.verdict === 'confirmed' ? 'green' : 'orange'}
                        variant="light"
                        data-testid="achievement-verdict"
                      >
                        {t(`performance.achievements.${item.verdict}`)}
                      </Badge>
                      {item.verdictChangedAt !== null && (
                        <Text size="xs" c="dimmed">
                          {t('performance.achievements.changed', {
                            date: formatDate(item.verdictChangedAt, i18n.language),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {item.backedBy === null
                        ? ''
                        : `${t(`performance.achievements.backing.${item.backedBy.entity}`)}: ${item.backedBy.label}`}
                    </Table.Td>
                    <Table.Td>{item.note}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Paper>
  );
}
