import type { PultDatabase } from '../db/database';
import type { Clock } from '../platform/ports';
import { Refusal } from '../platform/refusal';
import { askCenter } from './askCenter';
import { ScriptLibrary } from '../scripts/scriptLibrary';
import type { TargetEdition, TeamConnection } from './pgConnection';

export type PublishingProblem = 'teamOffline' | 'notSupervisor' | 'scriptNotPublished';
export class PublishingRefusal extends Refusal<PublishingProblem> {}

/**
 * What a supervisor publishes for the whole team (issue 19): a script's live
 * version, and the targets in force at this desk. The center numbers the
 * script's versions and keeps every target edition; each desk receives them
 * through the feed, this one too.
 */
export class TeamPublishing {
  private readonly library: ScriptLibrary;

  constructor(
    private readonly db: PultDatabase,
    private readonly deps: {
      clock: Clock;
      connection: () => Promise<Pick<TeamConnection, 'publishScript' | 'publishTargets'>>;
      pullNow: () => Promise<unknown>;
    },
  ) {
    this.library = new ScriptLibrary(db, deps.clock);
  }

  /** The script's live version for every desk of the team; the version the team has. */
  async script(scriptId: number): Promise<{ version: number }> {
    const live = this.library.live(scriptId);
    if (live === undefined) throw new PublishingRefusal('scriptNotPublished');
    const uid = this.db.sqlite
      .prepare('SELECT uid FROM scripts WHERE id = ?')
      .pluck()
      .get(scriptId);
    const version = await this.onCenter((c) => c.publishScript(String(uid), live.graph));
    return { version };
  }

  /** Every target edition this desk has, for the team; how many the team did not have. */
  async targets(): Promise<{ added: number }> {
    const editions = this.db.sqlite
      .prepare(
        `SELECT metric, period, value, version, effective_from AS effectiveFrom FROM targets
         ORDER BY effective_from, metric`,
      )
      .all() as TargetEdition[];
    const added = await this.onCenter((c) => c.publishTargets(editions));
    return { added };
  }

  private async onCenter<T>(
    publish: (connection: Pick<TeamConnection, 'publishScript' | 'publishTargets'>) => Promise<T>,
  ): Promise<T> {
    const answer = await askCenter(
      this.deps.connection,
      publish,
      { offline: 'teamOffline', refusals: { '42501': 'notSupervisor' } },
      (problem: PublishingProblem) => new PublishingRefusal(problem),
    );
    await this.deps.pullNow();
    return answer;
  }
}
