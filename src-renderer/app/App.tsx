import {
  AppShell,
  Badge,
  Button,
  Group,
  Kbd,
  NavLink,
  Text,
  Title,
  useMantineColorScheme,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCard } from '../../src-shared/clients/clientSchemas';
import type { SettingsView } from '../../src-shared/settings/userSettingsSchema';
import { invoke, onEvent } from '../api/pultClient';
import type { CallView } from '../../src-shared/telephony/callView';
import {
  actOnCall,
  CallBar,
  CallsPage,
  useCalls,
  useCallSounds,
  WrapUpPanel,
} from '../features/calls';
import { callActionForKey } from '../../src-shared/telephony/callHotkeys';
import { CampaignsPage } from '../features/campaigns';
import { ClientsPage, type NewClientRequest } from '../features/clients';
import { ComplaintDialog, KnowledgeDrawer, OrderDialog, OrdersPage } from '../features/orders';
import { PerformancePage } from '../features/performance';
import { SchedulePage } from '../features/schedule';
import { CallScriptPanel, ScriptsPage, useCallScript } from '../features/scripts';
import { saveDiagnostics, SettingsPage, UpdateOffer } from '../features/settings';
import { switchLanguage } from '../i18n/i18n';
import { HotkeyCheatSheet } from '../shell/HotkeyCheatSheet';
import { IdlePrompt } from '../shell/IdlePrompt';
import { StatusBar } from '../shell/StatusBar';
import { useSyncView } from '../common/useSyncView';
import { HelpNotices, SupervisorPage } from '../features/team';
import { visibleSections, type SectionId } from './sections';
import { useHashSection } from './useHashSection';

interface SectionProps {
  settings: SettingsView;
  openClientId: number | undefined;
  /** The card main sent with the last screen pop: drawn at once, refreshed after. */
  poppedCard: ClientCard | undefined;
  openClient: (clientId: number) => void;
  newClient: NewClientRequest | undefined;
  calls: CallView[];
}

function SectionContent({ section, ...props }: SectionProps & { section: SectionId }): ReactNode {
  const { settings } = props;
  switch (section) {
    case 'calls':
      return <CallsPage calls={props.calls} onOpenClient={props.openClient} />;
    case 'clients':
      return (
        <ClientsPage
          openClientId={props.openClientId}
          poppedCard={props.poppedCard}
          newClient={props.newClient}
        />
      );
    case 'scripts':
      return <ScriptsPage />;
    case 'orders':
      return <OrdersPage onOpenClient={props.openClient} />;
    case 'campaigns':
      return <CampaignsPage onOpenClient={props.openClient} />;
    case 'performance':
      return <PerformancePage onOpenClient={props.openClient} />;
    case 'schedule':
      return <SchedulePage />;
    case 'settings':
      return <SettingsPage settings={settings} />;
    case 'team':
      return <SupervisorPage onOpenClient={props.openClient} />;
  }
}

function focusTestId(testId: string): void {
  document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus();
}

