import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import { IpcRejection } from '../result';

/**
 * Waits for the database; one that could not be opened answers every request
 * that needs it with the reason (the operator has already seen it in a dialog).
 */
export function openedDatabase(
  database: () => Promise<WorkstationDatabase>,
): () => Promise<WorkstationDatabase> {
  return async () => {
    try {
      return await database();
    } catch (error) {
      throw new IpcRejection(
        'databaseUnavailable',
        error instanceof Error ? error.message : String(error),
      );
    }
  };
}
