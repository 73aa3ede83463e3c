import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, type BrowserWindow, dialog, shell as electronShell } from 'electron';
import { AgentJournal } from '../core/agent/agentJournal';
import { AgentStateService } from '../core/agent/agentStateService';
import { isExternalUrlAllowed } from '../core/links/externalLinkPolicy';
import { systemClock } from '../core/platform/ports';
import { offeredLists } from '../core/settings/machinePolicy';
import { WorkstationStatusBoard } from '../core/status/workstationStatusBoard';
import { defaultDialRules, toDialTarget } from '../core/telephony/dialRules';
import { LiveCallRegistry } from '../core/telephony/liveCallRegistry';
import { SipAccountService } from '../core/telephony/sipAccountService';
import { SipRegistration } from '../core/telephony/sipRegistration';
import { CrashReloads } from '../core/window/crashReloads';
import { callBackClient } from '../core/workstation/callbackDialer';
import { startCallCenter } from '../core/workstation/callCenter';
import type { EventSink } from '../core/workstation/eventSink';
import { startHeadsets } from '../core/workstation/headsetLink';
import { createInvokeHandlers } from '../ipc/handlers';
import type { SipAccount } from '../../src-shared/telephony/sipAccountSchema';
import { startAgentPresence } from './agentPresence';
import { installAppMenu } from './appMenu';
import { startCallbackNotifier } from './callbackNotifier';
import { openClientDatabase } from './clientDatabase';
import { fileDialogs } from './fileDialogs';
import { startGlobalCallKeys } from './globalCallKeys';
import type { InvokeGate } from './invokeGate';
import { invokeServer, sendEvent } from './ipcBinding';
import { electronJsonStore } from './jsonFileStores';
import { logFiles } from './logging';
import { quitConfirmation } from './quitConfirmation';
import type { ShellServices } from './workstationShell';
import { safeStorageKeyWrapping, safeStorageSecrets } from './secretStore';
import { followMachineLifecycle } from './sipLifecycle';
import { FileJobRunner } from '../core/clients/fileJobs/fileJobRunner';
import { WorkerTempFolders } from '../core/platform/workerTemp';
import { EndedCalls } from '../core/performance/endedCalls';
import { SipTrace } from '../core/diagnostics/sipTrace';
import { ConnectionTimings } from '../core/diagnostics/connectionTimings';
import { UpdateService } from '../core/updates/updateService';
import { operatorWork } from '../core/workstation/operatorWork';
import { startOutbound } from '../core/workstation/outboundWork';
import { startReofferRules } from '../core/workstation/reofferWork';
import { connectSyncServer, listenForFeed } from '../core/sync/pgConnection';
import { startTeamSync } from '../core/sync/teamSync';
import { TeamCatalogues } from '../core/catalogue/teamCatalogues';
import { platformUpdateEngine } from './updater';

/** What the entry (main.ts) made before the workstation's services: the window and the IPC gate. */
export interface WindowShell {
  /** The folder of the main bundle (the workers live beside it). */
  here: string;
  trustedOrigin: string;
  devServerUrl: string | undefined;
  /** The main window, until it is closed. */
  window: () => BrowserWindow | undefined;
  invokes: InvokeGate;
  /** Links the window may open outside, once IT's policy is read. */
  openExternalWith: (open: (url: string) => void) => void;
  /** The log, IT's policy and the settings, made before the workstation (workstationShell). */
  services: ShellServices;
}

/*
 * The composition root: it makes each service once, in the order they need
 * each other, and hands Electron's parts (windows, dialogs, tray, keys) to
 * code that never imports Electron itself. The window already loads (main.ts
 * opened it first); its requests wait at the gate until the handlers are up.
 */
