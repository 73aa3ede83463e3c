import type { AgentStateService } from '../../core/agent/agentStateService';
import type { HeadsetMonitor } from '../../core/headset/headsetMonitor';
import type { MainStrings } from '../../core/i18n/mainLocales';
import type { Clock, Logger } from '../../core/platform/ports';
import type { MachinePolicy } from '../../core/settings/machinePolicy';
import type { SettingsService } from '../../core/settings/settingsService';
import type { WorkstationStatusBoard } from '../../core/status/workstationStatusBoard';
import type { SipAccountService } from '../../core/telephony/sipAccountService';
import { CampaignBook } from '../../core/campaigns/campaignBook';
import type { TeamSync } from '../../core/sync/teamSync';
import { maskPhone } from '../../core/phones/phoneMasking';
import { syncHandlers } from './syncHandlers';
import type { OutboundWork } from '../../core/workstation/outboundWork';
import type { CallCenter } from '../../core/workstation/callCenter';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import type { ImportProgress } from '../../../src-shared/clients/importSchemas';
import type { InvokeHandlers } from '../dispatch';
import { agentHandlers } from './agentHandlers';
import { appHandlers } from './appHandlers';
import { callbackHandlers } from './callbackHandlers';
import { callHandlers } from './callHandlers';
import { clientHandlers } from './clientHandlers';
import type { FileDialogs } from './fileDialogs';
import { headsetHandlers } from './headsetHandlers';
import { importHandlers } from './importHandlers';
import { openedDatabase } from './openedDatabase';
import { scriptHandlers } from './scriptHandlers';
import { sipHandlers } from './sipHandlers';
import { scriptsOf, type WorkstationScripts } from '../../core/workstation/workstationScripts';
import { readShippedScripts } from './shippedScriptFolder';
import { computeBranchStats } from '../../core/scripts/branchStatsRunner';
import { workspaceHandlers } from './workspaceHandlers';
import { orderHandlers } from './orderHandlers';
import { loadReferenceFiles, type CatalogueRefusal } from './referenceFiles';
import { ordersOf, type WorkstationOrders } from '../../core/workstation/workstationOrders';
import { WrapUp } from '../../core/calls/wrapUp';
import { IpcRejection } from '../result';
import { performanceHandlers } from './performanceHandlers';
import { diagnosticsHandlers } from './diagnosticsHandlers';
import { updateHandlers } from './updateHandlers';
import { campaignHandlers } from './campaignHandlers';
import type { PolicySource } from './diagnosticsHandlers';
import type { UpdateService } from '../../core/updates/updateService';
import type { SipTrace } from '../../core/diagnostics/sipTrace';
import {
  performanceOf,
  type WorkstationPerformance,
} from '../../core/workstation/workstationPerformance';
import type { InvokeChannel } from '../contract';

export type { FileDialogs } from './fileDialogs';

import type { FileJobRunner } from '../../core/clients/fileJobs/fileJobRunner';
import type { MainStalls } from '../../core/diagnostics/mainStallMonitor';

/** Everything main's handlers work with; each domain's handlers get only their part. */
export interface MainServices {
  appInfo: { name: string; version: string; platform: string };
  stalls: () => MainStalls;
  clock: Clock;
  logger: Logger;
  actor: string;
  settings: SettingsService;
  status: WorkstationStatusBoard;
  policy: MachinePolicy;
  /** Where the policy in force came from, and the keys IT set that were ignored. */
  policySource: PolicySource;
  strings: () => MainStrings;
  openExternal: (url: string) => Promise<void>;
  dialogs: FileDialogs;
  /** Resolves once the database is open; rejects with what the operator should be told. */
  database: () => Promise<WorkstationDatabase>;
  onImportProgress: (progress: ImportProgress) => void;
  onExportProgress: (progress: { rows: number }) => void;
  /** The worker that computes a script version's branch statistics. */
  branchStatsWorker: string;
  /** The worker that computes the performance sheet (one thread while the base is open). */
  sheetWorker: string;
  /** Records the performance sheet counts have changed (it reads again). */
  onRecordsChanged: () => void;
  /** Where the files Pult ships are (the demo catalogue, the KATOTTG codifier). */
  resourcesDir: string;
  /** The font PDF reports are written in (DejaVu Sans, shipped beside the app). */
  pdfFontFile: string;
  /** File previews, exports and reports, each on a worker thread of its own. */
  files: FileJobRunner;
  sipAccount: SipAccountService;
  agent: AgentStateService;
  onPresent: () => void;
  callCenter: CallCenter;
  dialTarget: (typed: string) => string | undefined;
  headsets: Pick<HeadsetMonitor, 'headsets' | 'diagnostics'>;
  /** The last SIP messages, redacted, for the diagnostics bundle. */
  sipTrace: SipTrace;
  /** Registration and ICE timings, the last hundred. */
  timings: () => readonly unknown[];
  /** The log files the app writes. */
  logFiles: () => string[];
  updates: UpdateService;
  outbound: OutboundWork;
  sync: TeamSync;
}

