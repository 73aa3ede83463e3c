import { AchievementBook } from '../performance/achievementBook';
import { SheetRunner } from '../performance/sheetRunner';
import type { Clock, Logger } from '../platform/ports';
import { DayOffRequests } from '../schedule/dayOffRequests';
import type { PerformancePolicy } from '../../../src-shared/performance/performancePolicy';
import type { WorkstationDatabase } from './workstationDatabase';

/** The performance sheet (on its worker), achievements and the schedule of the open base. */
export function performanceOf(
  base: Pick<WorkstationDatabase, 'db' | 'location'>,
  deps: { clock: Clock; logger: Logger; policy: PerformancePolicy; sheetWorker: string },
) {
  const { sqlite } = base.db;
  return {
    sheets: new SheetRunner(deps.sheetWorker, base.location, deps.logger),
    achievements: new AchievementBook(sqlite, deps.clock, () => deps.policy.achievementKinds),
    dayOff: new DayOffRequests(sqlite, deps.clock),
  };
}
export type WorkstationPerformance = ReturnType<typeof performanceOf>;
