import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectionId } from '../app/sections';

/** What a section that is not built yet shows: what will be there. */
export function SectionPlaceholder({ section }: { section: SectionId }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="sm" data-testid={`empty-${section}`}>
      <Text c="dimmed">{t(`sections.${section}.empty`)}</Text>
    </Paper>
  );
}
