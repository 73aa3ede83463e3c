import {
  Badge,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  campaignPurposes,
  mayCallReasons,
  type CampaignPurpose,
} from '../../../src-shared/campaigns/callingRules';
import { callerIdSchema, type CampaignView } from '../../../src-shared/campaigns/campaignView';
import { clockRangeSchema } from '../../../src-shared/campaigns/clientCallRules';
import type { OutboundMode, OutboundView } from '../../../src-shared/campaigns/outboundView';
import {
  defaultRetryRules,
  retriedResults,
  type RetriedResult,
  type RetryRules,
} from '../../../src-shared/campaigns/retryRules';
import { invoke, onEvent } from '../../api/pultClient';
import { useSyncView } from '../../common/useSyncView';
import { reportProblem } from '../../common/problems';
import { OutboundDesk } from './OutboundDesk';

/** A new list: its name, its purpose (sales is advertising and needs consent) and its offer. */
function NewCampaign({
  onCreated,
  reasons,
}: {
  onCreated: () => void;
  reasons: { code: string; label: string }[];
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState<CampaignPurpose>('sales');
  const [offer, setOffer] = useState('');
  const [script, setScript] = useState('');
  const [callerId, setCallerId] = useState('');
  const [reoffer, setReoffer] = useState('');
  const [retry, setRetry] = useState<Required<RetryRules>>(defaultRetryRules);
  const [hoursFrom, setHoursFrom] = useState('');
  const [hoursTo, setHoursTo] = useState('');
  const hoursGiven = hoursFrom !== '' || hoursTo !== '';
  const hoursValid =
    !hoursGiven || clockRangeSchema.safeParse({ from: hoursFrom, to: hoursTo }).success;
  const [scripts, setScripts] = useState<string[]>([]);
  useEffect(() => {
    invoke('scripts.list').then(
      (list) => setScripts(list.filter((s) => s.liveVersion !== null).map((s) => s.name)),
      (e: unknown) => reportProblem('load', e),
    );
  }, []);
  const create = () =>
    invoke('campaigns.create', {
      name,
      purpose,
      ...(offer.trim() === '' ? {} : { offerCode: offer.trim() }),
      ...(script === '' ? {} : { scriptName: script }),
      ...(callerId.trim() === '' ? {} : { callerId: callerId.trim() }),
      ...(hoursGiven ? { hours: { from: hoursFrom, to: hoursTo } } : {}),
      ...(reoffer === '' ? {} : { reofferReason: reoffer }),
      retryRules: retry,
    }).then(
      () => {
        setName('');
        setOffer('');
        setCallerId('');
        setReoffer('');
        setRetry(defaultRetryRules);
        onCreated();
      },
      (e: unknown) => reportProblem('save', e),
    );
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5" mb="xs">
        {t('campaigns.new')}
      </Title>
      <Group align="end">
        <TextInput
          label={t('campaigns.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="campaign-name"
        />
        <NativeSelect
          label={t('campaigns.purpose')}
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value as CampaignPurpose)}
          data={campaignPurposes.map((p) => ({ value: p, label: t(`campaigns.purposes.${p}`) }))}
          data-testid="campaign-purpose"
        />
        <TextInput
          label={t('campaigns.offer')}
          value={offer}
          onChange={(e) => setOffer(e.currentTarget.value)}
          data-testid="campaign-offer"
        />
        <NativeSelect
          label={t('campaigns.script')}
          value={script}
          onChange={(e) => setScript(e.currentTarget.value)}
          data={[{ value: '', label: t('campaigns.noScript') }, ...scripts]}
          data-testid="campaign-script"
        />
        <TextInput
          label={t('campaigns.callerId')}
          value={callerId}
          onChange={(e) => setCallerId(e.currentTarget.value)}
          error={
            callerId.trim() !== '' && !callerIdSchema.safeParse(callerId.trim()).success
              ? t('campaigns.callerIdInvalid')
              : undefined
          }
          data-testid="campaign-caller-id"
        />
        <TextInput
          type="time"
          label={t('campaigns.hoursFrom')}
          value={hoursFrom}
          onChange={(e) => setHoursFrom(e.currentTarget.value)}
          error={hoursValid ? undefined : t('campaigns.hoursInvalid')}
          data-testid="campaign-hours-from"
        />
        <TextInput
          type="time"
          label={t('campaigns.hoursTo')}
          value={hoursTo}
          onChange={(e) => setHoursTo(e.currentTarget.value)}
          data-testid="campaign-hours-to"
        />
        <NativeSelect
          label={t('campaigns.reoffer')}
          value={reoffer}
          onChange={(e) => setReoffer(e.currentTarget.value)}
          data={[
            { value: '', label: t('campaigns.noReoffer') },
            ...reasons.map((r) => ({ value: r.code, label: r.label })),
          ]}
          error={
            reoffer !== '' && offer.trim() === '' ? t('campaigns.reofferNeedsOffer') : undefined
          }
          data-testid="campaign-reoffer"
        />
        <RetryRulesFields rules={retry} onChange={setRetry} />
        <Button
          onClick={() => void create()}
          disabled={name.trim() === '' || !hoursValid || (reoffer !== '' && offer.trim() === '')}
          data-testid="campaign-create"
        >
          {t('campaigns.create')}
        </Button>
      </Group>
    </Paper>
  );
}

