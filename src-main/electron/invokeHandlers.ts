import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { ClientBase } from '../core/clients/clientBase';
import { neutraliseCell } from '../core/clients/clientExport';
import { previewImportFile } from '../core/clients/import/clientImport';
import type { ImportRunner } from '../core/clients/import/importRunner';
import type { ImportProgress } from '../core/clients/import/importSchemas';
import { isExternalUrlAllowed } from '../core/links/externalLinkPolicy';
import { offeredLists, type MachinePolicy } from '../core/settings/machinePolicy';
import { SettingLockedError, type SettingsService } from '../core/settings/settingsService';
import type { WorkstationStatusBoard } from '../core/status/workstationStatusBoard';
import type { InvokeHandlers } from '../ipc/dispatch';
import type { SipAccountService } from '../core/telephony/sipAccountService';
import type { AgentStateService } from '../core/agent/agentStateService';
import { IpcRejection } from '../ipc/result';
import type { ParsedRequestOf, ResponseOf } from '../ipc/contract';
import type { CallController } from '../core/telephony/callController';
import type { MediaBridge } from '../core/telephony/media/mediaBridge';
import { isMissed, type CallLogEntry } from '../core/calls/callRecords';
import type { MainStrings } from './mainLocales';

export interface FileDialogs {
  chooseImportFile(strings: MainStrings): Promise<string | undefined>;
  chooseSaveFile(
    title: string,
    defaultName: string,
    extension: 'csv' | 'xlsx',
  ): Promise<string | undefined>;
}

export interface HandlerDeps {
  appInfo: { name: string; version: string; platform: string };
  settings: SettingsService;
  status: WorkstationStatusBoard;
  policy: MachinePolicy;
  openExternal: (url: string) => Promise<void>;
  /** Resolves once the database is open; rejects with what the operator should be told. */
  clientBase: () => Promise<{ base: ClientBase; imports: ImportRunner }>;
  dialogs: FileDialogs;
  strings: () => MainStrings;
  actor: string;
  onImportProgress: (progress: ImportProgress) => void;
  sipAccount: SipAccountService;
  agent: AgentStateService;
  onPresent: () => void;
  calls: CallController;
  media: MediaBridge;
  /** Starts serving media requests to the main window. */
  attachMedia: () => void;
  callLog: () => Promise<CallLogEntry[]>;
  /** A number as typed, in the PBX's dialling format (or undefined when it is no number). */
  dialTarget: (typed: string) => string | undefined;
  pendingWrapUp: () => Promise<ResponseOf<'wrapUp.pending'>>;
  headsets: () => ResponseOf<'headset.list'>;
  departments: () => ResponseOf<'calls.departments'>;
  finishWrapUp: (input: ParsedRequestOf<'wrapUp.finish'>) => Promise<ResponseOf<'wrapUp.finish'>>;
}

