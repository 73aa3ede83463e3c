import {
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../src-shared/orders/orderValues';
import type { KnowledgeHit } from '../../../src-shared/orders/orderViews';
import type { CallView } from '../../../src-shared/telephony/callView';
import { invoke } from '../../api/pultClient';
import { formatDate } from '../../common/formatting';
import { reportProblem } from '../../common/problems';
import { clientWorkChanges } from './orderDesk';
import { useOrderCatalogue } from './useOrderCatalogue';

/** The call an offer is recorded on: the one in progress with a known client. */
function offerCall(calls: readonly CallView[]): CallView | undefined {
  return calls.find(
    (c) =>
      c.endedAt === null && c.answeredAt !== null && c.client !== null && c.interactionId !== null,
  );
}

function Hit({ hit, call }: { hit: KnowledgeHit; call: CallView | undefined }) {
  const { t, i18n } = useTranslation();
  const catalogue = useOrderCatalogue();
  const [article, setArticle] = useState<string | null>(null);
  const [offering, setOffering] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const record = (result: 'accepted' | 'refused') => {
    if (call?.interactionId == null || hit.kind === 'article') return;
    invoke('knowledge.offer', {
      kind: hit.kind,
      id: hit.id,
      interactionId: call.interactionId,
      result,
      ...(result === 'refused' && reason !== null ? { reasonCode: reason } : {}),
    }).then(
      () => {
        const label =
          result === 'accepted'
            ? t('knowledge.accepted')
            : t('knowledge.refused', {
                reason: catalogue?.refusalReasons.find((r) => r.code === reason)?.label ?? '',
              });
        setRecorded(label);
        setOffering(false);
        notifications.show({
          color: 'green',
          message: t('knowledge.offerRecorded', { title: hit.title, result: label }),
        });
        if (call.client !== null) clientWorkChanges.publish({ clientId: call.client.id });
      },
      (e: unknown) => reportProblem('save', e),
    );
  };
  const validity =
    hit.validFrom === null && hit.validTo === null
      ? null
      : t('knowledge.validity', {
          from: hit.validFrom === null ? '…' : formatDate(hit.validFrom, i18n.language),
          to: hit.validTo === null ? '…' : formatDate(hit.validTo, i18n.language),
        });
  return (
    <Paper withBorder p="sm" data-testid="knowledge-hit" data-kind={hit.kind}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge size="xs" variant="light">
              {t(`knowledge.kinds.${hit.kind}`)}
            </Badge>
            <Text fw={600} size="sm">
              {hit.title}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {[
              hit.priceKop === null
                ? null
                : t(hit.kind === 'tariff' ? 'orders.perMonth' : 'orders.money', {
                    amount: formatMoney(hit.priceKop),
                  }),
              validity,
              hit.kind !== 'article' && !hit.offerable ? t('knowledge.notInForce') : null,
            ]
              .filter((p) => p !== null)
              .join(' · ')}
          </Text>
        </Stack>
        {hit.kind === 'article' ? (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() =>
              void invoke('knowledge.article', { id: hit.id }).then(
                (found) => setArticle(found?.body ?? ''),
                (e: unknown) => reportProblem('load', e),
              )
            }
            data-testid="knowledge-read"
          >
            {t('knowledge.read')}
          </Button>
        ) : (
          <Button
            size="compact-xs"
            disabled={!hit.offerable || call === undefined || recorded !== null}
            onClick={() => setOffering(true)}
            title={call === undefined ? t('knowledge.noCall') : undefined}
            data-testid="knowledge-offer"
          >
            {t('knowledge.offer')}
          </Button>
        )}
      </Group>
      <Text size="sm" mt={4}>
        {article ?? hit.text}
      </Text>
      {recorded !== null && (
        <Text size="xs" c="green" mt={4} data-testid="knowledge-recorded">
          {recorded}
        </Text>
      )}
      {offering && (
        <Group mt="xs" align="flex-end" gap="xs">
          <Button
            size="xs"
            color="green"
            onClick={() => record('accepted')}
            data-testid="knowledge-accepted"
          >
            {t('knowledge.accepted')}
          </Button>
          <Select
            size="xs"
            label={t('knowledge.reason')}
            data={(catalogue?.refusalReasons ?? []).map((r) => ({ value: r.code, label: r.label }))}
            value={reason}
            onChange={setReason}
            searchable
            selectFirstOptionOnChange
            data-testid="knowledge-reason"
          />
          <Button
            size="xs"
            color="red"
            disabled={reason === null}
            onClick={() => record('refused')}
            data-testid="knowledge-refused"
          >
            {t('knowledge.refusedButton')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/**
 * The knowledge base during a call: products, tariffs, promotions and
 * articles found as the operator types; a tariff or promotion offered from
 * here is recorded on the call, accepted or refused with its reason.
 */
export function KnowledgeDrawer({
  opened,
  onClose,
  calls,
}: {
  opened: boolean;
  onClose: () => void;
  calls: readonly CallView[];
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<KnowledgeHit[]>([]);
  const asked = useRef(0);
  useEffect(() => {
    const n = ++asked.current;
    if (text.trim() === '') return;
    invoke('knowledge.search', { text }).then(
      (found) => n === asked.current && setHits(found),
      (e: unknown) => reportProblem('load', e),
    );
  }, [text]);
  const call = offerCall(calls);
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('knowledge.title')}
      data-testid="knowledge-drawer"
    >
      <Stack gap="sm">
        <TextInput
          placeholder={t('knowledge.searchHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-autofocus
          data-testid="knowledge-search"
        />
        <Text size="xs" c="dimmed">
          {call?.client == null
            ? t('knowledge.noCall')
            : t('knowledge.forClient', { name: call.client.fullName })}
        </Text>
        <ScrollArea.Autosize mah="calc(100vh - 200px)">
          <Stack gap="xs" data-testid="knowledge-hits">
            {(text.trim() === '' ? [] : hits).map((hit) => (
              <Hit key={`${hit.kind}-${hit.id}`} hit={hit} call={call} />
            ))}
            {text.trim() !== '' && hits.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('knowledge.nothing')}
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Drawer>
  );
}
