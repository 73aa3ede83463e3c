import {
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../src-shared/orders/catalogue';
import { formatMoney } from '../../../src-shared/orders/orderValues';
import {
  orderTransitions,
  type OrderDraftView,
  type OrderListItem,
  type OrderQuery,
  type OrderStatus,
} from '../../../src-shared/orders/orderViews';
import { invoke } from '../../api/pultClient';
import { formatDateTime } from '../../common/formatting';
import { reportProblem } from '../../common/problems';
import { clientWorkChanges, orderRequests } from './orderDesk';
import { useOrderCatalogue } from './useOrderCatalogue';

const statuses: OrderStatus[] = ['new', 'confirmed', 'scheduled', 'done', 'cancelled'];
const pageSize = 100;
type Filter = { [K in keyof Omit<OrderQuery, 'after' | 'limit'>]?: OrderQuery[K] | undefined };

/** The Orders section: what was left half-typed, and the orders, filtered, newest first. */
export function OrdersPage({ onOpenClient }: { onOpenClient: (clientId: number) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'uk';
  const catalogue = useOrderCatalogue();
  const [drafts, setDrafts] = useState<OrderDraftView[]>([]);
  const [filter, setFilter] = useState<Filter>({ mine: false });
  const setPart = <K extends keyof Filter>(key: K, value: Filter[K]) =>
    setFilter((f) => ({ ...f, [key]: value }));
  const [orders, setOrders] = useState<OrderListItem[]>([]);
  const [more, setMore] = useState(false);

  const read = useCallback(
    (after?: OrderListItem) => {
      invoke('orders.list', {
        ...filter,
        limit: pageSize,
        ...(after === undefined ? {} : { after: { createdAt: after.createdAt, id: after.id } }),
      }).then(
        (page) => {
          setOrders((shown) => (after === undefined ? page : [...shown, ...page]));
          setMore(page.length === pageSize);
        },
        (e: unknown) => reportProblem('load', e),
      );
    },
    [filter],
  );
  useEffect(() => read(), [read]);
  useEffect(() => {
    const readDrafts = () =>
      invoke('orders.drafts').then(setDrafts, (e: unknown) => reportProblem('load', e));
    void readDrafts();
    return clientWorkChanges.subscribe(() => {
      void readDrafts();
      read();
    });
  }, [read]);

  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const exportAs = (format: 'csv' | 'xlsx') => {
    setExporting(format);
    invoke('orders.export', { query: filter, format })
      .then(
        (result) => {
          if (result.saved)
            notifications.show({
              color: 'green',
              message: t('orders.export.done', { count: result.rows }),
            });
        },
        (e: unknown) => reportProblem('export', e),
      )
      .finally(() => setExporting(null));
  };
  const typeTitle = (code: string) => {
    const type = catalogue?.orderTypes.find((x) => x.code === code);
    return type === undefined ? code : localized(type.title, language);
  };
  const setStatus = (order: OrderListItem, status: OrderStatus) =>
    invoke('orders.setStatus', { id: order.id, status }).then(
      (changed) => {
        setOrders((shown) => shown.map((o) => (o.id === changed.id ? changed : o)));
        clientWorkChanges.publish({ clientId: changed.clientId });
      },
      (e: unknown) => reportProblem('save', e),
    );

  return (
    <Stack gap="md">
      {catalogue?.refused != null && (
        <Paper withBorder p="sm" c="red" data-testid="catalogue-refused">
          <Text size="sm">
            {t('orders.catalogueRefused', {
              file: catalogue.refused.file,
              line: catalogue.refused.line,
              field: catalogue.refused.field,
              problem: catalogue.refused.problem,
              version: catalogue.inUse?.version ?? '—',
            })}
          </Text>
        </Paper>
      )}
      {drafts.length > 0 && (
        <Paper withBorder p="sm" data-testid="order-drafts">
          <Title order={2} size="h5" mb="xs">
            {t('orders.drafts.title')}
          </Title>
          <Stack gap={4}>
            {drafts.map((draft) => (
              <Group key={draft.uid} gap="sm" data-testid="order-draft">
                <Text size="sm" fw={500}>
                  {typeTitle(draft.typeCode)}
                </Text>
                <Text size="sm">{draft.clientName}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(draft.updatedAt, language)}
                </Text>
                <Button
                  size="compact-xs"
                  onClick={() => orderRequests.publish({ kind: 'draft', uid: draft.uid })}
                  data-testid="order-draft-continue"
                >
                  {t('orders.drafts.continue')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      <Group align="flex-end" gap="sm">
        <Select
          label={t('orders.filter.status')}
          clearable
          data={statuses.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
          value={filter.status ?? null}
          onChange={(s) =>
            setPart(
              'status',
              statuses.find((x) => x === s),
            )
          }
          data-testid="orders-filter-status"
        />
        <Select
          label={t('orders.filter.type')}
          clearable
          data={(catalogue?.orderTypes ?? []).map((x) => ({
            value: x.code,
            label: localized(x.title, language),
          }))}
          value={filter.typeCode ?? null}
          onChange={(code) => setPart('typeCode', code ?? undefined)}
        />
        <TextInput
          type="date"
          label={t('orders.filter.from')}
          value={filter.from ?? ''}
          onChange={(e) => {
            const from = e.currentTarget.value;
            setPart('from', from === '' ? undefined : from);
          }}
        />
        <TextInput
          type="date"
          label={t('orders.filter.to')}
          value={filter.to ?? ''}
          onChange={(e) => {
            const to = e.currentTarget.value;
            setPart('to', to === '' ? undefined : to);
          }}
        />
        <Group gap="xs" mb={2}>
          {(['csv', 'xlsx'] as const).map((format) => (
            <Button
              key={format}
              variant="default"
              size="sm"
              onClick={() => exportAs(format)}
              loading={exporting === format}
              data-testid={`orders-export-${format}`}
            >
              {t(`orders.export.${format}`)}
            </Button>
          ))}
        </Group>
        <Checkbox
          label={t('orders.filter.mine')}
          checked={filter.mine}
          onChange={(e) => {
            const mine = e.currentTarget.checked;
            setFilter((f) => ({ ...f, mine }));
          }}
          mb={8}
        />
      </Group>
      <Table striped highlightOnHover data-testid="orders-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orders.columns.createdAt')}</Table.Th>
            <Table.Th>{t('orders.columns.client')}</Table.Th>
            <Table.Th>{t('orders.columns.type')}</Table.Th>
            <Table.Th>{t('orders.columns.dueAt')}</Table.Th>
            <Table.Th ta="right">{t('orders.columns.total')}</Table.Th>
            <Table.Th>{t('orders.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => (
            <Table.Tr key={order.id} data-testid="order-row">
              <Table.Td>{formatDateTime(order.createdAt, language)}</Table.Td>
              <Table.Td>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => onOpenClient(order.clientId)}
                >
                  {order.clientName}
                </Button>
              </Table.Td>
              <Table.Td>{order.title}</Table.Td>
              <Table.Td>{order.dueAt === null ? '' : order.dueAt.replace('T', ' ')}</Table.Td>
              <Table.Td ta="right">
                {order.totalKop === null
                  ? ''
                  : t('orders.money', { amount: formatMoney(order.totalKop) })}
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Badge
                      component="button"
                      variant="light"
                      color={
                        order.status === 'cancelled'
                          ? 'gray'
                          : order.status === 'done'
                            ? 'green'
                            : 'blue'
                      }
                      style={{
                        cursor: orderTransitions[order.status].length > 0 ? 'pointer' : 'default',
                      }}
                      data-testid="order-status"
                    >
                      {t(`orders.statuses.${order.status}`)}
                    </Badge>
                  </Menu.Target>
                  {orderTransitions[order.status].length > 0 && (
                    <Menu.Dropdown>
                      {orderTransitions[order.status].map((next) => (
                        <Menu.Item
                          key={next}
                          onClick={() => void setStatus(order, next)}
                          data-testid={`order-status-${next}`}
                        >
                          {t(`orders.statuses.${next}`)}
                        </Menu.Item>
                      ))}
                    </Menu.Dropdown>
                  )}
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {orders.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('orders.none')}
        </Text>
      )}
      {more && (
        <Button variant="default" onClick={() => read(orders.at(-1))}>
          {t('orders.more')}
        </Button>
      )}
    </Stack>
  );
}