export function App({ initialSettings }: { initialSettings: SettingsView }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState(initialSettings);
  const [section, go] = useHashSection();
  const { setColorScheme } = useMantineColorScheme();
  const heading = useRef<HTMLHeadingElement>(null);
  const [openClientId, setOpenClientId] = useState<number | undefined>();

  useEffect(
    () =>
      onEvent('settings.changed', (view) => {
        setSettings(view);
        void switchLanguage(view.values.language);
      }),
    [],
  );
  useEffect(() => {
    const theme = settings.values.theme;
    setColorScheme(theme === 'system' ? 'auto' : theme);
  }, [settings.values.theme, setColorScheme]);

  // Focus lands on the opened section's heading (one heading serves every
  // section), so keyboard users continue from the content, not the nav.
  const open = (id: SectionId) => {
    go(id);
    heading.current?.focus();
  };
  const openClient = (clientId: number) => {
    setOpenClientId(clientId);
    open('clients');
  };
  useEffect(() => onEvent('ui.openClient', ({ clientId }) => openClient(clientId)));
  // From the tray: IT's diagnostics bundle (saved through the same dialog as in Settings).
  useEffect(() => onEvent('ui.saveDiagnostics', () => void saveDiagnostics()), []);

  const calls = useCalls();
  useCallSounds(calls);
  const script = useCallScript(calls);
  // A call whose line has no script keeps the whole window until the operator asks for one.
  const [pickFor, setPickFor] = useState<number | null>(null);
  const picking = script.canPick && pickFor === script.call?.interactionId;
  const scriptShown = script.run !== null || picking;
  const [newClient, setNewClient] = useState<NewClientRequest | undefined>();
  const openNewClient = (phone: string) => {
    setNewClient((previous) => ({ phone, seq: (previous?.seq ?? 0) + 1 }));
    open('clients');
  };
  // Screen pop: a known caller's card is on screen while the call still rings. Main sends
  // the card with the pop, and the section, the client and the card change in one render.
  const poppedFor = useRef(new Set<number>());
  const [poppedCard, setPoppedCard] = useState<ClientCard | undefined>();
  useEffect(
    () =>
      onEvent('calls.screenPop', ({ callId, card }) => {
        poppedFor.current.add(callId);
        setPoppedCard(card);
        setOpenClientId(card.id);
        go('clients');
      }),
    [go],
  );
  // The same from the list of calls, for a window that opened while the call was ringing.
  useEffect(() => {
    for (const call of calls) {
      if (call.direction !== 'inbound' || call.state !== 'ringing' || call.client === null)
        continue;
      if (poppedFor.current.has(call.id)) continue;
      poppedFor.current.add(call.id);
      setOpenClientId(call.client.id);
      go('clients');
    }
  }, [calls, go]);

  const sync = useSyncView();
  const sections = visibleSections(sync?.supervisor === true);
  const keys = settings.values.hotkeys;
  const [cheatSheet, setCheatSheet] = useState(false);
  const [knowledge, setKnowledge] = useState(false);
  useHotkeys(
    [
      ...sections.map((id, index): [string, () => void] => [`mod+${index + 1}`, () => open(id)]),
      ...(['answer', 'hangUp', 'hold', 'mute'] as const).map((key): [string, () => void] => [
        keys[key],
        () => {
          const action = callActionForKey(key, calls);
          if (action !== undefined) actOnCall(action);
        },
      ]),
      [keys.transfer, () => focusTestId('call-transfer-to')],
      [
        keys.finishWrapUp,
        () => document.querySelector<HTMLElement>('[data-testid="wrap-up-save"]')?.click(),
      ],
      [keys.ready, () => void invoke('agent.set', { state: 'ready' })],
      ['mod+K', () => setKnowledge(true)],
      [keys.notReady, () => void invoke('agent.set', { state: 'notReady', reason: 'break' })],
    ],
    [],
    true,
  );
  // "?" shows every key; typed into a field it is just a question mark.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing =
        target !== null &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (event.key === '?' && !typing) setCheatSheet(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 220, breakpoint: 0 }}
      // The call's script beside whatever section is open (the card, as a rule).
      aside={{
        width: 400,
        breakpoint: 0,
        collapsed: { desktop: !scriptShown, mobile: !scriptShown },
      }}
      footer={{ height: 30 }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Title order={2} size="h4">
              {t('app.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.subtitle')}
            </Text>
          </Group>
          <Group gap="sm">
            {script.canPick && !picking && (
              <Button
                size="xs"
                variant="light"
                onClick={() => setPickFor(script.call?.interactionId ?? null)}
                data-testid="script-open-picker"
              >
                {t('scripts.panel.pick')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              onClick={() => setKnowledge(true)}
              rightSection={<Kbd size="xs">Ctrl+K</Kbd>}
              data-testid="knowledge-open"
            >
              {t('knowledge.title')}
            </Button>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">{`1…${sections.length}`}</Kbd>{' '}
              {t('app.shortcutHint')}
            </Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.navigation')}>
        {sections.map((id, index) => (
          <NavLink
            key={id}
            href={`#/${id}`}
            label={t(`sections.${id}.title`)}
            rightSection={
              <Group gap={4} wrap="nowrap">
                {id === 'team' && (sync?.dayOffsWaiting ?? 0) > 0 && (
                  <Badge size="xs" circle data-testid="team-waiting">
                    {sync?.dayOffsWaiting}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {index + 1}
                </Text>
              </Group>
            }
            active={section === id}
            aria-current={section === id ? 'page' : undefined}
            data-testid={`nav-${id}`}
            onClick={(event) => {
              event.preventDefault();
              open(id);
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Title order={1} size="h3" mb="md" tabIndex={-1} ref={heading} data-testid="section-title">
          {t(`sections.${section}.title`)}
        </Title>
        <CallBar calls={calls} onOpenClient={openClient} onNewClient={openNewClient} />
        <HelpNotices sync={sync} />
        <WrapUpPanel />
        <SectionContent
          section={section}
          settings={settings}
          openClientId={openClientId}
          poppedCard={poppedCard}
          openClient={openClient}
          newClient={newClient}
          calls={calls}
        />
      </AppShell.Main>
      {scriptShown && (
        <AppShell.Aside component="aside" aria-label={t('scripts.panel.title')}>
          <CallScriptPanel
            call={script.call}
            run={script.run}
            picking={picking}
            resumed={script.resumed}
            onRun={script.setRun}
            onClose={() => {
              setPickFor(null);
              script.close();
            }}
          />
        </AppShell.Aside>
      )}
      <AppShell.Footer>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <StatusBar />
          <UpdateOffer />
        </Group>
      </AppShell.Footer>
      <IdlePrompt />
      <OrderDialog calls={calls} />
      <ComplaintDialog calls={calls} />
      <KnowledgeDrawer opened={knowledge} onClose={() => setKnowledge(false)} calls={calls} />
      <HotkeyCheatSheet opened={cheatSheet} onClose={() => setCheatSheet(false)} hotkeys={keys} />
    </AppShell>
  );
}