export function createInvokeHandlers(deps: HandlerDeps): InvokeHandlers {
  // The renderer names a chosen file by token, never by path.
  const chosenFiles = new Map<string, string>();
  const base = async () => {
    try {
      return await deps.clientBase();
    } catch (error) {
      throw new IpcRejection(error instanceof Error ? error.message : String(error));
    }
  };
  return {
    'app.info': () => deps.appInfo,
    'settings.get': () => deps.settings.view(),
    'settings.update': (patch) => {
      try {
        return deps.settings.update(patch);
      } catch (error) {
        if (error instanceof SettingLockedError) throw new IpcRejection(error.message);
        throw error;
      }
    },
    'status.get': () => deps.status.current(),
    'links.openExternal': async ({ url }) => {
      if (!isExternalUrlAllowed(url, deps.policy.externalLinkAllowlist)) return { opened: false };
      await deps.openExternal(url);
      return { opened: true };
    },
    'workspace.state': async () => (await base()).base.state(),
    'workspace.loadDemo': async () => {
      const { base: clients } = await base();
      if (clients.state().clientCount > 0) throw new IpcRejection('The client base is not empty');
      return clients.loadDemo(deps.actor);
    },
    'workspace.dismissDemo': async () => (await base()).base.dismissDemo(),
    'clients.find': async (query) => (await base()).base.find(query),
    'clients.card': async ({ id }) => (await base()).base.card(id),
    'clients.create': async (draft) => (await base()).base.create(draft, deps.actor),
    'clients.update': async ({ id, draft }) => {
      const result = (await base()).base.update(id, draft, deps.actor);
      if (result === 'notFound') throw new IpcRejection('This client no longer exists');
      return result;
    },
    'clients.export': async ({ query, format }) => {
      const { base: clients } = await base();
      const strings = deps.strings();
      const file = await deps.dialogs.chooseSaveFile(
        strings.exportDialogTitle,
        `${strings.exportFileName}.${format}`,
        format,
      );
      if (file === undefined) return { saved: false, rows: 0 };
      const rows = await clients.export(
        query,
        file,
        format,
        deps.actor,
        strings.exportHeaders,
        path.basename(file),
      );
      return { saved: true, rows };
    },
    'import.chooseFile': async () => {
      const file = await deps.dialogs.chooseImportFile(deps.strings());
      if (file === undefined) return { chosen: false };
      const token = randomUUID();
      chosenFiles.set(token, file);
      return { chosen: true, preview: { token, ...(await previewImportFile(file)) } };
    },
    'import.start': async ({ token, settings }) => {
      const file = chosenFiles.get(token);
      if (file === undefined) throw new IpcRejection('Choose the file again');
      const { imports } = await base();
      const jobId = await imports.start(
        { file, settings, actor: deps.actor, region: 'UA' },
        deps.onImportProgress,
      );
      return { jobId };
    },
    'import.cancel': async ({ jobId }) => ({ cancelled: (await base()).imports.cancel(jobId) }),
    'import.errors': async ({ jobId }) => (await base()).base.importErrors(jobId, 1000),
    'callbacks.mine': async () =>
      (await base()).base.callbacks.mine(deps.actor, -new Date().getTimezoneOffset()),
    'callbacks.create': async ({ clientId, dueAt, note }) => {
      const result = (await base()).base.callbacks.create(clientId, dueAt, note, deps.actor);
      return typeof result === 'number'
        ? { ok: true as const, id: result }
        : { ok: false as const, error: result };
    },
    'callbacks.cancel': async ({ id: callbackId }) => ({
      cancelled: (await base()).base.callbacks.cancel(callbackId, deps.actor),
    }),
    'callbacks.reschedule': async ({ id: callbackId, dueAt }) => {
      const result = (await base()).base.callbacks.reschedule(callbackId, dueAt, deps.actor);
      if (result === 'past') return { ok: false, error: 'past' };
      return result ? { ok: true } : { ok: false, error: 'notFound' };
    },
    'agent.present': () => {
      deps.onPresent();
      return { ok: true as const };
    },
    'agent.get': () => deps.agent.view(),
    'work.lists': () => offeredLists(deps.policy.lists),
    'agent.set': (request) =>
      request.state === 'notReady' &&
      !offeredLists(deps.policy.lists).notReadyReasons.includes(request.reason)
        ? { ok: false, error: 'notAllowed' }
        : deps.agent.apply(
            request.state === 'ready'
              ? { type: 'goReady' }
              : { type: 'goNotReady', reason: request.reason },
          ),
    'wrapUp.pending': () => deps.pendingWrapUp(),
    'headset.list': () => deps.headsets(),
    'calls.departments': () => deps.departments(),
    'wrapUp.finish': (input) => deps.finishWrapUp(input),
    'calls.list': () => deps.calls.list(),
    'calls.act': (action) => {
      if (action.action === 'transfer' || action.action === 'consult') {
        // Transfer targets follow the same dialling rules as any call out.
        const target = deps.dialTarget(action.target);
        if (target === undefined) return { done: false };
        return { done: deps.calls.act({ ...action, target }) };
      }
      return { done: deps.calls.act(action) };
    },
    'calls.dial': ({ number }) => {
      const target = deps.dialTarget(number);
      if (target === undefined) return { ok: false, error: 'invalidNumber' };
      return deps.calls.dial(target);
    },
    'calls.log': async () =>
      (await deps.callLog()).map((entry) => ({ ...entry, missed: isMissed(entry) })),
    'calls.clearEnded': () => {
      deps.calls.clearEnded();
      return { ok: true };
    },
    'media.attach': () => {
      deps.attachMedia();
      return { ok: true };
    },
    'media.respond': (response) => {
      deps.media.respond(response);
      return { ok: true };
    },
    'media.event': (event) => {
      deps.media.event(event);
      return { ok: true };
    },
    'sip.account.get': () => deps.sipAccount.view(),
    'sip.account.save': ({ account, password }) => deps.sipAccount.save(account, password),
    'sip.testConnection': ({ account, password }) => deps.sipAccount.test(account, password),
    'import.saveReport': async ({ jobId }) => {
      const { base: clients } = await base();
      const strings = deps.strings();
      const file = await deps.dialogs.chooseSaveFile(
        strings.reportDialogTitle,
        strings.reportFileName,
        'csv',
      );
      if (file === undefined) return { saved: false };
      const { errors } = clients.importErrors(jobId, 100_000);
      const rows = errors.map((e) =>
        [String(e.line), e.column ?? '', strings.importReasons[e.reason] ?? e.reason, e.detail].map(
          neutraliseCell,
        ),
      );
      const text = stringify([strings.reportHeaders, ...rows], {
        delimiter: ';',
        record_delimiter: 'windows',
      });
      await writeFile(file, `\uFEFF${text}`);
      return { saved: true };
    },
  };
}
