import path from 'node:path';
import { FileJobRunner } from '../../src-main/core/clients/fileJobs/fileJobRunner';
import type { JobDatabase } from '../../src-main/core/clients/fileJobs/fileJobTypes';
import { mainStrings } from '../../src-main/core/i18n/mainLocales';
import { silentLogger } from '../../src-main/core/platform/ports';
import { WorkerTempFolders } from '../../src-main/core/platform/workerTemp';
import { writeXlsxSheet } from '../../src-main/core/spreadsheets/xlsxSheetWriter';
import { clientQuerySchema } from '../../src-shared/clients/clientSchemas';

export const previewRows = 200_000;

/** A client sheet as an operator would bring one: a header and `rows` clients. */
export async function clientSheet(file: string, rows = previewRows): Promise<void> {
  await writeXlsxSheet(file, 'Клієнти', [
    ['ПІБ', 'Телефон', 'Місто', 'Адреса', 'E-mail'],
    ...Array.from({ length: rows }, (_, i) => [
      `Іваненко Петро ${i}`,
      `+38067${String(i).padStart(7, '0')}`,
      'Київ',
      `вул. Хрещатик, ${i % 200}`,
      `p${i}@example.com`,
    ]),
  ]);
}

/**
 * The file work an operator may start while calls come in, kept running
 * without a pause: the preview of a 200,000-row XLSX and the export of the
 * listed clients (do-not-call ones: 100,000) to XLSX, each started again as
 * soon as it ends, through the app's own FileJobRunner (worker threads).
 */
export function startFileLoad(options: { dir: string; sheet: string; database: JobDatabase }): {
  stop(): Promise<{ previews: number; exports: number; exportedRows: number }>;
} {
  const runner = new FileJobRunner(
    path.join(import.meta.dirname, '../../src-main/core/clients/fileJobs/fileJobWorker.ts'),
    silentLogger,
    new WorkerTempFolders(path.join(options.dir, 'tmp')),
  );
  const strings = mainStrings('uk');
  const stopping = new AbortController();
  const counts = { previews: 0, exports: 0, exportedRows: 0 };
  const previews = (async () => {
    while (!stopping.signal.aborted) {
      await runner.run({ task: 'preview', file: options.sheet });
      counts.previews++;
    }
  })();
  const exports = (async () => {
    while (!stopping.signal.aborted) {
      try {
        const { rows } = await runner.run(
          {
            task: 'export',
            database: options.database,
            query: clientQuerySchema.parse({ doNotCall: 'only' }),
            file: path.join(options.dir, 'export.xlsx'),
            format: 'xlsx',
            actor: 'bench',
            headers: strings.exportHeaders,
            sheetName: strings.exportSheetName,
          },
          { signal: stopping.signal },
        );
        counts.exports++;
        counts.exportedRows = rows;
      } catch (error) {
        // The one export cut off when the load stops; any other failure ends the bench.
        if (!stopping.signal.aborted) throw error;
      }
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await Promise.all([previews, exports]);
      return counts;
    },
  };
}
