import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileJobRunner } from '../../core/clients/fileJobs/fileJobRunner';
import type { Logger } from '../../core/platform/ports';
import type { ScriptLibrary } from '../../core/scripts/scriptLibrary';
import { syncShippedScripts } from '../../core/scripts/shippedScripts';

/** At most this many files are read from IT's folder. */
const maxShippedFiles = 200;

/**
 * Reads IT's script folder (each file on a worker thread: a file is checked
 * against the schema there), publishes what changed, and returns the ids of
 * the shipped scripts. A folder that cannot be read, or a bad file, is
 * logged for IT with the line and field at fault; nothing else stops.
 */
export async function readShippedScripts(
  folder: string,
  library: ScriptLibrary,
  files: Pick<FileJobRunner, 'run'>,
  logger: Logger,
): Promise<Set<number>> {
  try {
    const names = (await readdir(folder))
      .filter((name) => name.toLowerCase().endsWith('.json'))
      .sort()
      .slice(0, maxShippedFiles);
    const read = [];
    for (const name of names) {
      const file = path.join(folder, name);
      const result = await files.run({ task: 'scriptRead', file }).catch((error: unknown) => ({
        ok: false as const,
        line: 1,
        field: '',
        problem: `not read: ${String(error)}`,
      }));
      read.push({ file, result });
    }
    const { scriptIds, problems } = syncShippedScripts(library, read);
    for (const problem of problems) logger.warn('a script IT ships was not taken', { ...problem });
    logger.info('scripts IT ships', { folder, files: names.length, scripts: scriptIds.size });
    return scriptIds;
  } catch (error) {
    logger.warn('the scripts folder IT named could not be read', { folder, error: String(error) });
    return new Set();
  }
}
