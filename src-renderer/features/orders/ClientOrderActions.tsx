import { Button, Group, Menu, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../src-shared/orders/catalogue';
import type { OrderDraftView } from '../../../src-shared/orders/orderViews';
import { invoke } from '../../api/pultClient';
import { formatDateTime } from '../../common/formatting';
import { reportProblem } from '../../common/problems';
import { clientWorkChanges, complaintRequests, orderRequests } from './orderDesk';
import { useOrderCatalogue } from './useOrderCatalogue';

/**
 * On a client's card: a new order of one of the center's types, a complaint,
 * and the orders left unfinished for this client (typed, never submitted),
 * each to go on with.
 */
export function ClientOrderActions({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'uk';
  const catalogue = useOrderCatalogue();
  const [drafts, setDrafts] = useState<OrderDraftView[]>([]);
  useEffect(() => {
    let live = true;
    const read = () =>
      invoke('orders.drafts').then(
        (mine) => live && setDrafts(mine.filter((d) => d.clientId === clientId)),
        (e: unknown) => reportProblem('load', e),
      );
    void read();
    const stop = clientWorkChanges.subscribe((change) => {
      if (change.clientId === clientId) void read();
    });
    return () => {
      live = false;
      stop();
    };
  }, [clientId]);
  const types = useMemo(() => catalogue?.orderTypes ?? [], [catalogue]);
  const [menu, setMenu] = useState(false);
  // Ctrl+O opens the order types over the card; a digit picks one.
  // Pressed in the first moments of a first start, it opens once the catalogue is read.
  useHotkeys([['mod+O', () => setMenu(true)]]);
  useEffect(() => {
    if (!menu) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      const type = /^[1-9]$/.test(event.key) ? types[Number(event.key) - 1] : undefined;
      if (type === undefined) return;
      event.preventDefault();
      setMenu(false);
      orderRequests.publish({ kind: 'new', typeCode: type.code, clientId });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [menu, types, clientId]);
  return (
    <>
      <Group gap="xs">
        <Menu position="bottom-start" opened={menu && types.length > 0} onChange={setMenu}>
          <Menu.Target>
            <Button
              size="xs"
              variant="light"
              disabled={types.length === 0}
              data-testid="client-new-order"
            >
              {t('orders.newOrder')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {types.map((type, index) => (
              <Menu.Item
                key={type.code}
                leftSection={<Text size="xs">{index + 1}</Text>}
                onClick={() =>
                  orderRequests.publish({ kind: 'new', typeCode: type.code, clientId })
                }
                data-testid={`new-order-${type.code}`}
              >
                {localized(type.title, language)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Button
          size="xs"
          variant="light"
          color="orange"
          onClick={() => complaintRequests.publish({ clientId })}
          data-testid="client-new-complaint"
        >
          {t('complaints.new')}
        </Button>
      </Group>
      {drafts.map((draft) => {
        const type = types.find((x) => x.code === draft.typeCode);
        return (
          <Group key={draft.uid} gap="xs" data-testid="client-order-draft">
            <Text size="sm">
              {t('orders.drafts.unfinished', {
                title: type === undefined ? draft.typeCode : localized(type.title, language),
                at: formatDateTime(draft.updatedAt, language),
              })}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => orderRequests.publish({ kind: 'draft', uid: draft.uid })}
              data-testid="client-order-draft-continue"
            >
              {t('orders.drafts.continue')}
            </Button>
          </Group>
        );
      })}
    </>
  );
}
