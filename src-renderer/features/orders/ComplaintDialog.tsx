import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../src-shared/telephony/callView';
import type { OrderListItem } from '../../../src-shared/orders/orderViews';
import { invoke } from '../../api/pultClient';
import { formatDate } from '../../common/formatting';
import { reportProblem } from '../../common/problems';
import { clientWorkChanges, complaintRequests, type ComplaintRequest } from './orderDesk';
import { useOrderCatalogue } from './useOrderCatalogue';

const kinds = ['complaint', 'reclamation', 'claim'] as const;

/**
 * A complaint (скарга, рекламація, претензія) about the client, perhaps one
 * of their orders, registered in the call with them: the category from the
 * center's list, what happened, and when it is due.
 */
export function ComplaintDialog({ calls }: { calls: readonly CallView[] }) {
  const { t, i18n } = useTranslation();
  const catalogue = useOrderCatalogue();
  const [request, setRequest] = useState<ComplaintRequest | null>(null);
  const [kind, setKind] = useState<(typeof kinds)[number]>('complaint');
  const [category, setCategory] = useState<string | null>(null);
  const [orderId, setOrderId] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [orders, setOrders] = useState<OrderListItem[]>([]);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(
    () =>
      complaintRequests.subscribe((next) => {
        setRequest(next);
        setKind('complaint');
        setCategory(null);
        setOrderId(next.orderId === undefined ? null : String(next.orderId));
        setBody('');
        setDueOn('');
        setTried(false);
        invoke('orders.list', { clientId: next.clientId, limit: 50 }).then(
          setOrders,
          (e: unknown) => reportProblem('load', e),
        );
      }),
    [],
  );

  const save = () => {
    setTried(true);
    if (request === null || category === null || body.trim() === '') return;
    const call = calls.find(
      (c) => c.client?.id === request.clientId && c.interactionId !== null && c.endedAt === null,
    );
    setSaving(true);
    invoke('complaints.register', {
      clientId: request.clientId,
      kind,
      categoryCode: category,
      body: body.trim(),
      ...(orderId === null ? {} : { orderId: Number(orderId) }),
      ...(call?.interactionId == null ? {} : { interactionId: call.interactionId }),
      ...(dueOn === '' ? {} : { dueOn }),
    })
      .then(
        (complaint) => {
          notifications.show({
            color: 'green',
            message: t('complaints.saved', { category: complaint.category }),
          });
          clientWorkChanges.publish({ clientId: complaint.clientId });
          setRequest(null);
        },
        (e: unknown) => reportProblem('save', e),
      )
      .finally(() => setSaving(false));
  };

  return (
    <Modal
      opened={request !== null}
      onClose={() => setRequest(null)}
      title={t('complaints.title')}
      size="lg"
      data-testid="complaint-dialog"
    >
      <Stack gap="sm">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(kinds.find((k) => k === v) ?? 'complaint')}
          data={kinds.map((k) => ({ value: k, label: t(`complaints.kinds.${k}`) }))}
          data-testid="complaint-kind"
        />
        <Select
          label={t('complaints.category')}
          withAsterisk
          data={(catalogue?.complaintCategories ?? []).map((c) => ({
            value: c.code,
            label: c.label,
          }))}
          value={category}
          onChange={setCategory}
          searchable
          selectFirstOptionOnChange
          error={tried && category === null ? t('orders.problems.required') : undefined}
          data-testid="complaint-category"
          data-autofocus
        />
        <Select
          label={t('complaints.order')}
          clearable
          data={orders.map((o) => ({
            value: String(o.id),
            label: `${o.title} · ${formatDate(o.createdAt, i18n.language)}`,
          }))}
          value={orderId}
          onChange={setOrderId}
          data-testid="complaint-order"
        />
        <Textarea
          label={t('complaints.body')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={tried && body.trim() === '' ? t('orders.problems.required') : undefined}
          data-testid="complaint-body"
        />
        <TextInput
          type="date"
          label={t('complaints.dueOn.label')}
          description={t('complaints.dueOn.hint')}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          data-testid="complaint-due"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRequest(null)}>
            {t('complaints.cancel')}
          </Button>
          <Button onClick={save} loading={saving} data-testid="complaint-save">
            {t('complaints.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
