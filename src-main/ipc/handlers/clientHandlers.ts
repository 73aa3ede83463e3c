import type { FileJobRunner } from '../../core/clients/fileJobs/fileJobRunner';
import type { MachinePolicy } from '../../core/settings/machinePolicy';
import type { MainStrings } from '../../core/i18n/mainLocales';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import { IpcRejection } from '../result';
import type { FileDialogs } from './fileDialogs';
import type { HandlersOf } from './handlerTypes';
import { latestRun } from './latestRun';

/** The client base: search, the card, edits and the export of what is listed. */
export function clientHandlers(deps: {
  database: () => Promise<WorkstationDatabase>;
  dialogs: FileDialogs;
  strings: () => MainStrings;
  actor: string;
  policy: MachinePolicy;
  onExportProgress: (progress: { rows: number }) => void;
  files: FileJobRunner;
}): HandlersOf<'clients.'> {
  const clients = async () => (await deps.database()).clients;
  const exporting = latestRun();
  return {
    'clients.find': async (query) => (await clients()).find(query),
    'clients.card': async ({ id }) =>
      (await clients()).viewCard(id, {
        actor: deps.actor,
        via: 'card',
        masked: deps.policy.privacy.maskCard,
      }),
    'clients.reveal': async ({ id, reason, note }) => {
      const revealed = (await clients()).reveal(id, deps.actor, { reason, note });
      if (revealed === undefined)
        throw new IpcRejection('clientNotFound', 'This client no longer exists');
      return revealed;
    },
    'clients.create': async (draft) => (await clients()).create(draft, deps.actor),
    'clients.update': async ({ id, draft }) => {
      const result = (await clients()).update(id, draft, deps.actor);
      if (result === 'notFound')
        throw new IpcRejection('clientNotFound', 'This client no longer exists');
      return result;
    },
    'clients.export': async ({ query, format }) => {
      const { location } = await deps.database();
      const strings = deps.strings();
      const file = await deps.dialogs.chooseSaveFile(
        strings.exportDialogTitle,
        `${strings.exportFileName}.${format}`,
        format,
      );
      if (file === undefined) return { saved: false, rows: 0 };
      // One at a time: a new export stops one still running (and removes its half-written file).
      return exporting.run(async (signal) => {
        try {
          const { rows } = await deps.files.run(
            {
              task: 'export',
              database: location,
              query,
              file,
              format,
              actor: deps.actor,
              headers: strings.exportHeaders,
              sheetName: strings.exportSheetName,
            },
            { signal, onProgress: (rows) => deps.onExportProgress({ rows }) },
          );
          return { saved: true, rows };
        } catch (error) {
          if (signal.aborted) return { saved: false, rows: 0, cancelled: true };
          throw new IpcRejection('fileNotWritten', `The export failed: ${String(error)}`);
        }
      });
    },
    'clients.cancelExport': () => ({ cancelled: exporting.cancel() }),
  };
}
