import os from 'node:os';
import path from 'node:path';
import type { FileJobRunner } from '../../core/clients/fileJobs/fileJobRunner';
import type { MainStalls } from '../../core/diagnostics/mainStallMonitor';
import type { SipTrace } from '../../core/diagnostics/sipTrace';
import type { HeadsetMonitor } from '../../core/headset/headsetMonitor';
import type { MainStrings } from '../../core/i18n/mainLocales';
import type { Clock, Logger } from '../../core/platform/ports';
import type { MachinePolicy } from '../../core/settings/machinePolicy';
import type { WorkstationStatusBoard } from '../../core/status/workstationStatusBoard';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import type { UpdateView } from '../../../src-shared/updates/updateView';
import type { SyncView } from '../../../src-shared/sync/syncView';
import { IpcRejection } from '../result';
import type { FileDialogs } from './fileDialogs';
import type { HandlersOf } from './handlerTypes';

export interface PolicySource {
  /** The policy file's path (read whether or not it exists). */
  file: string;
  /** The registry or managed preferences, as read on this platform. */
  os: string;
  problems: () => readonly string[];
}

/**
 * IT's diagnostics bundle, one click from Settings: a zip the operator
 * saves and sends, written on a worker, with nothing personal in it.
 */
export function diagnosticsHandlers(deps: {
  appInfo: { name: string; version: string; platform: string };
  clock: Clock;
  logger: Logger;
  policy: MachinePolicy;
  policySource: PolicySource;
  status: WorkstationStatusBoard;
  stalls: () => MainStalls;
  sipTrace: SipTrace;
  /** Registration and ICE timings. */
  timings: () => readonly unknown[];
  headsets: Pick<HeadsetMonitor, 'diagnostics'>;
  /** The log files the app writes (the current one and the rotated one). */
  logFiles: () => string[];
  /** The base, when it opened. */
  database: () => Promise<WorkstationDatabase>;
  dialogs: FileDialogs;
  files: FileJobRunner;
  strings: () => MainStrings;
  /** The update state (running version, ring, what was found and why it waits). */
  updates: () => UpdateView;
  sync: () => Promise<SyncView>;
}): HandlersOf<'diagnostics.'> {
  return {
    'diagnostics.save': async ({ audioDevices }) => {
      const now = deps.clock.now();
      const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
      const texts = deps.strings();
      const file = await deps.dialogs.chooseSaveFile(
        texts.diagnosticsTitle,
        `pult-diagnostics-${stamp}.zip`,
        'zip',
      );
      if (file === undefined) return { saved: false };
      const base = await deps.database().catch(() => undefined);
      try {
        await deps.files.run({
          task: 'diagnosticsBundle',
          file,
          ...(base === undefined ? {} : { database: base.location }),
          parts: {
            about: {
              ...deps.appInfo,
              versions: process.versions,
              os: { type: os.type(), release: os.release(), arch: os.arch() },
              at: now.toISOString(),
            },
            policy: {
              inForce: deps.policy,
              sources: { file: deps.policySource.file, os: deps.policySource.os },
              ignored: deps.policySource.problems(),
            },
            updates: deps.updates(),
            sync: await deps.sync().catch((error: unknown) => ({ error: String(error) })),
            status: deps.status.current(),
            stalls: deps.stalls(),
            sipTrace: deps.sipTrace.text(),
            timings: deps.timings(),
            headsets: deps.headsets.diagnostics(),
            audioDevices,
            logFiles: deps.logFiles(),
          },
        });
      } catch (error) {
        throw new IpcRejection('fileNotWritten', `The diagnostics bundle failed: ${String(error)}`);
      }
      deps.logger.info('diagnostics bundle saved', { file: path.basename(file) });
      return { saved: true };
    },
  };
}
