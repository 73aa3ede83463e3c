import type { PultDatabase } from '../db/database';
import type { Clock } from '../platform/ports';
import { Refusal } from '../platform/refusal';
import { askCenter } from './askCenter';
import { ScriptLibrary } from '../scripts/scriptLibrary';
import { TeamCatalogues } from '../catalogue/teamCatalogues';
import type { TargetEdition, TeamConnection } from './pgConnection';

export type PublishingProblem =
  'teamOffline' | 'notSupervisor' | 'scriptNotPublished' | 'catalogueMissing';
export class PublishingRefusal extends Refusal<PublishingProblem> {}

type Publisher = Pick<TeamConnection, 'publishScript' | 'publishTargets' | 'publishCatalogue'>;

/**
 * What a supervisor publishes for the whole team (issue 19): a script's live
 * version, the targets and the catalogue in force at this desk. The center
 * numbers the script's versions and keeps every target and catalogue
 * edition; each desk receives them through the feed, this one too.
 */
export class TeamPublishing {
  private readonly library: ScriptLibrary;

  constructor(
    private readonly db: PultDatabase,
    private readonly deps: {
      clock: Clock;
      connection: () => Promise<Publisher>;
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

  /**
   * The catalogue in force at this desk (products, tariffs, promotions, articles) for every
   * desk of the team; whether the team did not have this edition yet.
   */
  async catalogue(): Promise<{ version: string; shared: boolean }> {
    const edition = new TeamCatalogues(this.db.sqlite).inForce();
    if (edition === undefined) throw new PublishingRefusal('catalogueMissing');
    const shared = await this.onCenter((c) => c.publishCatalogue(edition.sha256, edition.body));
    return { version: edition.version, shared };
  }

  private async onCenter<T>(publish: (connection: Publisher) => Promise<T>): Promise<T> {
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
