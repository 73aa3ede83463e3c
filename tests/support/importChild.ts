/**
 * Runs a client import in its own process, so a test can kill it mid-way:
 *   node --import tsx tests/support/importChild.ts <database> <csv>
 * The base is encrypted, as the app keeps it, with the key in PULT_TEST_DB_KEY.
 * Prints "imported N" after every committed batch. As the app imports: the
 * file read on a thread of its own, the WAL copied on another.
 */
import { importClientsFromCsv } from '../../src-main/core/clients/import/clientImport';
import {
  previewImportFile,
  suggestedSettings,
} from '../../src-main/core/clients/import/importPreview';
import { openDatabase } from '../../src-main/core/db/database';
import { silentLogger, systemClock } from '../../src-main/core/platform/ports';

const [databaseFile, csvFile] = process.argv.slice(2) as [string, string];
const key = process.env['PULT_TEST_DB_KEY'];
const db = await openDatabase(databaseFile, {
  logger: silentLogger,
  ...(key === undefined ? {} : { key }),
});
const preview = await previewImportFile(csvFile);
await importClientsFromCsv(db.sqlite, csvFile, suggestedSettings(preview, 'skip'), {
  actor: 'operator1',
  region: 'UA',
  clock: systemClock,
  batchSize: 2000,
  rowThread: new URL('./clientRowThread.mjs', import.meta.url),
  checkpointThread: { file: new URL('./walCheckpointThread.mjs', import.meta.url), key },
  onProgress: (p) => process.stdout.write(`imported ${p.rowsImported}\n`),
});
process.stdout.write('finished\n');
await db.close();
