import { Group, Stack } from '@mantine/core';
import type { CallView } from '../../../src-shared/telephony/callView';
import { CallLog } from './CallLog';
import { DialPad } from './DialPad';
import { MyCallbacks } from './MyCallbacks';

export function CallsPage({
  calls,
  onOpenClient,
}: {
  calls: CallView[];
  onOpenClient: (clientId: number) => void;
}) {
  // The log reloads whenever a call changes state (an ended call appears at once).
  const refreshKey = calls.map((c) => `${c.id}:${c.state}`).join(',');
  return (
    <Stack gap="md">
      <Group align="flex-start" gap="md" wrap="nowrap">
        <DialPad />
        <Stack gap="md" style={{ flex: 1 }}>
          <CallLog refreshKey={refreshKey} onOpenClient={onOpenClient} />
          <MyCallbacks onOpenClient={onOpenClient} />
        </Stack>
      </Group>
    </Stack>
  );
}
