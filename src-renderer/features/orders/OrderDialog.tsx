import { Badge, Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../src-shared/orders/catalogue';
import type { OrderDraftView } from '../../../src-shared/orders/orderViews';
import type { CallView } from '../../../src-shared/telephony/callView';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';
import { clientWorkChanges, orderRequests } from './orderDesk';
import { OrderForm } from './OrderForm';
import { useOrderCatalogue } from './useOrderCatalogue';

/** The call an order for this client is taken in: the one in progress with them. */
function callWith(calls: readonly CallView[], clientId: number): CallView | undefined {
  return calls.find(
    (c) =>
      c.client?.id === clientId &&
      c.interactionId !== null &&
      c.endedAt === null &&
      c.answeredAt !== null,
  );
}

/**
 * The one order dialog: a new draft for a client (in the call with them, if
 * there is one) or a draft to go on with. It stays on its draft's client
 * whatever rings meanwhile: the title names them, and only this form writes
 * to the draft. Closing keeps the draft; it is saved as typed.
 */
export function OrderDialog({ calls }: { calls: readonly CallView[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'uk';
  const catalogue = useOrderCatalogue();
  const [draft, setDraft] = useState<OrderDraftView | null>(null);
  const [answeredAt, setAnsweredAt] = useState<string | null>(null);

  useEffect(
    () =>
      orderRequests.subscribe((request) => {
        if (request.kind === 'draft') {
          invoke('orders.draft.get', { uid: request.uid }).then(
            (found) => {
              const call = calls.find(
                (c) => found !== null && c.interactionId === found.interactionId,
              );
              setAnsweredAt(call?.answeredAt ?? null);
              setDraft(found);
            },
            (e: unknown) => reportProblem('load', e),
          );
          return;
        }
        const call = callWith(calls, request.clientId);
        invoke('orders.draft.open', {
          typeCode: request.typeCode,
          clientId: request.clientId,
          ...(call?.interactionId == null ? {} : { interactionId: call.interactionId }),
        }).then(
          (opened) => {
            setAnsweredAt(call?.answeredAt ?? null);
            setDraft(opened);
          },
          (e: unknown) => reportProblem('save', e),
        );
      }),
    [calls],
  );

  const type = catalogue?.orderTypes.find((x) => x.code === draft?.typeCode);
  const close = () => {
    if (draft !== null) clientWorkChanges.publish({ clientId: draft.clientId });
    setDraft(null);
  };
  return (
    <Modal
      opened={draft !== null}
      onClose={close}
      size="xl"
      closeOnClickOutside={false}
      // The first field takes the keys at once: no opening animation to wait through.
      transitionProps={{ duration: 0 }}
      title={
        draft === null ? null : (
          <Group gap="xs">
            <Text fw={600}>
              {type === undefined ? draft.typeCode : localized(type.title, language)}
            </Text>
            <Badge variant="light" size="lg" data-testid="order-client">
              {draft.clientName}
            </Badge>
          </Group>
        )
      }
      data-testid="order-dialog"
    >
      {draft !== null && catalogue !== undefined && type !== undefined ? (
        <OrderForm
          key={draft.uid}
          draft={draft}
          type={type}
          catalogue={catalogue}
          callAnsweredAt={answeredAt}
          onDone={close}
        />
      ) : draft !== null ? (
        <Group justify="space-between">
          <Text size="sm">{t('orders.form.typeGone')}</Text>
          <Button
            variant="default"
            onClick={() =>
              void invoke('orders.draft.discard', { uid: draft.uid }).then(close, (e: unknown) =>
                reportProblem('save', e),
              )
            }
          >
            {t('orders.drafts.discard')}
          </Button>
        </Group>
      ) : null}
    </Modal>
  );
}
