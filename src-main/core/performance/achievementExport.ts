import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../platform/ports';
import { exportTableFile } from '../spreadsheets/tableFile';
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
>;

/**
 * The operator's achievements of a range for the supervisor, as CSV or XLSX:
 * each with its verdict and the record that backs it, and the average score
 * by the center's formula on the last row; audited like every export.
 */
export async function exportAchievements(
  sqlite: BetterSqlite3.Database,
  request: {
    range: { from: string; to: string };
    file: string;
    format: 'csv' | 'xlsx';
    fileName: string;
    formula: AverageScoreFormula;
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
  const table = [
    ...rows.map((row) => [
      row.day,
      row.title,
      String(row.points),
      strings.achievementVerdicts[row.verdict],
      row.backedEntity === null ? '' : `${row.backedEntity} #${row.backedId ?? ''}`,
      row.note,
    ]),
    ['', strings.achievementsAverage, average === null ? '' : average.toFixed(2), '', '', ''],
  ];
  return exportTableFile(
    sqlite,
    {
      file: request.file,
      format: request.format,
      sheetName: strings.achievementsSheetName,
      header: strings.achievementsExportHeaders,
      rows: table,
    },
    {
      actor: options.actor,
      clock: options.clock,
      action: 'achievements.export',
      entity: 'achievement',
      fileName: request.fileName,
      filter: { ...request.range },
    },
  );
}
