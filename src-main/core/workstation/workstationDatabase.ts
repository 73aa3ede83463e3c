import path from 'node:path';
import { DialAttempts } from '../campaigns/dialAttempts';
import { CallbackList } from '../calls/callbackList';
import { ClientBase } from '../clients/clientBase';
import type { JobDatabase } from '../clients/fileJobs/fileJobTypes';
import { ImportRunner } from '../clients/import/importRunner';
import { SearchBacklog, type SearchBacklogProgress } from '../clients/searchBacklog';
import { DatabaseTooNewError, openDatabase, type PultDatabase } from '../db/database';
import { workstationDatabaseKey, type KeyWrapping } from '../db/databaseKeyFile';
import { DatabaseKeyError } from '../db/encryption';
import type { Clock, JsonStore, Logger } from '../platform/ports';
import type { WorkerTempFolders } from '../platform/workerTemp';
import type { WorkstationStatusBoard } from '../status/workstationStatusBoard';
import type { Language } from '../../../src-shared/settings/userSettingsSchema';

/** The workstation's one database and the services that read and write it. */
export interface WorkstationDatabase {
  db: PultDatabase;
  clients: ClientBase;
  callbacks: CallbackList;
  imports: ImportRunner;
  /** The base as a worker opens it: its file and, in memory only, its key. */
  location: JobDatabase;
}

/** Why the base could not be opened, so the Electron layer can title its dialog. */
export type DatabaseOpenFailure = 'tooNew' | 'key' | 'failed';

export class WorkstationDatabaseError extends Error {
  constructor(
    readonly failure: DatabaseOpenFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WorkstationDatabaseError';
  }
}

/**
 * Opens `pult.sqlite` in the user-data folder and keeps the status bar
 * truthful: opening, ready, indexing what an earlier run left, or the error.
 * A failure is thrown as a WorkstationDatabaseError for the caller to explain.
 */
export async function openWorkstationDatabase(options: {
  userDataDir: string;
  workerFile: string;
  /** The workers' temporary folders. */
  workerTemp: WorkerTempFolders;
  keyWrapping: KeyWrapping;
  clock: Clock;
  logger: Logger;
  language: () => Language;
  status: WorkstationStatusBoard;
  workspaceStore: JsonStore<{ demoDismissed: boolean }>;
}): Promise<WorkstationDatabase> {
  const file = path.join(options.userDataDir, 'pult.sqlite');
  options.status.set('database', { state: 'opening' });
  try {
    // Encrypted at rest with the workstation's key (see databaseKeyFile).
    const key = await workstationDatabaseKey(file, options.keyWrapping, options.logger);
    const db = await openDatabase(file, {
      logger: options.logger,
      clock: options.clock,
      ...(key === undefined ? {} : { key }),
    });
    const clients = new ClientBase(
      db,
      options.clock,
      'UA',
      options.language,
      options.workspaceStore,
    );
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
    const imports = new ImportRunner(
      key === undefined ? { file } : { file, key },
      options.workerFile,
      options.logger,
      showIndexing,
      options.workerTemp,
    );
    // A dial a crash cut between its attempt and its INVITE: counted, and its lead waits (never redialled at once).
    const cutOff = new DialAttempts(db.sqlite, 'startup').recover(options.clock.now());
    if (cutOff > 0) options.logger.warn('outbound: dials cut off by the last exit', { cutOff });
    // Ready, or still indexing what an earlier run left: said at once, not from the worker's first report.
    const pending = new SearchBacklog(db.sqlite).pending();
    showIndexing(pending > 0 ? { indexed: 0, pending } : undefined);
    if (pending > 0) imports.resumeIndexing();
    // After what the start writes as the base opens (the operator's journal), before the window asks.
    setTimeout(() => {
      if (!db.sqlite.open) return;
      try {
        clients.warmUp();
      } catch (error) {
        // Only time is lost: the list counts again when the operator opens it.
        options.logger.warn('the client list could not be counted ahead', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }, 0);
    return {
      db,
      clients,
      callbacks: new CallbackList(db, options.clock),
      imports,
      location: key === undefined ? { file } : { file, key },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.logger.error('database could not be opened', { file, error: message });
    options.status.set('database', { state: 'error', detail: message });
    throw new WorkstationDatabaseError(
      error instanceof DatabaseTooNewError
        ? 'tooNew'
        : error instanceof DatabaseKeyError
          ? 'key'
          : 'failed',
      message,
    );
  }
}