export function startWorkstation(shell: WindowShell): void {
  const { here, trustedOrigin, devServerUrl } = shell;
  const { logger, stalls, policyFile, livePolicy, policy, osPolicy, settings, strings } =
    shell.services;
  const clock = systemClock;
  const actor = os.userInfo().username;
  const status = new WorkstationStatusBoard(clock);

  // --- The window (opened by main.ts), and what it may open outside.
  const send: EventSink = (event, payload) => {
    const window = shell.window();
    if (window !== undefined) sendEvent(window.webContents, event, payload, logger);
  };
  const showMainWindow = () => {
    const window = shell.window();
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const openExternal = async (url: string) => {
    if (isExternalUrlAllowed(url, policy.externalLinkAllowlist))
      await electronShell.openExternal(url);
    else logger.warn('external link refused', { url });
  };
  shell.openExternalWith((url) => void openExternal(url));

  // --- Workers: their temporary files in the profile (cleared at each start), file jobs.
  const workerTemp = new WorkerTempFolders(path.join(app.getPath('userData'), 'tmp'));
  const fileJobs = new FileJobRunner(path.join(here, 'fileJobWorker.js'), logger, workerTemp);

  // --- The database (opened in the background; handlers wait for it).
  const database = openClientDatabase({
    userDataDir: app.getPath('userData'),
    workerFile: path.join(here, 'importWorker.js'),
    workerTemp,
    keyWrapping: safeStorageKeyWrapping(),
    clock,
    logger,
    language: () => settings.view().values.language,
    status,
    workspaceStore: electronJsonStore<{ demoDismissed: boolean }>('workspace'),
    strings,
  });
  const agentJournal = new AgentJournal();
  const agent = new AgentStateService(status, clock, (record) => agentJournal.write(record), actor);
  // The sheet counts the operator's time only while Pult runs: each start and quit is journaled.
  agentJournal.write({
    at: clock.now().toISOString(),
    actor,
    state: 'notReady',
    reason: 'starting',
  });
  // Once: a quit that is asked for again (a second Ctrl+Q, the tray) ends one session.
  let quitJournaled = false;
  app.on('will-quit', () => {
    if (quitJournaled) return;
    quitJournaled = true;
    agentJournal.write({
      at: clock.now().toISOString(),
      actor,
      state: 'notReady',
      reason: 'offline',
    });
  });
  // A failure is already explained to the operator in a dialog.
  database.then(({ db }) => agentJournal.attach(db)).catch(() => undefined);

  // --- Telephony: the SIP account, the calls, the headset and the keys that act on them.
  const userAgent = `Pult/${app.getVersion()}`;
  // The last SIP messages, redacted as they pass, for IT's diagnostics bundle.
  const sipTrace = new SipTrace(clock);
  const timings = new ConnectionTimings(clock);
  const registration = new SipRegistration(status, logger, {
    userAgent,
    trace: sipTrace,
    onRegistrationTimed: (ms, result) => timings.record({ kind: 'registration', ms, result }),
  });
  // One store of secrets (the SIP password, the team sync password), encrypted by the OS.
  const secrets = safeStorageSecrets();
  const sipAccount = new SipAccountService(
    electronJsonStore<SipAccount>('sip-account'),
    secrets,
    policy,
    registration,
    userAgent,
  );
  followMachineLifecycle(registration);
  const liveCalls = new LiveCallRegistry();
  const callCenter = startCallCenter({
    logger,
    clock,
    agent,
    policy,
    actor,
    registration,
    liveCalls,
    database: () => database,
    send,
    account: () => sipAccount.current(),
    autoAnswer: () => settings.view().values.autoAnswer,
  });
  callCenter.media.onIceSettled((ms, result) => timings.record({ kind: 'ice', ms, result }));
  void sipAccount.startIfConfigured();
  // A call that ends moves the sheet at once (a missed call, a call waiting for its wrap-up).
  const endedCalls = new EndedCalls();
  const recordsChanged = () => send('performance.changed', { at: clock.now().toISOString() });
  callCenter.onCallsChanged((list) => {
    if (endedCalls.changed(list)) recordsChanged();
  });
  const dialTarget = (typed: string) =>
    toDialTarget(typed, { ...defaultDialRules, ...policy.calls.dialRules });
  app.on('will-quit', startGlobalCallKeys(settings, callCenter.calls, logger));
  const headsets = startHeadsets({ callCenter, settings, status, logger });
  app.on('will-quit', () => headsets.stop());

  // --- Outbound lists: the desk that previews, dials and follows each lead's call.
  const outbound = startOutbound({
    database: () => database,
    callCenter,
    agent,
    policy,
    dialTarget,
    clock,
    logger,
    actor,
    language: () => settings.view().values.language,
    send,
    // Made below; asked only when a team list is worked.
    teamConnection: () => sync.connection(),
  });
  app.on('will-quit', () => outbound.stop());

  // --- Re-offer rules: a list built by itself the day its cheaper offer comes into force.
  const reoffers = startReofferRules({
    database: () => database,
    files: fileJobs,
    policy,
    clock,
    logger,
    send,
  });
  app.on('will-quit', () => reoffers.stop());

  // --- Team sync: the outbox pushed to the center's PostgreSQL when IT's policy names one.
  const sync = startTeamSync({
    database: () => database,
    policy,
    secrets,
    actor,
    clock,
    logger,
    readCa: (file) => readFileSync(file, 'utf8'),
    connect: connectSyncServer,
    listen: listenForFeed,
    landingThread: path.join(here, 'clientLandingThread.js'),
    onChanged: (view) => send('sync.changed', view),
    onClients: (clientIds) => send('clients.changed', { clientIds: clientIds.slice(0, 10_000) }),
    onHelp: (help) => send('team.help', help),
    onSearchBacklog: () => void database.then(({ imports }) => imports.resumeIndexing()),
    onCatalogue: () => void takeTeamCatalogue(),
    yieldBetween: () => new Promise((resolve) => setImmediate(resolve)),
  });
  app.on('will-quit', () => void sync.stop());
  // A catalogue a supervisor published for the team, taken on a worker (it re-indexes the
  // knowledge base); one that a quit left waiting is taken a while after the next start.
  const takeTeamCatalogue = async () => {
    try {
      const { location, db } = await database;
      if (!new TeamCatalogues(db.sqlite).waiting()) return;
      const taken = await fileJobs.run({ task: 'teamCatalogue', database: location });
      if (taken !== null) logger.info('catalogue from the team', taken);
    } catch (error) {
      logger.error('the catalogue from the team could not be taken; the one in use stays', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  setTimeout(() => void takeTeamCatalogue(), 10_000).unref();

  // --- Updates: found and downloaded in the background, installed only when the operator is free.
  const updates = new UpdateService({
    engine: platformUpdateEngine(logger),
    policy: () => policy.updates,
    running: app.getVersion(),
    busy: () => operatorWork(liveCalls, agent, outbound),
    clock,
    logger,
  });
  updates.onChanged((view) => send('updates.changed', view));
  agent.onChanged(() => updates.workChanged());
  callCenter.onCallsChanged(() => updates.workChanged());
  outbound.onChanged(() => updates.workChanged());
  updates.start();
  app.on('will-quit', () => updates.stop());

  // --- A policy change reaches what must act at once; the rest reads it when it acts.
  // A new PBX address re-registers, but never under a live call: after it.
  let sipRestartPending = false;
  const restartSipWhenFree = () => {
    if (liveCalls.count() > 0) {
      sipRestartPending = true;
      return;
    }
    sipRestartPending = false;
    void sipAccount.startIfConfigured();
  };
  callCenter.onCallsChanged(() => {
    if (sipRestartPending) restartSipWhenFree();
  });
  livePolicy.onChanged((sections) => {
    logger.info('machine policy changed', { sections });
    settings.policyChanged();
    if (sections.includes('sip')) restartSipWhenFree();
    if (sections.includes('updates')) updates.policyChanged();
    if (sections.includes('sync')) void sync.pushNow();
  });

  // --- The operator's presence: the idle question and the tray.
  const { idle } = startAgentPresence({
    agent,
    status,
    settings,
    strings,
    send,
    showWindow: showMainWindow,
    reasons: () => offeredLists(policy.lists).notReadyReasons,
  });

  // --- What the window may ask of main.
  shell.invokes.open(
    invokeServer(
      createInvokeHandlers({
        appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
        stalls: () => stalls.current(),
        clock,
        logger,
        actor,
        settings,
        status,
        policy,
        policySource: {
          file: policyFile,
          os: osPolicy.source,
          problems: () => livePolicy.problems(),
        },
        strings,
        openExternal,
        dialogs: fileDialogs,
        database: () => database,
        onImportProgress: (progress) => send('import.progress', progress),
        onExportProgress: (progress) => send('clients.exportProgress', progress),
        files: fileJobs,
        branchStatsWorker: path.join(here, 'branchStatsWorker.js'),
        sheetWorker: path.join(here, 'sheetWorker.js'),
        onRecordsChanged: recordsChanged,
        // Packaged, the reference files are extraResources; from the sources, the repository's.
        resourcesDir: app.isPackaged
          ? process.resourcesPath
          : path.join(app.getAppPath(), 'resources'),
        pdfFontFile: app.isPackaged
          ? path.join(process.resourcesPath, 'fonts', 'DejaVuSans.ttf')
          : path.join(app.getAppPath(), 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
        sipAccount,
        agent,
        onPresent: () => idle.present(),
        callCenter,
        dialTarget,
        headsets,
        sipTrace,
        timings: () => timings.list(),
        logFiles,
        updates,
        outbound,
        sync,
      }),
      trustedOrigin,
      logger,
    ),
  );
  settings.onChanged((view) => send('settings.changed', view));
  status.onChanged((current) => send('status.changed', current));

  // --- Menu, the window itself, and quitting.
  const showAbout = () => {
    void dialog.showMessageBox({
      type: 'info',
      title: app.getName(),
      message: `${strings().aboutMessage}\n${app.getVersion()}`,
      detail: strings().aboutMainStalls(stalls.current().longestMs),
    });
  };
  installAppMenu(strings(), devServerUrl !== undefined, showAbout);
  settings.onChanged(() => installAppMenu(strings(), devServerUrl !== undefined, showAbout));
  const mayQuit = quitConfirmation(liveCalls, strings);
  app.on('before-quit', (event) => {
    if (!mayQuit()) event.preventDefault();
  });
  const mainWindow = shell.window();
  mainWindow?.on('close', (event) => {
    if (!mayQuit()) event.preventDefault();
  });
  // A renderer that crashes takes the calls' audio with it. Reloaded, it takes the
  // calls over again (a re-INVITE each); calls end properly if it does not come back.
  const crashReloads = new CrashReloads();
  mainWindow?.webContents.on('render-process-gone', (_event, details) => {
    callCenter.media.detach();
    const reload = crashReloads.shouldReload(details.reason, clock.now().getTime());
    logger.error('the window crashed', { reason: details.reason, reloading: reload });
    if (reload) shell.window()?.webContents.reload();
  });
  mainWindow?.on('closed', () => callCenter.media.detach());

  // --- A due callback's reminder opens the card and calls the client back.
  const stopCallbackNotifier = startCallbackNotifier({
    callbacks: async () => (await database).callbacks,
    actor,
    strings,
    logger,
    openClient: (clientId) => {
      if (shell.window() === undefined) return;
      showMainWindow();
      send('ui.openClient', { clientId });
      database
        .then(({ clients }) =>
          callBackClient(clientId, { clients, calls: callCenter.calls, dialTarget, logger }),
        )
        .catch(() => undefined);
    },
  });
  app.on('will-quit', stopCallbackNotifier);

  app.on('second-instance', showMainWindow);
  // Since the process started: how long the operator waited for a window (IT reads it in the log).
  logger.info('started', {
    version: app.getVersion(),
    msSinceProcessStart: Math.round(performance.now()),
  });
}
