import { useState } from 'react';
import {
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  firstHistoryEntries,
  type ClientCard,
  type HistoryEntry,
} from '../../../src-shared/clients/clientSchemas';
import { formatDate, formatDateTime, formatDuration, formatPhone } from '../../common/formatting';
import { formatMoney } from '../../../src-shared/orders/orderValues';

/** An order's date: a day, or a day and the time it starts. */
function formatDueAt(dueAt: string, language: string): string {
  return dueAt.length > 10 ? formatDateTime(`${dueAt}:00`, language) : formatDate(dueAt, language);
}
import { ScheduleCallback } from './ScheduleCallback';
import { RevealDialog } from './RevealDialog';
import type { RevealedDetails } from '../../../src-shared/clients/personalData';
import { DialButton } from '../calls';
import { ClientScriptRuns } from '../scripts';
import { ClientOrderActions, ComplaintStatusMenu } from '../orders';
import { CallTimeLine } from './CallTimeLine';
import { ConsentLine } from './ConsentLine';

function HistoryLine({ entry, clientId }: { entry: HistoryEntry; clientId: number }) {
  const { t, i18n } = useTranslation();
  switch (entry.kind) {
    case 'call': {
      const parts = [
        entry.outcome === null
          ? null
          : t(`clients.outcomes.${entry.outcome}` as 'clients.outcomes.sale', {
              defaultValue: entry.outcome,
            }),
        t('clients.history.duration', { duration: formatDuration(entry.talkSeconds) }),
        entry.refusalReason === null
          ? null
          : t('clients.history.reason', { reason: entry.refusalReason }),
        entry.by === null ? null : t('clients.history.byColleague', { by: entry.by }),
      ].filter((p) => p !== null);
      return (
        <>
          <Text size="sm" fw={500}>
            {t(
              entry.direction === 'inbound'
                ? 'clients.history.callInbound'
                : 'clients.history.callOutbound',
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {parts.join(' · ')}
          </Text>
        </>
      );
    }
    case 'offer':
      return (
        <>
          <Text size="sm" fw={500}>
            {t('clients.history.offer', { item: entry.item })}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              t(`clients.offerResults.${entry.result}`),
              entry.refusalReason === null
                ? null
                : t('clients.history.reason', { reason: entry.refusalReason }),
            ]
              .filter((p) => p !== null)
              .join(' · ')}
          </Text>
        </>
      );
    case 'order':
      return (
        <>
          <Text size="sm" fw={500}>
            {t('clients.history.order', { service: entry.title })}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              t(`orders.statuses.${entry.status}`),
              entry.dueAt === null ? null : formatDueAt(entry.dueAt, i18n.language),
              entry.totalKop === null
                ? null
                : t('clients.history.amount', { amount: formatMoney(entry.totalKop) }),
            ]
              .filter((p) => p !== null)
              .join(' · ')}
          </Text>
        </>
      );
    case 'complaint':
      return (
        <>
          <Text size="sm" fw={500}>
            {t(`complaints.kinds.${entry.complaintKind}`)}: {entry.category}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              t(`complaints.statuses.${entry.status}`),
              entry.justified === null
                ? null
                : t(entry.justified ? 'complaints.justified' : 'complaints.unjustified'),
              entry.dueOn === null || entry.status === 'resolved'
                ? null
                : t('complaints.dueBy', { date: formatDate(entry.dueOn, i18n.language) }),
            ]
              .filter((p) => p !== null)
              .join(' · ')}
          </Text>
          <ComplaintStatusMenu complaintId={entry.id} clientId={clientId} status={entry.status} />
        </>
      );
  }
}

