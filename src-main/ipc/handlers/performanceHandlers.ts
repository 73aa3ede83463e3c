import type { FileJobRunner } from '../../core/clients/fileJobs/fileJobRunner';
import type { MainStrings } from '../../core/i18n/mainLocales';
import { takeTargets } from '../../core/performance/targetEditions';
import type { AchievementProblem } from '../../core/performance/achievementBook';
import type { Clock, Logger } from '../../core/platform/ports';
import type { DayOffProblem } from '../../core/schedule/dayOffRequests';
import { scheduleWeek } from '../../core/schedule/scheduleWeek';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import type { WorkstationPerformance } from '../../core/workstation/workstationPerformance';
import type { PerformancePolicy } from '../../../src-shared/performance/performancePolicy';
import type { Language } from '../../../src-shared/settings/userSettingsSchema';
import { IpcRejection, type RefusalCode } from '../result';
import { refusalsAsCodes } from './refusalsAsCodes';
import type { FileDialogs } from './fileDialogs';
import type { HandlersOf } from './handlerTypes';
import path from 'node:path';

// Every problem these domains refuse with has its sentence in the window: the compiler checks it.
true satisfies AchievementProblem | DayOffProblem extends RefusalCode ? true : never;

const scheduleFailures = ['scheduleTooLarge', 'scheduleColumnsMissing', 'scheduleEmpty'] as const;

/**
 * The operator's performance sheet (on its worker), their achievements and
 * the schedule with day-off requests. IT's targets (policy and the
 * supervisor's file) and the schedule file IT names are taken in once per
 * opened base, before the first sheet or week is read.
 */
export function performanceHandlers(deps: {
  database: () => Promise<WorkstationDatabase>;
  performance: () => Promise<WorkstationPerformance>;
  policy: PerformancePolicy;
  actor: string;
  /** The operator's name as the schedule may write it (the SIP display name). */
  operatorName: () => string;
  clock: Clock;
  logger: Logger;
  language: () => Language;
  strings: () => MainStrings;
  dialogs: FileDialogs;
  files: FileJobRunner;
  /** The font PDF reports are written in. */
  pdfFontFile: string;
}): HandlersOf<'performance.' | 'schedule.'> {
  const { actor, clock, policy, files, logger } = deps;
  let takenFor: WorkstationDatabase | undefined;
  let taking: Promise<void> = Promise.resolve();
  /** IT's targets and schedule, taken into this base once (files on workers). */
  const referenceTaken = async () => {
    const base = await deps.database();
    if (takenFor !== base) {
      takenFor = base;
      taking = (async () => {
        takeTargets(base.db.sqlite, policy.targets, 'policy', clock.now().toISOString());
        if (policy.targetsFile !== undefined) {
          const read = await files
            .run({ task: 'targetsLoad', database: base.location, file: policy.targetsFile })
            .catch((error: unknown) => ({
              ok: false as const,
              problem: String(error),
              line: 0,
              field: '',
            }));
          if (!read.ok)
            logger.error('the targets file was refused', { file: policy.targetsFile, ...read });
        }
        if (policy.scheduleFile !== undefined) {
          await files
            .run({
              task: 'scheduleLoad',
              database: base.location,
              file: policy.scheduleFile,
              source: path.basename(policy.scheduleFile),
            })
            .catch((error: unknown) =>
              logger.error('the schedule file was refused', {
                file: policy.scheduleFile,
                error: String(error),
              }),
            );
        }
      })();
    }
    await taking;
  };
  const sheetOptions = () => ({
    actor,
    language: deps.language(),
    callbackGraceMinutes: policy.callbackGraceMinutes,
    defaultShift: policy.shift,
    scheduleNames: [deps.operatorName()],
  });
  return {
    'performance.sheet': async ({ range }) => {
      await referenceTaken();
      const { sheets } = await deps.performance();
      return sheets.ask({
        type: 'sheet',
        range,
        options: sheetOptions(),
        now: clock.now().toISOString(),
      });
    },
    'performance.calls': async ({ metric, range }) => {
      const { sheets } = await deps.performance();
      return sheets.ask({ type: 'drill', metric, range });
    },
    'performance.achievements': async ({ range }) => {
      const { achievements } = await deps.performance();
      return achievements.sheet(range, actor, policy.averageScore, deps.language());
    },
    'performance.addAchievement': async (input) => {
      const { achievements } = await deps.performance();
      const id = refusalsAsCodes(() => achievements.add(input, actor));
      const added = achievements
        .sheet({ from: input.day, to: input.day }, actor, policy.averageScore, deps.language())
        .items.find((item) => item.id === id);
      return { id, verdict: added?.verdict ?? 'unconfirmed' };
    },
    'performance.exportAchievements': async ({ range, format }) => {
      const { location } = await deps.database();
      const texts = deps.strings();
      const file = await deps.dialogs.chooseSaveFile(
        texts.achievementsExportTitle,
        `${texts.achievementsExportFileName}-${range.from}-${range.to}.${format}`,
        format,
      );
      if (file === undefined) return { saved: false, rows: 0 };
      try {
        const { rows } = await files.run({
          task: 'achievementsExport',
          database: location,
          range,
          file,
          format,
          actor,
          formula: policy.averageScore,
          fontFile: deps.pdfFontFile,
          strings: {
            achievementsExportHeaders: texts.achievementsExportHeaders,
            achievementsSheetName: texts.achievementsSheetName,
            achievementVerdicts: texts.achievementVerdicts,
            achievementsAverage: texts.achievementsAverage,
            achievementsReportTitle: texts.achievementsReportTitle,
          },
        });
        return { saved: true, rows };
      } catch (error) {
        throw new IpcRejection(
          'fileNotWritten',
          `The achievements export failed: ${String(error)}`,
        );
      }
    },
    'schedule.week': async ({ weekStart }) => {
      await referenceTaken();
      const base = await deps.database();
      const { dayOff } = await deps.performance();
      return scheduleWeek(base.db.sqlite, dayOff, weekStart, {
        actor,
        names: [deps.operatorName()],
      });
    },
    'schedule.load': async () => {
      const base = await deps.database();
      const texts = deps.strings();
      const file = await deps.dialogs.chooseOpenFile(
        texts.scheduleLoadTitle,
        texts.scheduleFilterName,
        ['csv', 'txt', 'xlsx'],
      );
      const none = { loaded: false, shifts: 0, shortStaffedDays: 0, problems: [] };
      if (file === undefined) return { ...none, failure: null };
      try {
        const read = await files.run({
          task: 'scheduleLoad',
          database: base.location,
          file,
          source: path.basename(file),
        });
        return { loaded: true, ...read, failure: null };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn('a schedule file was refused', { file: path.basename(file), message });
        const failure = scheduleFailures.find((f) => f === message) ?? 'unreadable';
        return { ...none, failure };
      }
    },
    'schedule.requestDayOff': async (input) => {
      const { dayOff } = await deps.performance();
      const id = refusalsAsCodes(() => dayOff.request(input, actor));
      const made = dayOff.between(input.day, input.day, actor).find((r) => r.id === id);
      if (made === undefined) throw new Error('the request just made is not there');
      return made;
    },
  };
}
