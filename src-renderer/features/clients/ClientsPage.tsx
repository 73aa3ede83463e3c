import { Button, Checkbox, Grid, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCard } from '../../../src-shared/clients/clientSchemas';
import type { WorkstationStatus } from '../../../src-shared/status/workstationStatusSchema';
import type { ResponseOf } from '../../../src-main/ipc/contract';
import { invoke, onEvent } from '../../api/pultClient';
import { ClientCardView } from './ClientCardView';
import { ClientForm } from './ClientForm';
import { ClientList } from './ClientList';
import { DemoOffer } from './DemoOffer';
import { ImportDialog } from './ImportDialog';
import { useClientPages, type ClientFilter } from './useClientPages';
import { problemText, reportProblem } from '../../common/problems';

type Preview = Extract<ResponseOf<'import.chooseFile'>, { chosen: true }>['preview'];
const outcomeFilters = ['any', 'none', 'sale', 'refused', 'callback', 'noAnswer'] as const;

export interface NewClientRequest {
  phone: string;
  /** Distinguishes two requests for the same number. */
  seq: number;
}

export function ClientsPage({
  openClientId,
  poppedCard,
  newClient,
}: {
  openClientId?: number | undefined;
  /** A screen pop's card, sent by main with the pop: shown at once if it is the client opened. */
  poppedCard?: ClientCard | undefined;
  newClient?: NewClientRequest | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 120);
  const [tag, setTag] = useState('');
  const [lastOutcome, setLastOutcome] = useState<(typeof outcomeFilters)[number]>('any');
  const [doNotCall, setDoNotCall] = useState<'any' | 'only' | 'exclude'>('any');
  const [hasOpenOrder, setHasOpenOrder] = useState(false);
  const [hasOpenComplaint, setHasOpenComplaint] = useState(false);
  const [selectedId, setSelectedId] = useState<number | undefined>(openClientId);
  const [card, setCard] = useState<ClientCard | undefined>(
    poppedCard !== undefined && poppedCard.id === openClientId ? poppedCard : undefined,
  );
  const [editing, setEditing] = useState<'new' | 'edit' | undefined>();
  const [offerDemo, setOfferDemo] = useState(false);
  const [importPreview, setImportPreview] = useState<Preview | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const filter: ClientFilter = {
    text: debounced,
    ...(tag.trim() === '' ? {} : { tag: tag.trim() }),
    lastOutcome,
    doNotCall,
    hasOpenOrder,
    hasOpenComplaint,
  };
  // The card follows the calls: a call starting, ending or its wrap-up saved shows in its history.
  // Asked for before the list (its effect comes first), so a screen pop shows the caller
  // without waiting behind a count over the whole base.
  const [cardVersion, setCardVersion] = useState(0);
  // While the search index catches up with an import, a search may miss the newest clients: say so.
  const [indexing, setIndexing] = useState<number | undefined>();
  useEffect(() => {
    const bump = () => setCardVersion((v) => v + 1);
    const followIndexing = (database: WorkstationStatus['database']) =>
      setIndexing(database.state === 'indexing' ? (database.progress ?? 0) : undefined);
    invoke('status.get').then(
      (status) => followIndexing(status.database),
      (e: unknown) => reportProblem('load', e),
    );
    const stopCalls = onEvent('calls.changed', bump);
    const stopStatus = onEvent('status.changed', (status) => {
      bump();
      followIndexing(status.database);
    });
    return () => {
      stopCalls();
      stopStatus();
    };
  }, []);
  useEffect(() => {
    if (selectedId === undefined) return;
    let live = true;
    invoke('clients.card', { id: selectedId }).then(
      (c) => live && setCard(c ?? undefined),
      () => live && setCard(undefined),
    );
    return () => {
      live = false;
    };
  }, [selectedId, cardVersion]);
  const { total, capped, itemAt, reload } = useClientPages(filter);
  // The index has caught up: what is on screen is asked again, now with the newest clients.
  const wasIndexing = useRef(false);
  useEffect(() => {
    if (indexing !== undefined) wasIndexing.current = true;
    else if (wasIndexing.current) {
      wasIndexing.current = false;
      reload();
    }
  }, [indexing, reload]);
  // The list is drawn just after the rest (a transition): a screen pop opens this section
  // with the caller's card, and the card should not wait for a list the operator is not
  // looking at yet.
  const [listShown, setListShown] = useState(false);
  useEffect(() => startTransition(() => setListShown(true)), []);

  // Asked from elsewhere (a callback, its notification): show that client's card.
  // Adjusted while rendering, as React recommends for state that follows a prop.
  const [followedOpen, setFollowedOpen] = useState(openClientId);
  const [followedPop, setFollowedPop] = useState(poppedCard);
  if (openClientId !== followedOpen || poppedCard !== followedPop) {
    setFollowedOpen(openClientId);
    setFollowedPop(poppedCard);
    if (openClientId !== undefined) setSelectedId(openClientId);
    if (poppedCard !== undefined && poppedCard.id === openClientId) setCard(poppedCard);
  }

  const [followedNew, setFollowedNew] = useState<NewClientRequest | undefined>();
  const [initialPhone, setInitialPhone] = useState<string | undefined>();
  if (newClient !== followedNew) {
    setFollowedNew(newClient);
    if (newClient !== undefined) {
      setInitialPhone(newClient.phone);
      setEditing('new');
    }
  }

  const refreshWorkspace = useCallback(() => {
    invoke('workspace.state').then(
      (s) => setOfferDemo(s.offerDemo),
      (e: unknown) => reportProblem('load', e),
    );
  }, []);
  useEffect(refreshWorkspace, [refreshWorkspace]);

  const afterChange = () => {
    reload();
    refreshWorkspace();
  };
  const exportList = (format: 'csv' | 'xlsx') => {
    setNotice(undefined);
    invoke('clients.export', { query: { ...filter }, format }).then(
      (r) => r.saved && setNotice(t('clients.exported', { count: r.rows })),
      (e: unknown) => setNotice(t('clients.exportFailed', { message: problemText(e) })),
    );
  };
  const chooseImport = () => {
    invoke('import.chooseFile').then(
      (r) => r.chosen && setImportPreview(r.preview),
      (e: unknown) => reportProblem('importStart', e),
    );
  };

  return (
    <Stack gap="sm" h="calc(100vh - 48px - 30px - 110px)">
      {offerDemo && <DemoOffer onDone={afterChange} />}
      <Group gap="xs" align="flex-end">
        <TextInput
          label={t('clients.searchLabel')}
          placeholder={t('clients.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 220 }}
          data-testid="client-search"
        />
        <TextInput
          label={t('clients.filters.tag')}
          value={tag}
          onChange={(e) => setTag(e.currentTarget.value)}
          w={110}
        />
        <Select
          label={t('clients.filters.lastOutcome')}
          w={170}
          value={lastOutcome}
          allowDeselect={false}
          onChange={(v) => v !== null && setLastOutcome(v)}
          data={outcomeFilters.map((o) => ({
            value: o,
            label:
              o === 'any' || o === 'none' ? t(`clients.filters.${o}`) : t(`clients.outcomes.${o}`),
          }))}
        />
        <Select
          label={t('clients.filters.doNotCall')}
          w={170}
          value={doNotCall}
          allowDeselect={false}
          onChange={(v) => v !== null && setDoNotCall(v)}
          data={(['any', 'only', 'exclude'] as const).map((o) => ({
            value: o,
            label: t(`clients.filters.${o}`),
          }))}
        />
        <Stack gap={4}>
          <Checkbox
            size="xs"
            label={t('clients.filters.hasOpenOrder')}
            checked={hasOpenOrder}
            onChange={(e) => setHasOpenOrder(e.currentTarget.checked)}
          />
          <Checkbox
            size="xs"
            label={t('clients.filters.hasOpenComplaint')}
            checked={hasOpenComplaint}
            onChange={(e) => setHasOpenComplaint(e.currentTarget.checked)}
          />
        </Stack>
      </Group>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="client-count">
          {total === undefined
            ? ''
            : capped
              ? t('clients.foundCapped', { count: total })
              : debounced.trim() === ''
                ? t('clients.total', { count: total })
                : t('clients.found', { count: total })}
          {notice !== undefined ? ` · ${notice}` : ''}
          {indexing !== undefined && debounced.trim() !== ''
            ? ` · ${t('clients.searchIndexing', { percent: Math.floor(indexing * 100) })}`
            : ''}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={chooseImport} data-testid="clients-import">
            {t('clients.actions.import')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => exportList('csv')}
            data-testid="clients-export"
          >
            {t('clients.actions.export')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => exportList('xlsx')}
            data-testid="clients-export-xlsx"
          >
            {t('clients.actions.exportXlsx')}
          </Button>
          <Button
            size="xs"
            onClick={() => {
              setInitialPhone(undefined);
              setEditing('new');
            }}
            data-testid="clients-create"
          >
            {t('clients.actions.create')}
          </Button>
        </Group>
      </Group>
      <Grid style={{ flex: 1, minHeight: 0 }} styles={{ inner: { height: '100%' } }}>
        <Grid.Col span={5} h="100%">
          {total === 0 ? (
            <Text c="dimmed" size="sm">
              {t('clients.noResults')}
            </Text>
          ) : !listShown ? null : (
            <ClientList
              total={total ?? 0}
              itemAt={itemAt}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
          )}
        </Grid.Col>
        <Grid.Col span={7} h="100%">
          {card === undefined ? (
            <Text c="dimmed" size="sm">
              {t('clients.selectHint')}
            </Text>
          ) : (
            <ClientCardView card={card} onEdit={() => setEditing('edit')} />
          )}
        </Grid.Col>
      </Grid>
      {editing !== undefined && (
        <ClientForm
          card={editing === 'edit' ? card : undefined}
          initialPhone={editing === 'new' ? initialPhone : undefined}
          onClose={() => {
            setEditing(undefined);
            setInitialPhone(undefined);
          }}
          onSaved={(id) => {
            setEditing(undefined);
            setInitialPhone(undefined);
            afterChange();
            if (id === selectedId) {
              invoke('clients.card', { id }).then(
                (c) => setCard(c ?? undefined),
                (e: unknown) => reportProblem('load', e),
              );
            } else setSelectedId(id);
          }}
        />
      )}
      {importPreview !== undefined && (
        <ImportDialog
          preview={importPreview}
          onClose={(imported) => {
            setImportPreview(undefined);
            if (imported) afterChange();
          }}
        />
      )}
    </Stack>
  );
}
