import path from 'node:path';
import { dialog } from 'electron';
import { ClientBase } from '../core/clients/clientBase';
import { ImportRunner } from '../core/clients/import/importRunner';
import { SearchBacklog, type SearchBacklogProgress } from '../core/clients/searchBacklog';
import { DatabaseTooNewError, openDatabase } from '../core/db/database';
import { workstationDatabaseKey, type KeyWrapping } from '../core/db/databaseKeyFile';
import { DatabaseKeyError } from '../core/db/encryption';
import type { Clock, Logger } from '../core/platform/ports';
import type { SettingsService } from '../core/settings/settingsService';
import type { WorkstationStatusBoard } from '../core/status/workstationStatusBoard';
import { electronJsonStore } from './jsonFileStores';
import type { MainStrings } from './mainLocales';

export interface OpenedClientBase {
  base: ClientBase;
  imports: ImportRunner;
}

/**
 * Opens the workstation's database in the user-data folder and keeps the
 * status bar truthful. A database from a newer Pult, or one that cannot be
 * opened, is explained in a dialog; the app stays up so the operator can
 * still read what happened and call IT.
 */
export async function openClientDatabase(options: {
  userDataDir: string;
  workerFile: string;
  keyWrapping: KeyWrapping;
  clock: Clock;
  logger: Logger;
  settings: SettingsService;
  status: WorkstationStatusBoard;
  strings: () => MainStrings;
}): Promise<OpenedClientBase> {
  const file = path.join(options.userDataDir, 'pult.sqlite');
  options.status.set('database', { state: 'opening' });
  try {
    // Encrypted at rest with the workstation's key (see databaseKeyFile).
    const key = await workstationDatabaseKey(file, options.keyWrapping, options.logger);
    const db = await openDatabase(file, {
      logger: options.logger,
      ...(key === undefined ? {} : { key }),
    });
    const base = new ClientBase(
      db,
      options.clock,
      'UA',
      () => options.settings.view().values.language,
      electronJsonStore<{ demoDismissed: boolean }>('workspace'),
    );
    const database = key === undefined ? { file } : { file, key };
    const showIndexing = (progress: SearchBacklogProgress | undefined) =>
      options.status.set(
        'database',
        progress === undefined
          ? { state: 'ready' }
          : {
              state: 'indexing',
              progress:
                Math.floor((100 * progress.indexed) / (progress.indexed + progress.pending)) / 100,
            },
      );
    const imports = new ImportRunner(database, options.workerFile, options.logger, showIndexing);
    // Ready, or still indexing what an earlier run left: said at once, not from the worker's first report.
    const pending = new SearchBacklog(db.sqlite).pending();
    showIndexing(pending > 0 ? { indexed: 0, pending } : undefined);
    if (pending > 0) imports.resumeIndexing();
    return { base, imports };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.logger.error('database could not be opened', { file, error: message });
    options.status.set('database', { state: 'error', detail: message });
    const strings = options.strings();
    dialog.showErrorBox(
      error instanceof DatabaseTooNewError
        ? strings.databaseTooNewTitle
        : error instanceof DatabaseKeyError
          ? strings.databaseKeyTitle
          : strings.databaseFailedTitle,
      message,
    );
    throw error;
  }
}
