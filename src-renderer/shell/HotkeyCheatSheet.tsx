import { Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hotkeyActions, type Hotkeys } from '../../src-shared/settings/userSettingsSchema';

/** Every key the operator can use, shown on "?". */
export function HotkeyCheatSheet({
  opened,
  onClose,
  hotkeys,
}: {
  opened: boolean;
  onClose: () => void;
  hotkeys: Hotkeys;
}) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    ...hotkeyActions.map((action): [string, string] => [
      t(`hotkeys.actions.${action}`),
      hotkeys[action],
    ]),
    [t('hotkeys.sections'), 'Ctrl+1…8'],
    [t('hotkeys.help'), '?'],
  ];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('hotkeys.cheatSheet')}
      data-testid="hotkey-cheat-sheet"
    >
      <Table fz="sm" data-testid="hotkey-table">
        <Table.Tbody>
          {rows.map(([label, key]) => (
            <Table.Tr key={label}>
              <Table.Td>{label}</Table.Td>
              <Table.Td>
                <Kbd>{key}</Kbd>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
