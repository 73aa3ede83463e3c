import { randomUUID } from 'node:crypto';
import type { FileJobRunner } from '../../core/clients/fileJobs/fileJobRunner';
import type { MainStrings } from '../../core/i18n/mainLocales';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import { missingImportColumns } from '../../../src-shared/clients/columnMapping';
import type { ImportProgress } from '../../../src-shared/clients/importSchemas';
import { IpcRejection } from '../result';
import type { FileDialogs } from './fileDialogs';
import type { HandlersOf } from './handlerTypes';
import { latestRun } from './latestRun';

/** Importing clients from a file: choose, preview, run on the worker, report the rows that failed. */
export function importHandlers(deps: {
  database: () => Promise<WorkstationDatabase>;
  dialogs: FileDialogs;
  strings: () => MainStrings;
  actor: string;
  onProgress: (progress: ImportProgress) => void;
  /** Previews and reports run here, off main's event loop; a preview needs no base. */
  files: FileJobRunner;
}): HandlersOf<'import.'> {
  // The renderer names a chosen file by token, never by path.
  const chosenFiles = new Map<string, string>();
  const previewing = latestRun();
  return {
    'import.chooseFile': async () => {
      const file = await deps.dialogs.chooseImportFile(deps.strings());
      if (file === undefined) return { chosen: false };
      const token = randomUUID();
      chosenFiles.set(token, file);
      // One reading at a time: choosing another file stops the one still being read.
      return previewing.run(async (signal) => {
        try {
          const preview = await deps.files.run({ task: 'preview', file }, { signal });
          return { chosen: true as const, preview: { token, ...preview } };
        } catch (error) {
          if (signal.aborted) return { chosen: false as const, cancelled: true };
          throw new IpcRejection('fileUnreadable', `The file could not be read: ${String(error)}`);
        }
      });
    },
    'import.cancelPreview': () => ({ cancelled: previewing.cancel() }),
    'import.start': async ({ token, settings }) => {
      const file = chosenFiles.get(token);
      if (file === undefined) throw new IpcRejection('fileNotChosen', 'Choose the file again');
      // Without them every row would fail alike: refused before anything is written.
      const missing = missingImportColumns(settings.mapping);
      if (missing.length > 0)
        throw new IpcRejection(
          'importColumnsMissing',
          `No column is mapped to: ${missing.join(', ')}`,
        );
      const { imports } = await deps.database();
      const jobId = await imports.start(
        { file, settings, actor: deps.actor, region: 'UA' },
        deps.onProgress,
      );
      return { jobId };
    },
    'import.cancel': async ({ jobId }) => ({
      cancelled: (await deps.database()).imports.cancel(jobId),
    }),
    'import.errors': async ({ jobId }) => (await deps.database()).clients.importErrors(jobId, 1000),
    'import.saveReport': async ({ jobId }) => {
      const { location } = await deps.database();
      const strings = deps.strings();
      const file = await deps.dialogs.chooseSaveFile(
        strings.reportDialogTitle,
        strings.reportFileName,
        'csv',
      );
      if (file === undefined) return { saved: false };
      try {
        await deps.files.run({
          task: 'importReport',
          database: location,
          jobId,
          file,
          actor: deps.actor,
          strings: { reportHeaders: strings.reportHeaders, importReasons: strings.importReasons },
        });
      } catch (error) {
        throw new IpcRejection('fileNotWritten', `The report was not saved: ${String(error)}`);
      }
      return { saved: true };
    },
  };
}
