import { dialog } from 'electron';
import type { MainStrings } from '../core/i18n/mainLocales';
import {
  openWorkstationDatabase,
  WorkstationDatabaseError,
  type WorkstationDatabase,
} from '../core/workstation/workstationDatabase';

/**
 * The database, opened by core; a base that cannot be opened (from a newer
 * Pult, without its key, broken) is explained in a dialog, and the app stays
 * up so the operator can still read what happened and call IT.
 */
export async function openClientDatabase(
  options: Parameters<typeof openWorkstationDatabase>[0] & { strings: () => MainStrings },
): Promise<WorkstationDatabase> {
  try {
    return await openWorkstationDatabase(options);
  } catch (error) {
    const strings = options.strings();
    const failure = error instanceof WorkstationDatabaseError ? error.failure : 'failed';
    dialog.showErrorBox(
      failure === 'tooNew'
        ? strings.databaseTooNewTitle
        : failure === 'key'
          ? strings.databaseKeyTitle
          : strings.databaseFailedTitle,
      error instanceof Error ? error.message : String(error),
    );
    throw error;
  }
}
