import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../platform/ports';
import { writePdfTable } from '../spreadsheets/pdfTable';
import { auditedExport, exportTableFile, type ExportAudit } from '../spreadsheets/tableFile';
import type { MainStrings } from '../i18n/mainLocales';
import {
  averageScore,
  type AverageScoreFormula,
} from '../../../src-shared/performance/performancePolicy';

export type AchievementExportStrings = Pick<
  MainStrings,
  | 'achievementsExportHeaders'
  | 'achievementsSheetName'
  | 'achievementVerdicts'
  | 'achievementsAverage'
  | 'achievementsReportTitle'
>;

/**
 * The operator's achievements of a range for the supervisor, as CSV, XLSX
 * or a PDF to print: each with its verdict and the record that backs it, and
 * the average score by the center's formula at the end; audited like every
 * export.
 */
export async function exportAchievements(
  sqlite: BetterSqlite3.Database,
  request: {
    range: { from: string; to: string };
    file: string;
    format: 'csv' | 'xlsx' | 'pdf';
    fileName: string;
    formula: AverageScoreFormula;
    /** For a PDF: a font with Cyrillic. */
    fontFile?: string;
  },
  options: { actor: string; clock: Clock; strings: AchievementExportStrings },
): Promise<number> {
  const rows = sqlite
    .prepare<
      [string, string, string],
      {
        day: string;
        title: string;
        points: number;
        verdict: 'confirmed' | 'unconfirmed';
        backedEntity: string | null;
        backedId: number | null;
        note: string;
      }
    >(
      `SELECT day, kind_title AS title, points, verdict, backed_entity AS backedEntity, backed_id AS backedId, note
       FROM achievements WHERE created_by = ? AND day >= ? AND day <= ? ORDER BY day, id`,
    )
    .all(options.actor, request.range.from, request.range.to);
  const { strings } = options;
  const average = averageScore(rows, request.formula);
  const cells = rows.map((row) => [
    row.day,
    row.title,
    String(row.points),
    strings.achievementVerdicts[row.verdict],
    row.backedEntity === null ? '' : `${row.backedEntity} #${row.backedId ?? ''}`,
    row.note,
  ]);
  const averageText = average === null ? '' : average.toFixed(2);
  const audit: ExportAudit = {
    actor: options.actor,
    clock: options.clock,
    action: 'achievements.export',
    entity: 'achievement',
    fileName: request.fileName,
    filter: { ...request.range },
  };
  const { file, format, fontFile } = request;
  if (format === 'pdf') {
    if (fontFile === undefined) throw new Error('a PDF needs its font');
    return auditedExport(sqlite, format, audit, () =>
      writePdfTable(file, {
        fontFile,
        title: strings.achievementsReportTitle,
        subtitle: `${options.actor} · ${request.range.from} – ${request.range.to}`,
        header: strings.achievementsExportHeaders,
        rows: cells,
        widths: [0.12, 0.24, 0.08, 0.16, 0.14, 0.26],
        footer: `${strings.achievementsAverage}: ${averageText}`,
      }),
    );
  }
  return exportTableFile(
    sqlite,
    {
      file,
      format,
      sheetName: strings.achievementsSheetName,
      header: strings.achievementsExportHeaders,
      rows: [...cells, ['', strings.achievementsAverage, averageText, '', '', '']],
    },
    audit,
  );
}
