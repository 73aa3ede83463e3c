import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { previewImportFile } from '../../core/clients/import/clientImport';
import { importReportCsv } from '../../core/clients/import/importReport';
import type { MainStrings } from '../../core/i18n/mainLocales';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import { missingImportColumns } from '../../../src-shared/clients/columnMapping';
import type { ImportProgress } from '../../../src-shared/clients/importSchemas';
import { IpcRejection } from '../result';
import type { FileDialogs } from './fileDialogs';
import type { HandlersOf } from './handlerTypes';

/** Importing clients from a file: choose, preview, run on the worker, report the rows that failed. */
export function importHandlers(deps: {
  database: () => Promise<WorkstationDatabase>;
  dialogs: FileDialogs;
  strings: () => MainStrings;
  actor: string;
  onProgress: (progress: ImportProgress) => void;
}): HandlersOf<'import.'> {
  // The renderer names a chosen file by token, never by path.
  const chosenFiles = new Map<string, string>();
  return {
    'import.chooseFile': async () => {
      const file = await deps.dialogs.chooseImportFile(deps.strings());
      if (file === undefined) return { chosen: false };
      const token = randomUUID();
      chosenFiles.set(token, file);
      return { chosen: true, preview: { token, ...(await previewImportFile(file)) } };
    },
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
      const { clients } = await deps.database();
      const strings = deps.strings();
      const file = await deps.dialogs.chooseSaveFile(
        strings.reportDialogTitle,
        strings.reportFileName,
        'csv',
      );
      if (file === undefined) return { saved: false };
      const { errors } = clients.importErrors(jobId, 100_000);
      await writeFile(file, importReportCsv(errors, strings));
      return { saved: true };
    },
  };
}
