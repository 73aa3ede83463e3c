import { Button, Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
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
  const [picking, setPicking] = useState(false);
  const start = (typeCode: string) => {
    setPicking(false);
    orderRequests.publish({ kind: 'new', typeCode, clientId });
  };
  // Ctrl+O offers the order types over the card; a digit picks one. Pressed in the first
  // moments of a first start, it opens once the catalogue is read.
  // Heard before anything else on the page (the capture phase): a dialog closing under the
  // focus stops a key's bubbling, and Ctrl+O was then lost now and then.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 'o' && event.code !== 'KeyO') return;
      event.preventDefault();
      setPicking(true);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  // While the types are offered a digit picks one, wherever the focus is yet (the dialog takes
  // it a moment after it is drawn, and a quick hand is faster).
  useLayoutEffect(() => {
    if (!picking) return;
    const onKey = (event: KeyboardEvent) => {
      const type = /^[1-9]$/.test(event.key) ? types[Number(event.key) - 1] : undefined;
      if (type === undefined || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      event.stopPropagation();
      setPicking(false);
      orderRequests.publish({ kind: 'new', typeCode: type.code, clientId });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [picking, types, clientId]);
  return (
    <>
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          disabled={types.length === 0}
          onClick={() => setPicking(true)}
          data-testid="client-new-order"
        >
          {t('orders.newOrder')}
        </Button>
        <Modal
          opened={picking && types.length > 0}
          onClose={() => setPicking(false)}
          title={t('orders.pickType')}
          size="sm"
          transitionProps={{ duration: 0 }}
          // The order form takes the focus next; the button behind must not take it back.
          returnFocus={false}
        >
          <Stack gap="xs" data-testid="order-type-picker">
            {types.map((type, index) => (
              <Button
                key={type.code}
                variant="default"
                justify="flex-start"
                leftSection={<Kbd size="xs">{index + 1}</Kbd>}
                onClick={() => start(type.code)}
                data-autofocus={index === 0 ? true : undefined}
                data-testid={`new-order-${type.code}`}
              >
                {localized(type.title, language)}
              </Button>
            ))}
          </Stack>
        </Modal>
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