/** When a lead is tried again after each result of its dial, and how often at most. */
function RetryRulesFields({
  rules,
  onChange,
}: {
  rules: Required<RetryRules>;
  onChange: (rules: Required<RetryRules>) => void;
}) {
  const { t } = useTranslation();
  const set = (result: RetriedResult, field: 'delayMinutes' | 'max', value: number | string) => {
    const number = typeof value === 'number' ? value : Number.parseInt(value, 10);
    if (!Number.isInteger(number) || number < 1) return;
    onChange({ ...rules, [result]: { ...rules[result], [field]: number } });
  };
  return (
    <Fieldset legend={t('campaigns.retry.title')} data-testid="campaign-retry">
      <Group gap="xs">
        {retriedResults
          .filter((result) => result !== 'cutOff')
          .map((result) => (
            <Group key={result} gap={4} wrap="nowrap" data-result={result}>
              <Text size="sm">{t(`campaigns.results.${result}`)}:</Text>
              <NumberInput
                size="xs"
                w={80}
                min={1}
                max={43_200}
                aria-label={t('campaigns.retry.delay')}
                suffix={` ${t('campaigns.retry.minutes')}`}
                value={rules[result].delayMinutes}
                onChange={(value) => set(result, 'delayMinutes', value)}
                data-testid={`campaign-retry-${result}-delay`}
              />
              <NumberInput
                size="xs"
                w={64}
                min={1}
                max={50}
                aria-label={t('campaigns.retry.max')}
                prefix="≤ "
                value={rules[result].max}
                onChange={(value) => set(result, 'max', value)}
                data-testid={`campaign-retry-${result}-max`}
              />
            </Group>
          ))}
      </Group>
    </Fieldset>
  );
}

/** The source select's value for "clients with a tag" (refusal reason codes are letters only). */
const tagSource = '#tag';

