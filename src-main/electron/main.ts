import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  session,
  shell,
} from 'electron';
import { SipAccountService } from '../core/telephony/sipAccountService';
import type { SipAccount } from '../core/telephony/sipAccountSchema';
import { SipRegistration } from '../core/telephony/sipRegistration';
import { safeStorageKeyWrapping, safeStorageSecrets } from './secretStore';
import { CrashReloads } from './crashReloads';
import { HeadsetMonitor } from '../core/headset/headsetMonitor';
import { AgentJournal } from '../core/agent/agentJournal';
import { AgentStateService } from '../core/agent/agentStateService';
import {
  listHidDevices,
  openHidDevice,
  readReportDescriptor,
} from '../core/headset/nodeHidAdapter';
import { systemClock } from '../core/platform/ports';
import { SettingsService } from '../core/settings/settingsService';
import type { UserSettings } from '../core/settings/userSettingsSchema';
import { WorkstationStatusBoard } from '../core/status/workstationStatusBoard';
import { LiveCallRegistry } from '../core/telephony/liveCallRegistry';
import { QuitGuard } from '../core/telephony/quitGuard';
import { isExternalUrlAllowed } from '../core/links/externalLinkPolicy';
import { appEntryUrl, appOrigin, appScheme, originOf } from './appOrigin';
import { installAppMenu } from './appMenu';
import { createAppProtocolHandler } from './appProtocol';
import { createInvokeHandlers } from './invokeHandlers';
import { bindInvokeHandlers, sendEvent } from './ipcBinding';
import { electronJsonStore } from './jsonFileStores';
import { createMainLogger } from './logging';
import { readMachinePolicy } from './machinePolicyFile';
import { offeredLists } from '../core/settings/machinePolicy';
import { mainStrings } from './mainLocales';
import { createMainWindow } from './mainWindow';
import { hardenWebContents, installPermissionHandlers } from './webSecurity';
import { openClientDatabase } from './clientDatabase';
import { fileDialogs } from './fileDialogs';
import { startCallbackNotifier } from './callbackNotifier';
import { startAgentPresence } from './agentPresence';
import { startTelephony } from './telephonyWiring';
import { startGlobalCallKeys } from './globalCallKeys';
import { defaultDialRules, toDialTarget } from '../core/telephony/dialRules';
import { headsetCalls, headsetIndicators } from '../core/telephony/headsetCalls';
import os from 'node:os';
import type { Rect } from './windowBounds';

