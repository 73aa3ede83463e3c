import {
  Button,
  Checkbox,
  Grid,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { startTransition, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCard } from '../../../src-shared/clients/clientSchemas';
import { ClientCardView } from './ClientCardView';
import { ClientForm } from './ClientForm';
import { ClientList } from './ClientList';
import { DemoOffer } from './DemoOffer';
import { ImportDialog } from './ImportDialog';
import { useClientEditor, type NewClientRequest } from './useClientEditor';
import { doNotCallFilters, outcomeFilters, useClientFilter } from './useClientFilter';
import { useClientPages } from './useClientPages';
import { useDemoOffer, useSearchIndexing } from './useClientsWorkspace';
import { useSelectedClient } from './useSelectedClient';
import { useClientExport } from './useClientExport';
import { useImportFile } from './useImportFile';

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
  const { fields, change, filter, searching } = useClientFilter();
  const selected = useSelectedClient(openClientId, poppedCard);
  const { total, capped, itemAt, reload } = useClientPages(filter);
  const indexing = useSearchIndexing(reload);
  const demo = useDemoOffer();
  const editor = useClientEditor(newClient);
  const importFile = useImportFile();
  const exports = useClientExport();
  // The list is drawn just after the rest (a transition): a screen pop opens this section
  // with the caller's card, and the card should not wait for a list the operator is not
  // looking at yet.
  const [listShown, setListShown] = useState(false);
  useEffect(() => startTransition(() => setListShown(true)), []);

  const afterChange = () => {
    reload();
    demo.refresh();
  };
  const exportList = (format: 'csv' | 'xlsx') => exports.start({ ...filter }, format);

  return (
    <Stack gap="sm" h="calc(100vh - 48px - 30px - 110px)">
      {demo.offerDemo && <DemoOffer onDone={afterChange} />}
      {importFile.reading && (
        <Group gap="xs" data-testid="import-reading">
          <Loader size="xs" />
          <Text size="sm">{t('clients.import.reading')}</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={importFile.stopReading}
            data-testid="import-reading-cancel"
          >
            {t('clients.import.stopReading')}
          </Button>
        </Group>
      )}
      <Group gap="xs" align="flex-end">
        <TextInput
          label={t('clients.searchLabel')}
          placeholder={t('clients.searchPlaceholder')}
          value={fields.text}
          onChange={(e) => change({ text: e.currentTarget.value })}
          style={{ flex: 1, minWidth: 220 }}
          data-testid="client-search"
        />
        <TextInput
          label={t('clients.filters.tag')}
          value={fields.tag}
          onChange={(e) => change({ tag: e.currentTarget.value })}
          w={110}
        />
        <Select
          label={t('clients.filters.lastOutcome')}
          w={170}
          value={fields.lastOutcome}
          allowDeselect={false}
          onChange={(v) => v !== null && change({ lastOutcome: v })}
          data={outcomeFilters.map((o) => ({
            value: o,
            label:
              o === 'any' || o === 'none' ? t(`clients.filters.${o}`) : t(`clients.outcomes.${o}`),
          }))}
        />
        <Select
          label={t('clients.filters.doNotCall')}
          w={170}
          value={fields.doNotCall}
          allowDeselect={false}
          onChange={(v) => v !== null && change({ doNotCall: v })}
          data={doNotCallFilters.map((o) => ({
            value: o,
            label: t(`clients.filters.${o}`),
          }))}
        />
        <Stack gap={4}>
          <Checkbox
            size="xs"
            label={t('clients.filters.hasOpenOrder')}
            checked={fields.hasOpenOrder}
            onChange={(e) => change({ hasOpenOrder: e.currentTarget.checked })}
          />
          <Checkbox
            size="xs"
            label={t('clients.filters.hasOpenComplaint')}
            checked={fields.hasOpenComplaint}
            onChange={(e) => change({ hasOpenComplaint: e.currentTarget.checked })}
          />
        </Stack>
      </Group>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="client-count">
          {total === undefined
            ? ''
            : capped
              ? t('clients.foundCapped', { count: total })
              : !searching
                ? t('clients.total', { count: total })
                : t('clients.found', { count: total })}
          {exports.status !== undefined ? ` · ${exports.status}` : ''}
          {indexing !== undefined && searching
            ? ` · ${t('clients.searchIndexing', { percent: Math.floor(indexing * 100) })}`
            : ''}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={importFile.choose}
            data-testid="clients-import"
          >
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
          {exports.running && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={exports.cancel}
              data-testid="clients-export-cancel"
            >
              {t('clients.actions.cancelExport')}
            </Button>
          )}
          <Button size="xs" onClick={editor.startNew} data-testid="clients-create">
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
              selectedId={selected.selectedId}
              onSelect={selected.select}
            />
          )}
        </Grid.Col>
        <Grid.Col span={7} h="100%">
          {selected.card === undefined ? (
            <Text c="dimmed" size="sm">
              {t('clients.selectHint')}
            </Text>
          ) : (
            <ClientCardView card={selected.card} onEdit={editor.startEdit} />
          )}
        </Grid.Col>
      </Grid>
      {editor.editing !== undefined && (
        <ClientForm
          card={editor.editing === 'edit' ? editor.editCard : undefined}
          initialPhone={editor.initialPhone}
          onClose={editor.close}
          onSaved={(id) => {
            editor.close();
            afterChange();
            selected.showSaved(id);
          }}
        />
      )}
      {importFile.preview !== undefined && (
        <ImportDialog
          preview={importFile.preview}
          onClose={(imported) => {
            importFile.close();
            if (imported) afterChange();
          }}
        />
      )}
    </Stack>
  );
}