/** One handler for every invoke channel of the contract (the compiler checks none is missing). */
export function createInvokeHandlers(services: MainServices): InvokeHandlers {
  const { actor, clock, dialogs, strings, policy } = services;
  const database = openedDatabase(services.database);
  const language = () => services.settings.view().values.language;
  // One set per opened base: its runs keep the published versions they have read.
  let opened: { base: WorkstationDatabase; scripts: WorkstationScripts } | undefined;
  let shipped: ReadonlySet<number> = new Set();
  const workstationScripts = async () => {
    const base = await database();
    if (opened?.base !== base) {
      const scripts = scriptsOf(base, {
        policy,
        clock,
        agentName: () => services.sipAccount.current()?.displayName || actor,
        language,
        shipped: () => shipped,
      });
      opened = { base, scripts };
      // IT's folder, read on worker threads; its scripts are published and read-only.
      const folder = policy.scripts.folder;
      if (folder !== undefined)
        void readShippedScripts(folder, scripts.library, services.files, services.logger).then(
          (ids) => {
            shipped = ids;
          },
        );
    }
    return opened.scripts;
  };
  const scripts = async () => (await workstationScripts()).desk;
  // Orders of the open base, once its reference files are taken in (on worker threads).
  let ordering:
    | {
        base: WorkstationDatabase;
        ready: Promise<{
          desk: WorkstationOrders;
          refused: CatalogueRefusal | null;
          settlements: () => Promise<void>;
        }>;
      }
    | undefined;
  const workstationOrders = async () => {
    const base = await database();
    if (ordering?.base !== base) {
      const desk = ordersOf(base, { clock, language });
      ordering = {
        base,
        ready: loadReferenceFiles(base, {
          policy,
          files: services.files,
          resourcesDir: services.resourcesDir,
          logger: services.logger,
          actor,
        }).then(({ refused, settlements }) => ({ desk, refused, settlements })),
      };
    }
    return ordering.ready;
  };
  // The sheet's worker, one per opened base, warmed (the year's weeks) as soon as it is open.
  let performing: { base: WorkstationDatabase; performance: WorkstationPerformance } | undefined;
  const workstationPerformance = async () => {
    const base = await database();
    if (performing?.base !== base) {
      void performing?.performance.sheets.stop();
      const performance = performanceOf(base, {
        clock,
        logger: services.logger,
        policy: policy.performance,
        sheetWorker: services.sheetWorker,
      });
      performing = { base, performance };
      void performance.sheets
        .ask({
          type: 'warm',
          options: {
            actor,
            language: language(),
            callbackGraceMinutes: policy.performance.callbackGraceMinutes,
          },
          now: clock.now().toISOString(),
        })
        .catch(() => undefined);
    }
    return performing.performance;
  };
  void services.database().then(
    () => workstationPerformance(),
    () => undefined,
  );
  // The reference files are taken in as soon as the base is open, not at the first order.
  void services.database().then(
    () => workstationOrders(),
    () => undefined,
  );
  const handlers: InvokeHandlers = {
    ...appHandlers(services),
    ...workspaceHandlers({ database, clock, actor }),
    ...clientHandlers({
      database,
      policy,
      dialogs,
      strings,
      actor,
      onExportProgress: services.onExportProgress,
      files: services.files,
    }),
    ...importHandlers({
      database,
      dialogs,
      strings,
      actor,
      onProgress: services.onImportProgress,
      files: services.files,
    }),
    ...callbackHandlers({ database, clock, actor }),
    ...agentHandlers({ agent: services.agent, policy, onPresent: services.onPresent }),
    ...callHandlers({
      callCenter: services.callCenter,
      policy,
      dialTarget: services.dialTarget,
      language,
      scripts,
      actor,
      clientPhone: async (clientId, index) => (await database()).clients.phoneOf(clientId, index),
    }),
    ...scriptHandlers({
      scripts: workstationScripts,
      calls: () => services.callCenter.calls.list(),
      campaignScriptOf: async (interactionId) =>
        new CampaignBook((await database()).db.sqlite).scriptOfCall(interactionId),
      actor,
      language,
      dialogs,
      strings,
      files: services.files,
      branchStats: async (versionId) =>
        computeBranchStats(services.branchStatsWorker, (await database()).location, versionId),
    }),
    ...orderHandlers({
      orders: workstationOrders,
      actor,
      clock,
      language,
      refusalReasons: async () =>
        new WrapUp((await database()).db, clock).refusalReasons(language()),
      exportOrders: async (query, format) => {
        const { location } = await database();
        const texts = strings();
        const file = await dialogs.chooseSaveFile(
          texts.ordersExportTitle,
          `${texts.ordersExportFileName}.${format}`,
          format,
        );
        if (file === undefined) return { saved: false, rows: 0 };
        try {
          const { rows } = await services.files.run({
            task: 'ordersExport',
            database: location,
            query,
            file,
            format,
            actor,
            // Only words: the worker gets a copy, and the strings hold functions too.
            strings: {
              ordersExportHeaders: texts.ordersExportHeaders,
              ordersSheetName: texts.ordersSheetName,
              orderStatusNames: texts.orderStatusNames,
            },
          });
          return { saved: true, rows };
        } catch (error) {
          throw new IpcRejection('fileNotWritten', `The orders export failed: ${String(error)}`);
        }
      },
    }),
    ...performanceHandlers({
      database,
      performance: workstationPerformance,
      policy: policy.performance,
      actor,
      operatorName: () => services.sipAccount.current()?.displayName ?? '',
      clock,
      logger: services.logger,
      language,
      strings,
      dialogs,
      files: services.files,
      pdfFontFile: services.pdfFontFile,
    }),
    ...diagnosticsHandlers({
      appInfo: services.appInfo,
      clock,
      logger: services.logger,
      policy,
      policySource: services.policySource,
      status: services.status,
      stalls: services.stalls,
      sipTrace: services.sipTrace,
      timings: services.timings,
      headsets: services.headsets,
      logFiles: services.logFiles,
      database,
      dialogs,
      files: services.files,
      strings,
      updates: () => services.updates.view(),
      sync: () => services.sync.view(),
    }),
    ...updateHandlers(services.updates),
    ...campaignHandlers({
      database,
      files: services.files,
      policy,
      actor,
      clock,
      logger: services.logger,
      language,
      outbound: services.outbound,
    }),
    ...syncHandlers(services.sync, database, clock, {
      calls: () => services.callCenter.calls.list(),
      ownLine: () => /^sips?:([^@]+)@/.exec(services.sipAccount.current()?.sipUri ?? '')?.[1],
      showNumber: (number) => (policy.privacy.maskCard ? maskPhone(number) : number),
    }),
    ...sipHandlers(services),
    ...headsetHandlers(services),
  };
  return tellingChanges(handlers, services.onRecordsChanged);
}

/** What the performance sheet counts: once one of these has done its work, the sheet reads again. */
const changesRecords = [
  'wrapUp.finish',
  'knowledge.offer',
  'orders.submit',
  'orders.setStatus',
  'complaints.register',
  'complaints.setStatus',
  'callbacks.create',
  'callbacks.cancel',
  'performance.addAchievement',
] as const satisfies readonly InvokeChannel[];

function tellingChanges(handlers: InvokeHandlers, changed: () => void): InvokeHandlers {
  const told = { ...handlers } as Record<InvokeChannel, (request: never) => unknown>;
  for (const channel of changesRecords) {
    const handler = handlers[channel] as (request: never) => unknown;
    told[channel] = async (request: never) => {
      const response = await handler(request);
      changed();
      return response;
    };
  }
  return told as InvokeHandlers;
}
