import type { DatabaseKey } from '../../db/encryption';
import type { MainStrings } from '../../i18n/mainLocales';
import type { ClientQuery } from '../../../../src-shared/clients/clientSchemas';
import type { ImportFileProblem } from '../../../../src-shared/clients/importSchemas';
import type { ImportFilePreview } from '../import/importPreview';
import type { ScriptFileResult } from '../../scripts/scriptFile';
import type { CatalogueLoad } from '../../catalogue/catalogueLoader';
import type { OrderQuery } from '../../../../src-shared/orders/orderViews';
import type { AchievementExportStrings } from '../../performance/achievementExport';
import type { DiagnosticsParts } from '../../diagnostics/diagnosticsBundle';
import type { BuildSummary, LeadSource } from '../../campaigns/leadList';
import type { CountryCallingRules } from '../../../../src-shared/campaigns/callingRules';
import type { AverageScoreFormula } from '../../../../src-shared/performance/performancePolicy';

/** The base a job reads and audits in: the key travels in memory only. */
export interface JobDatabase {
  file: string;
  key?: DatabaseKey;
}

/** Work on files that would hold main's event loop: each runs on a worker thread of its own. */
export type FileJob =
  | { task: 'preview'; file: string }
  /** A call script's JSON file, read and checked against the schema. */
  | { task: 'scriptRead'; file: string }
  | { task: 'scriptWrite'; file: string; text: string }
  /** The center's catalogue, checked and taken into the base (once per edition). */
  | { task: 'catalogueLoad'; database: JobDatabase; file: string; actor: string }
  /** The newest catalogue edition the team's supervisors published, taken into the base. */
  | { task: 'teamCatalogue'; database: JobDatabase }
  /** The KATOTTG codifier's settlements, read from its XLSX into the base (once per edition). */
  | { task: 'codifierLoad'; database: JobDatabase; file: string }
  | {
      task: 'export';
      database: JobDatabase;
      query: ClientQuery;
      file: string;
      format: 'csv' | 'xlsx';
      actor: string;
      headers: readonly string[];
      sheetName: string;
    }
  | {
      task: 'ordersExport';
      database: JobDatabase;
      query: Omit<OrderQuery, 'limit' | 'after'>;
      file: string;
      format: 'csv' | 'xlsx';
      actor: string;
      strings: Pick<MainStrings, 'ordersExportHeaders' | 'ordersSheetName' | 'orderStatusNames'>;
    }
  /** The supervisors' schedule (CSV or XLSX): shifts, breaks and short-staffed days into the base. */
  | { task: 'scheduleLoad'; database: JobDatabase; file: string; source: string }
  /** The supervisor's targets file (pult-targets/1): its edition into the base. */
  | { task: 'targetsLoad'; database: JobDatabase; file: string }
  | {
      task: 'achievementsExport';
      database: JobDatabase;
      range: { from: string; to: string };
      file: string;
      format: 'csv' | 'xlsx' | 'pdf';
      /** The font a PDF is written in (Pult ships DejaVu Sans). */
      fontFile?: string;
      actor: string;
      formula: AverageScoreFormula;
      strings: AchievementExportStrings;
    }
  /** A campaign's list built from the client base, every calling rule checked (no file). */
  | {
      task: 'campaignBuild';
      database: JobDatabase;
      campaignId: number;
      source: LeadSource;
      countries: Record<string, CountryCallingRules>;
      at: string;
    }
  /** IT's diagnostics bundle: a zip of what main knows, the logs and the base's health. */
  | { task: 'diagnosticsBundle'; database?: JobDatabase; file: string; parts: DiagnosticsParts }
  | {
      task: 'importReport';
      database: JobDatabase;
      jobId: number;
      file: string;
      actor: string;
      strings: Pick<MainStrings, 'reportHeaders' | 'importReasons'>;
    };

export interface FileJobResults {
  preview: ImportFilePreview;
  scriptRead: ScriptFileResult;
  scriptWrite: { bytes: number };
  catalogueLoad: CatalogueLoad;
  codifierLoad: { loaded: boolean; settlements: number };
  export: { rows: number };
  ordersExport: { rows: number };
  importReport: { rows: number };
  scheduleLoad: {
    shifts: number;
    shortStaffedDays: number;
    problems: { line: number; problem: string }[];
  };
  targetsLoad:
    | { ok: true; added: number; version: string }
    | { ok: false; line: number; field: string; problem: string };
  achievementsExport: { rows: number };
  diagnosticsBundle: { entries: number };
  campaignBuild: BuildSummary;
  teamCatalogue: { version: string; applied: boolean } | null;
}

export type FileJobMessage =
  | { type: 'progress'; rows: number }
  | { type: 'done'; result: FileJobResults[FileJob['task']] }
  | { type: 'failed'; message: string; problem?: ImportFileProblem };

/** A job that could not finish: why, for the log, and a file problem when the file was at fault. */
export class FileJobError extends Error {
  constructor(
    message: string,
    readonly problem?: ImportFileProblem,
  ) {
    super(message);
    this.name = 'FileJobError';
  }
}
