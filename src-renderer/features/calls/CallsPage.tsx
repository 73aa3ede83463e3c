import { Stack } from '@mantine/core';
import { SectionPlaceholder } from '../../shell/SectionPlaceholder';
import { MyCallbacks } from './MyCallbacks';

export function CallsPage({ onOpenClient }: { onOpenClient: (clientId: number) => void }) {
  return (
    <Stack gap="md">
      <SectionPlaceholder section="calls" />
      <MyCallbacks onOpenClient={onOpenClient} />
    </Stack>
  );
}