// Must run before 'ready': gives app:// a real origin, secure context and fetch.
protocol.registerSchemesAsPrivileged([
  {
    scheme: appScheme,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/preload.cjs');
const rendererDir = path.join(here, '../renderer');

// A separate profile folder (tests, or two operators' profiles on one PC for training).
const userDataOverride = process.env['PULT_USER_DATA_DIR'];
if (userDataOverride !== undefined && userDataOverride !== '')
  app.setPath('userData', userDataOverride);

const devServerUrl = app.isPackaged ? undefined : process.env['PULT_DEV_SERVER_URL'];
const trustedOrigin = originOf(devServerUrl) ?? appOrigin;

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the running one (which focuses its window).
  app.quit();
} else {
  void app.whenReady().then(start);
}

function start(): void {
  const logger = createMainLogger();
  const policy = readMachinePolicy(logger);
  const settings = new SettingsService(electronJsonStore<UserSettings>('settings'), policy, logger);
  const status = new WorkstationStatusBoard(systemClock);
  const liveCalls = new LiveCallRegistry();
  let mainWindow: BrowserWindow | undefined;
  const showMainWindow = () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  const openExternal = async (url: string) => {
    if (isExternalUrlAllowed(url, policy.externalLinkAllowlist)) await shell.openExternal(url);
    else logger.warn('external link refused', { url });
  };

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, trustedOrigin, (url) => void openExternal(url));
  });
  protocol.handle(appScheme, createAppProtocolHandler(rendererDir));
  installPermissionHandlers(session.defaultSession, trustedOrigin);

  const strings = () => mainStrings(settings.view().values.language);
  const userAgent = `Pult/${app.getVersion()}`;
  const registration = new SipRegistration(status, logger, { userAgent });
  const sipAccount = new SipAccountService(
    electronJsonStore<SipAccount>('sip-account'),
    safeStorageSecrets(),
    policy,
    registration,
    userAgent,
  );
  // After sleep or a network change the old connection is gone; register again at once.
  powerMonitor.on('resume', () => registration.refresh());
  powerMonitor.on('unlock-screen', () => registration.refresh());
  let unregistered = false;
  app.on('will-quit', (event) => {
    if (unregistered || !registration.isRunning()) return;
    // Free the operator's line at the PBX before the process goes.
    event.preventDefault();
    void registration.stopAndWait(1500).finally(() => {
      unregistered = true;
      app.quit();
    });
  });
  const agentJournal = new AgentJournal();
  const agent = new AgentStateService(
    status,
    systemClock,
    (record) => agentJournal.write(record),
    os.userInfo().username,
  );
  const clientDatabase = openClientDatabase({
    userDataDir: app.getPath('userData'),
    workerFile: path.join(here, 'importWorker.js'),
    keyWrapping: safeStorageKeyWrapping(),
    clock: systemClock,
    logger,
    settings,
    status,
    strings,
  });
  const dialTarget = (typed: string) =>
    toDialTarget(typed, { ...defaultDialRules, ...policy.calls.dialRules });
  const telephony = startTelephony({
    logger,
    agent,
    policy,
    actor: os.userInfo().username,
    registration,
    liveCalls,
    clientBase: () => clientDatabase,
    windowContents: () => mainWindow?.webContents,
    account: () => sipAccount.current(),
    autoAnswer: () => settings.view().values.autoAnswer,
  });
  void sipAccount.startIfConfigured();
  const stopGlobalCallKeys = startGlobalCallKeys(settings, telephony.calls, logger);
  app.on('will-quit', stopGlobalCallKeys);
  // The headset's buttons act on the calls, and its lights and ringer show them.
  const headsets = new HeadsetMonitor(
    { list: listHidDevices, descriptor: readReportDescriptor, open: openHidDevice },
    status,
    headsetCalls(telephony.calls),
    logger,
    {
      preferredId: () => {
        const chosen = settings.view().values.headset;
        return chosen === '' ? undefined : chosen;
      },
    },
  );
  // A headset chosen in Settings is taken at once, not at the next poll.
  settings.onChanged(() => void headsets.poll());
  telephony.onCallsChanged((list) => headsets.show(headsetIndicators(list)));
  headsets.start();
  app.on('will-quit', () => headsets.stop());
  // Handlers await it; a failure is already explained to the operator.
  clientDatabase.then(({ base }) => agentJournal.attach(base.db.sqlite)).catch(() => undefined);

  bindInvokeHandlers(
    ipcMain,
    createInvokeHandlers({
      appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
      settings,
      status,
      policy,
      openExternal,
      clientBase: () => clientDatabase,
      dialogs: fileDialogs,
      strings,
      actor: os.userInfo().username,
      sipAccount,
      agent,
      onPresent: () => idle.present(),
      calls: telephony.calls,
      media: telephony.media,
      attachMedia: telephony.attachMedia,
      callLog: telephony.callLog,
      dialTarget,
      departments: () => policy.calls.departments,
      pendingWrapUp: () => telephony.pendingWrapUp(settings.view().values.language),
      headsets: () => headsets.headsets(),
      finishWrapUp: telephony.finishWrapUp,
      onImportProgress: (progress) => {
        if (mainWindow !== undefined)
          sendEvent(mainWindow.webContents, 'import.progress', progress, logger);
      },
    }),
    trustedOrigin,
    logger,
  );

  const showAbout = () => {
    void dialog.showMessageBox({
      type: 'info',
      title: app.getName(),
      message: `${strings().aboutMessage}\n${app.getVersion()}`,
    });
  };
  installAppMenu(strings(), devServerUrl !== undefined, showAbout);

  settings.onChanged((view) => {
    installAppMenu(mainStrings(view.values.language), devServerUrl !== undefined, showAbout);
    if (mainWindow !== undefined)
      sendEvent(mainWindow.webContents, 'settings.changed', view, logger);
  });
  status.onChanged((current) => {
    if (mainWindow !== undefined)
      sendEvent(mainWindow.webContents, 'status.changed', current, logger);
  });

  // Quitting with a live call asks first; closing the window is quitting.
  const quitGuard = new QuitGuard(liveCalls, () => {
    const s = strings();
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: s.quitDuringCallTitle,
      message: s.quitDuringCallMessage,
      buttons: [s.quitDuringCallStay, s.quitDuringCallQuit],
      defaultId: 0,
      cancelId: 0,
    });
    return choice === 1;
  });
  const confirmQuitDuringCall = () => quitGuard.mayQuit();
  app.on('before-quit', (event) => {
    if (!confirmQuitDuringCall()) event.preventDefault();
  });

  mainWindow = createMainWindow({
    preloadPath,
    url: devServerUrl ?? appEntryUrl,
    boundsStore: electronJsonStore<Rect & { maximized: boolean }>('window-state'),
    title: app.getName(),
  });
  mainWindow.on('close', (event) => {
    if (!confirmQuitDuringCall()) event.preventDefault();
  });
  // A renderer that crashes takes the calls' audio with it. Reloaded, it takes the
  // calls over again (a re-INVITE each); calls end properly if it does not come back.
  const crashReloads = new CrashReloads();
  mainWindow.webContents.on('render-process-gone', (_event, details) => {
    telephony.media.detach();
    const reload = crashReloads.shouldReload(details.reason, Date.now());
    logger.error('the window crashed', { reason: details.reason, reloading: reload });
    if (reload) mainWindow?.webContents.reload();
  });
  mainWindow.on('closed', () => {
    telephony.media.detach();
    mainWindow = undefined;
  });

  const { idle } = startAgentPresence({
    agent,
    status,
    settings,
    strings,
    logger,
    windowContents: () => mainWindow?.webContents,
    showWindow: showMainWindow,
    reasons: () => offeredLists(policy.lists).notReadyReasons,
  });

  const stopCallbackNotifier = startCallbackNotifier({
    callbacks: async () => (await clientDatabase).base.callbacks,
    actor: os.userInfo().username,
    strings,
    logger,
    openClient: (clientId) => {
      if (mainWindow === undefined) return;
      showMainWindow();
      sendEvent(mainWindow.webContents, 'ui.openClient', { clientId }, logger);
      // One click on the reminder calls the client back (never one who asked not to be called).
      clientDatabase
        .then(({ base }) => {
          const card = base.card(clientId);
          const phone = card?.phones[0];
          if (card === null || card.doNotCall || phone === undefined) return;
          const target = dialTarget(phone.e164);
          const result = target === undefined ? undefined : telephony.calls.dial(target);
          if (result?.ok === false)
            logger.warn('callback: could not dial', { error: result.error });
        })
        .catch(() => undefined);
    },
  });
  app.on('will-quit', stopCallbackNotifier);

  app.on('second-instance', showMainWindow);
  app.on('window-all-closed', () => app.quit());
  logger.info('started', { version: app.getVersion() });
}