export function ClientCardView({
  card: given,
  onEdit,
}: {
  card: ClientCard;
  onEdit: (card: ClientCard) => void;
}) {
  const { t, i18n } = useTranslation();
  // What "show" revealed, for this client only: another card comes masked again.
  const [revealed, setRevealed] = useState<{ id: number; details: RevealedDetails } | undefined>();
  const [asking, setAsking] = useState(false);
  const card =
    given.masked && revealed?.id === given.id
      ? { ...given, ...revealed.details, masked: false }
      : given;
  // Back to the newest entries when another client's card is shown.
  const [wholeHistoryOf, setWholeHistoryOf] = useState<number | undefined>();
  const history =
    wholeHistoryOf === card.id ? card.history : card.history.slice(0, firstHistoryEntries);
  const field = (label: string, value: string) =>
    value === '' ? null : (
      <div>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm">{value}</Text>
      </div>
    );
  return (
    <Paper withBorder p="md" radius="sm" h="100%" data-testid="client-card">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h4" data-testid="client-card-name">
              {card.fullName}
            </Title>
            <Text size="xs" c="dimmed">
              {t('clients.card.since', { date: formatDate(card.createdAt, i18n.language) })}
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            <ScheduleCallback clientId={card.id} />
            {card.masked && (
              <Button
                size="xs"
                variant="default"
                onClick={() => setAsking(true)}
                data-testid="client-card-reveal"
              >
                {t('clients.reveal.open')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              onClick={() => onEdit(card)}
              data-testid="client-edit"
            >
              {t('clients.actions.edit')}
            </Button>
          </Group>
        </Group>
        <ClientOrderActions clientId={card.id} />
        <Group gap="xs">
          {card.doNotCall && <Badge color="red">{t('clients.card.doNotCall')}</Badge>}
          {card.tags.map((tag) => (
            <Badge key={tag} variant="light">
              {tag}
            </Badge>
          ))}
          {card.openOrders > 0 && (
            <Badge color="blue" variant="outline">
              {t('clients.card.openOrders', { count: card.openOrders })}
            </Badge>
          )}
          {card.openComplaints > 0 && (
            <Badge color="orange" variant="outline">
              {t('clients.card.openComplaints', { count: card.openComplaints })}
            </Badge>
          )}
        </Group>
        <ConsentLine key={card.id} clientId={card.id} />
        <CallTimeLine key={`time-${card.id}`} clientId={card.id} />
        <SimpleGrid cols={2} spacing="xs">
          <div>
            <Text size="xs" c="dimmed">
              {t('clients.card.phones')}
            </Text>
            {card.phones.map((phone, index) => (
              <Group key={`${index}-${phone.e164}`} gap={6} wrap="nowrap">
                <Text size="sm" ff="monospace" data-testid="client-card-phone">
                  {formatPhone(phone.e164)}
                </Text>
                <DialButton
                  number={phone.e164}
                  onCard={card.masked ? { clientId: card.id, phone: index } : undefined}
                  blocked={card.doNotCall ? t('clients.card.doNotCall') : undefined}
                />
              </Group>
            ))}
          </div>
          {field(
            t('clients.card.address'),
            [card.address, card.city].filter((p) => p !== '').join(', '),
          )}
          {field(t('clients.card.email'), card.email)}
          {field(t('clients.card.personalAccount'), card.personalAccount)}
          {field(t('clients.card.notes'), card.notes)}
        </SimpleGrid>
        {asking && (
          <RevealDialog
            clientId={card.id}
            onClose={() => setAsking(false)}
            onRevealed={(details) => {
              setRevealed({ id: card.id, details });
              setAsking(false);
            }}
          />
        )}
        <Title order={3} size="h5">
          {t('clients.card.history')}
        </Title>
        <ScrollArea style={{ flex: 1 }} data-testid="client-history">
          {card.history.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('clients.card.noHistory')}
            </Text>
          ) : (
            <Timeline bulletSize={10} lineWidth={2}>
              {history.map((entry) => (
                <Timeline.Item
                  key={`${entry.kind}-${entry.id}`}
                  data-testid={`history-${entry.kind}`}
                >
                  <Text size="xs" c="dimmed">
                    {formatDateTime(entry.at, i18n.language)}
                  </Text>
                  <HistoryLine entry={entry} clientId={card.id} />
                </Timeline.Item>
              ))}
            </Timeline>
          )}
          {history.length < card.history.length && (
            <Button
              size="xs"
              variant="subtle"
              mt="xs"
              onClick={() => setWholeHistoryOf(card.id)}
              data-testid="history-show-all"
            >
              {t('clients.card.showAllHistory', { count: card.history.length })}
            </Button>
          )}
          <ClientScriptRuns clientId={card.id} refreshKey={card} />
        </ScrollArea>
      </Stack>
    </Paper>
  );
}