/** One list's row: its leads by where they stand, held ones by their reason, and building it. */
function CampaignRow({
  campaign,
  reasons,
  onBuilt,
  onWork,
  supervisor,
}: {
  campaign: CampaignView;
  reasons: { code: string; label: string }[];
  onBuilt: () => void;
  onWork: (mode: OutboundMode) => void;
  /** The center says this operator supervises the team: they may give a list to it. */
  supervisor: boolean;
}) {
  const { t } = useTranslation();
  const [sharing, setSharing] = useState(false);
  const share = () => {
    setSharing(true);
    invoke('campaigns.share', { campaignId: campaign.id })
      .then(
        ({ leads }) => {
          notifications.show({ message: t('campaigns.shared', { count: leads }) });
          onBuilt();
        },
        (e: unknown) => reportProblem('save', e),
      )
      .finally(() => setSharing(false));
  };
  const [source, setSource] = useState('');
  const [tag, setTag] = useState('');
  const [building, setBuilding] = useState(false);
  const build = async () => {
    setBuilding(true);
    try {
      const summary = await invoke('campaigns.build', {
        campaignId: campaign.id,
        source:
          source === '' ? {} : source === tagSource ? { tag: tag.trim() } : { refusedWith: source },
      });
      notifications.show({ message: t('campaigns.built', summary) });
      onBuilt();
    } catch (e) {
      reportProblem('save', e);
    } finally {
      setBuilding(false);
    }
  };
  const held = mayCallReasons.filter((r) => (campaign.leads.held[r] ?? 0) > 0);
  return (
    <Table.Tr data-testid="campaign-row" data-name={campaign.name}>
      <Table.Td>
        {campaign.name}
        {campaign.shared && (
          <Badge ml="xs" variant="light" color="indigo" data-testid="campaign-shared">
            {t('campaigns.teamList')}
          </Badge>
        )}
        {campaign.reofferReason !== null && campaign.builtAt === null && (
          <Badge ml="xs" variant="light" color="yellow" data-testid="campaign-reoffer-waiting">
            {t('campaigns.reofferWaiting', { offer: campaign.offerCode ?? '' })}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{t(`campaigns.purposes.${campaign.purpose}`)}</Table.Td>
      <Table.Td data-testid="campaign-total">{campaign.leads.total}</Table.Td>
      <Table.Td data-testid="campaign-due-now">{campaign.leads.dueNow}</Table.Td>
      <Table.Td>{campaign.leads.dueLater}</Table.Td>
      <Table.Td data-testid="campaign-held">
        <Group gap={4}>
          {held.map((reason) => (
            <Badge key={reason} variant="light" color="gray" data-reason={reason}>
              {t(`campaigns.reasons.${reason}`)}: {campaign.leads.held[reason]}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td data-testid="campaign-callbacks">{campaign.leads.callbacks}</Table.Td>
      <Table.Td data-testid="campaign-done">{campaign.leads.done}</Table.Td>
      <Table.Td data-testid="campaign-results">
        <Group gap={4}>
          {Object.entries(campaign.leads.byResult)
            .filter(([result]) => result !== 'dialling')
            .map(([result, n]) => (
              <Badge key={result} variant="outline" color="gray" data-result={result}>
                {t(`campaigns.results.${result}`, { defaultValue: result })}: {n}
              </Badge>
            ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" onClick={() => onWork('preview')} data-testid="campaign-work-preview">
            {t('campaigns.desk.startPreview')}
          </Button>
          <Button
            size="xs"
            variant="light"
            onClick={() => onWork('progressive')}
            data-testid="campaign-work-progressive"
          >
            {t('campaigns.desk.startProgressive')}
          </Button>
          <NativeSelect
            aria-label={t('campaigns.source')}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            data={[
              { value: '', label: t('campaigns.sources.all') },
              { value: tagSource, label: t('campaigns.sources.tag') },
              ...reasons.map((r) => ({
                value: r.code,
                label: t('campaigns.sources.refused', { reason: r.label }),
              })),
            ]}
            data-testid="campaign-source"
          />
          {source === tagSource && (
            <TextInput
              size="xs"
              aria-label={t('campaigns.sources.tagName')}
              placeholder={t('campaigns.sources.tagName')}
              value={tag}
              onChange={(e) => setTag(e.currentTarget.value)}
              data-testid="campaign-source-tag"
            />
          )}
          <Button
            size="xs"
            loading={building}
            disabled={source === tagSource && tag.trim() === ''}
            onClick={() => void build()}
            data-testid="campaign-build"
          >
            {t('campaigns.build')}
          </Button>
          {supervisor && !campaign.shared && (
            <Button
              size="xs"
              variant="outline"
              loading={sharing}
              onClick={share}
              data-testid="campaign-share"
            >
              {t('campaigns.share')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * Outbound (обдзвін): the call lists, each built from the client base (or
 * as a re-offer to those who refused with a reason) with every calling rule
 * checked, and where its leads stand: callable now, later, held and why, done.
 */
export function CampaignsPage({ onOpenClient }: { onOpenClient: (clientId: number) => void }) {
  const { t } = useTranslation();
  const [campaigns, setCampaigns] = useState<CampaignView[]>();
  const [session, setSession] = useState<OutboundView>();
  const [reasons, setReasons] = useState<{ code: string; label: string }[]>([]);
  const read = useCallback(() => {
    invoke('campaigns.list').then(setCampaigns, (e: unknown) => reportProblem('load', e));
  }, []);
  useEffect(read, [read]);
  // A list the team was given arrives with the team's feed.
  const sync = useSyncView();
  const cursor = sync?.cursor;
  useEffect(() => {
    if (cursor !== undefined) read();
  }, [cursor, read]);
  // A re-offer list built by itself: said, and the lists read again.
  useEffect(
    () =>
      onEvent('campaigns.changed', ({ added }) => {
        notifications.show({ message: t('campaigns.reofferBuilt', { added }) });
        read();
      }),
    [read, t],
  );
  // The desk's session, and the lists' progress with every change of it.
  useEffect(() => {
    invoke('campaigns.session.view').then(setSession, (e: unknown) => reportProblem('load', e));
    return onEvent('campaigns.session.changed', (view) => {
      setSession(view);
      read();
    });
  }, [read]);
  const work = (campaignId: number, mode: OutboundMode) =>
    invoke('campaigns.session.start', { campaignId, mode }).then(setSession, (e: unknown) =>
      reportProblem('save', e),
    );
  useEffect(() => {
    invoke('campaigns.refusalReasons').then(setReasons, (e: unknown) => reportProblem('load', e));
  }, []);
  return (
    <Stack gap="md">
      {session !== undefined && session.stage !== 'idle' && (
        <OutboundDesk view={session} onView={setSession} onOpenClient={onOpenClient} />
      )}
      <NewCampaign onCreated={read} reasons={reasons} />
      {campaigns !== undefined && campaigns.length === 0 && (
        <Text c="dimmed">{t('campaigns.empty')}</Text>
      )}
      {campaigns !== undefined && campaigns.length > 0 && (
        // Wide: it scrolls within the section rather than under the script beside it.
        <Table.ScrollContainer minWidth={1100}>
          <Table striped data-testid="campaigns">
            <Table.Thead>
              <Table.Tr>
                {(
                  [
                    'name',
                    'purpose',
                    'total',
                    'dueNow',
                    'dueLater',
                    'held',
                    'callbacks',
                    'done',
                    'results',
                  ] as const
                ).map((column) => (
                  <Table.Th key={column}>{t(`campaigns.columns.${column}`)}</Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaigns.map((campaign) => (
                <CampaignRow
                  key={campaign.id}
                  campaign={campaign}
                  reasons={reasons}
                  onBuilt={read}
                  onWork={(mode) => void work(campaign.id, mode)}
                  supervisor={sync?.supervisor === true}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
