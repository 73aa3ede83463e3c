/**
 * Worker-thread entry of one file job (fileJobTypes): a preview, an export or
 * an import report, run here so that main's event loop, which answers calls,
 * never waits on a file, a spreadsheet or a page of a million clients.
 * Bundled as its own file (dist/main/fileJobWorker.js).
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { prepareConnection } from '../../db/connection';
import { systemClock } from '../../platform/ports';
import { exportClients } from '../clientExport';
import { previewImportFile } from '../import/importPreview';
import { ImportFileError } from '../import/importFileError';
import { SpreadsheetError } from '../../spreadsheets/spreadsheetError';
import type { FileJob, FileJobMessage, FileJobResults, JobDatabase } from './fileJobTypes';
import { saveImportReport } from './importReportFile';
import { readScriptFileAt } from '../../scripts/scriptFile';
import { writeFile } from 'node:fs/promises';
import { applyCatalogue, readCatalogueFile } from '../../catalogue/catalogueLoader';
import { loadCodifier } from '../../knowledge/settlementCodifier';
import { exportOrders } from '../../orders/orderExport';
import { applySchedule, readScheduleFile } from '../../schedule/scheduleFile';
import { readJsonFileAt } from '../../platform/jsonFile';
import { targetsFileSchema } from '../../../../src-shared/performance/performancePolicy';
import { fileTargets, takeTargets } from '../../performance/targetEditions';
import { exportAchievements } from '../../performance/achievementExport';
import { writeDiagnosticsBundle } from '../../diagnostics/diagnosticsBundle';
import { buildLeads } from '../../campaigns/leadList';
import { takeTeamCatalogue } from '../../catalogue/teamCatalogues';

const job = workerData as FileJob;
const post = (message: FileJobMessage) => parentPort?.postMessage(message);

function open(database: JobDatabase): Database.Database {
  const sqlite = new Database(database.file);
  // Reads and one audit row: it waits for the app's writes like the import does.
  prepareConnection(sqlite, { key: database.key, busyTimeoutMs: 10_000 });
  return sqlite;
}

/** With the base opened for the job, and closed again before the job says it is done. */
async function withBase<T>(database: JobDatabase, work: (sqlite: Database.Database) => Promise<T>) {
  const sqlite = open(database);
  try {
    return await work(sqlite);
  } finally {
    sqlite.close();
  }
}

async function perform(): Promise<FileJobResults[FileJob['task']]> {
  switch (job.task) {
    case 'preview':
      return previewImportFile(job.file);
    case 'scriptRead':
      return readScriptFileAt(job.file);
    case 'scriptWrite':
      await writeFile(job.file, job.text, 'utf8');
      return { bytes: Buffer.byteLength(job.text, 'utf8') };
    case 'catalogueLoad': {
      const read = await readCatalogueFile(job.file);
      if (!read.ok) return { ok: false, line: read.line, field: read.field, problem: read.problem };
      const { file, actor } = job;
      return withBase(job.database, (sqlite) => {
        const { applied } = applyCatalogue(sqlite, read.value, {
          sha256: read.sha256 ?? '',
          source: file,
          at: systemClock.now().toISOString(),
          actor,
        });
        return Promise.resolve({ ok: true as const, applied, version: read.value.version });
      });
    }
    case 'teamCatalogue':
      return withBase(job.database, (sqlite) =>
        Promise.resolve(takeTeamCatalogue(sqlite, systemClock.now().toISOString()) ?? null),
      );
    case 'codifierLoad': {
      const { file } = job;
      return withBase(job.database, (sqlite) =>
        loadCodifier(sqlite, file, systemClock.now().toISOString()),
      );
    }
    case 'export':
      return withBase(job.database, async (sqlite) => ({
        rows: await exportClients(sqlite, job.query, job.file, job.format, {
          actor: job.actor,
          clock: systemClock,
          headers: job.headers,
          sheetName: job.sheetName,
          fileName: path.basename(job.file),
          onRow: (done) => {
            if (done % 1000 === 0) post({ type: 'progress', rows: done });
          },
        }),
      }));
    case 'ordersExport': {
      const { query, file, format, actor, strings } = job;
      return withBase(job.database, async (sqlite) => ({
        rows: await exportOrders(sqlite, query, file, format, {
          actor,
          clock: systemClock,
          headers: strings.ordersExportHeaders,
          sheetName: strings.ordersSheetName,
          statusNames: strings.orderStatusNames,
          fileName: path.basename(file),
          onRow: (done) => {
            if (done % 1000 === 0) post({ type: 'progress', rows: done });
          },
        }),
      }));
    }
    case 'scheduleLoad': {
      const read = await readScheduleFile(job.file);
      const { source } = job;
      return withBase(job.database, (sqlite) => {
        applySchedule(sqlite, read, source, systemClock.now().toISOString());
        return Promise.resolve({
          shifts: read.shifts.length,
          shortStaffedDays: read.staffing.length,
          problems: read.problems.slice(0, 50),
        });
      });
    }
    case 'targetsLoad': {
      const read = await readJsonFileAt(job.file, targetsFileSchema, 256 * 1024);
      if (!read.ok) return { ok: false, line: read.line, field: read.field, problem: read.problem };
      const { file } = job;
      return withBase(job.database, (sqlite) =>
        Promise.resolve({
          ok: true as const,
          added: takeTargets(
            sqlite,
            fileTargets(read.value),
            path.basename(file),
            systemClock.now().toISOString(),
          ),
          version: read.value.version,
        }),
      );
    }
    case 'achievementsExport': {
      const { range, file, format, actor, formula, strings, fontFile } = job;
      return withBase(job.database, async (sqlite) => ({
        rows: await exportAchievements(
          sqlite,
          {
            range,
            file,
            format,
            fileName: path.basename(file),
            formula,
            ...(fontFile === undefined ? {} : { fontFile }),
          },
          { actor, clock: systemClock, strings },
        ),
      }));
    }
    case 'campaignBuild': {
      const { campaignId, source, at, countries } = job;
      return withBase(job.database, (sqlite) =>
        Promise.resolve(
          buildLeads(sqlite, { campaignId, source, at }, countries, (rows) =>
            post({ type: 'progress', rows }),
          ),
        ),
      );
    }
    case 'diagnosticsBundle': {
      const { file, parts, database } = job;
      if (database === undefined) return writeDiagnosticsBundle(file, parts, undefined);
      return withBase(database, (sqlite) =>
        writeDiagnosticsBundle(file, parts, { sqlite, file: database.file }),
      );
    }
    case 'importReport':
      return withBase(job.database, async (sqlite) => ({
        rows: await saveImportReport(sqlite, job, systemClock),
      }));
  }
}

try {
  post({ type: 'done', result: await perform() });
} catch (error) {
  const problem =
    error instanceof ImportFileError
      ? error.fileProblem
      : error instanceof SpreadsheetError
        ? { problem: error.problem }
        : undefined;
  post({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
    ...(problem === undefined ? {} : { problem }),
  });
}
