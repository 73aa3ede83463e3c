import { randomUUID } from 'node:crypto';
import { allBuilt, firstBuilt, runBuilt } from '../db/builtStatements';
import { recordChange } from '../db/changeJournal';
import type { PultDatabase } from '../db/database';
import {
  ScriptEntity,
  ScriptRunEntity,
  ScriptVersionEntity,
  type ScriptVersionRow,
} from '../db/entities/scriptEntities';
import type { Clock } from '../platform/ports';
import { scriptGraphSchema, type ScriptGraph } from '../../../src-shared/scripts/scriptGraph';
import { publishProblems, type PublishProblem } from '../../../src-shared/scripts/publishCheck';

export interface ScriptVersionView {
  id: number;
  scriptId: number;
  version: number;
  status: 'draft' | 'published';
  graph: ScriptGraph;
  publishedAt: string | null;
  /** A draft scheduled to be published then. */
  publishAt: string | null;
  createdBy: string;
  createdAt: string;
}

/**
 * The center's scripts and their versions. A published version is frozen
 * (the database refuses to change it); editing one makes the next version, a
 * draft, which publishing turns into the live one only if publishCheck finds
 * nothing, each problem named on its node. Built by TypeORM's query builder,
 * run synchronously on main's connection (builtStatements).
 */
export class ScriptLibrary {
  constructor(
    private readonly db: PultDatabase,
    private readonly clock: Clock,
  ) {}

  /** A new script, its first version a draft. */
  create(graph: ScriptGraph, actor: string): ScriptVersionView {
    const { sqlite, dataSource } = this.db;
    const at = this.clock.now().toISOString();
    return sqlite.transaction(() => {
      const scriptId = Number(
        runBuilt(
          sqlite,
          dataSource
            .createQueryBuilder()
            .insert()
            .into(ScriptEntity)
            .values({ uid: randomUUID(), name: graph.name, createdAt: at, updatedAt: at }),
        ).lastInsertRowid,
      );
      const id = this.insertVersion(scriptId, 1, graph, actor, at);
      recordChange(sqlite, {
        at,
        actor,
        action: 'script.create',
        entity: 'script',
        entityId: scriptId,
        details: { name: graph.name, nodes: graph.nodes.length },
        outbox: { op: 'insert', payload: { scriptId, name: graph.name } },
      });
      return this.mustVersion(id);
    })();
  }

  /**
   * Saves an edit: over the draft when the latest version is one, else as a
   * new draft after the published version, which stays as it was.
   */
  saveDraft(scriptId: number, graph: ScriptGraph, actor: string): ScriptVersionView {
    const { sqlite, dataSource } = this.db;
    const at = this.clock.now().toISOString();
    return sqlite.transaction(() => {
      const latest = this.latest(scriptId);
      if (latest === undefined) throw new Error(`no script ${scriptId}`);
      let id = latest.id;
      if (latest.status === 'draft') {
        // Tries of the draft as it was stand on steps the edit may have taken away.
        runBuilt(
          sqlite,
          dataSource
            .createQueryBuilder()
            .delete()
            .from(ScriptRunEntity)
            .where('version_id = :id AND test = 1', { id }),
        );
        runBuilt(
          sqlite,
          dataSource
            .createQueryBuilder()
            .update(ScriptVersionEntity)
            // An edited draft is no longer the one that was checked and scheduled.
            .set({ graph: JSON.stringify(graph), publishAt: null })
            .where('id = :id', { id }),
        );
      } else id = this.insertVersion(scriptId, latest.version + 1, graph, actor, at);
      runBuilt(
        sqlite,
        dataSource
          .createQueryBuilder()
          .update(ScriptEntity)
          .set({ name: graph.name, updatedAt: at })
          .where('id = :scriptId', { scriptId }),
      );
      return this.mustVersion(id);
    })();
  }

  /**
   * Publishes a draft now, or at a time ahead (checked now, published when
   * due: publishDue), or says on which nodes what stands in the way.
   */
  publish(
    versionId: number,
    actor: string,
    when?: Date,
  ):
    | { published: true; version: ScriptVersionView }
    | { published: false; scheduled?: string; problems: PublishProblem[] } {
    const { sqlite, dataSource } = this.db;
    const version = this.version(versionId);
    if (version === undefined || version.status !== 'draft')
      return { published: false, problems: [] };
    const problems = publishProblems(version.graph);
    if (problems.length > 0) return { published: false, problems };
    if (when !== undefined && when.getTime() > this.clock.now().getTime()) {
      const publishAt = when.toISOString();
      sqlite.transaction(() => {
        runBuilt(
          sqlite,
          dataSource
            .createQueryBuilder()
            .update(ScriptVersionEntity)
            .set({ publishAt })
            .where('id = :versionId', { versionId }),
        );
        recordChange(sqlite, {
          at: this.clock.now().toISOString(),
          actor,
          action: 'script.schedule',
          entity: 'script',
          entityId: version.scriptId,
          details: { version: version.version, publishAt },
          outbox: { op: 'update', payload: { scriptId: version.scriptId, publishAt } },
        });
      })();
      return { published: false, scheduled: publishAt, problems: [] };
    }
    const at = this.clock.now().toISOString();
    sqlite.transaction(() => {
      // The author's tries of the draft go: what the version earns is counted from real calls.
      runBuilt(
        sqlite,
        dataSource
          .createQueryBuilder()
          .delete()
          .from(ScriptRunEntity)
          .where('version_id = :versionId AND test = 1', { versionId }),
      );
      runBuilt(
        sqlite,
        dataSource
          .createQueryBuilder()
          .update(ScriptVersionEntity)
          .set({ status: 'published', publishedAt: at, publishAt: null })
          .where('id = :versionId', { versionId }),
      );
      recordChange(sqlite, {
        at,
        actor,
        action: 'script.publish',
        entity: 'script',
        entityId: version.scriptId,
        details: { version: version.version },
        outbox: { op: 'update', payload: { scriptId: version.scriptId, version: version.version } },
      });
    })();
    return { published: true, version: this.mustVersion(versionId) };
  }

  /** A version written to a file: audited, as every export is. */
  recordExport(version: ScriptVersionView, actor: string): void {
    const { sqlite } = this.db;
    sqlite.transaction(() =>
      recordChange(sqlite, {
        at: this.clock.now().toISOString(),
        actor,
        action: 'script.export',
        entity: 'script',
        entityId: version.scriptId,
        details: { version: version.version, nodes: version.graph.nodes.length },
        outbox: {
          op: 'insert',
          payload: { scriptId: version.scriptId, exported: version.version },
        },
      }),
    )();
  }

  /** Drafts whose scheduled time has come are published (each checked again). */
  publishDue(actor = 'schedule'): number {
    const now = this.clock.now().toISOString();
    const due = allBuilt(
      this.db.sqlite,
      this.db.dataSource
        .getRepository(ScriptVersionEntity)
        .createQueryBuilder('v')
        .select('v.id AS id')
        .where("v.status = 'draft' AND v.publish_at IS NOT NULL AND v.publish_at <= :now", { now }),
    ) as { id: number }[];
    return due.filter(({ id }) => this.publish(id, actor).published).length;
  }

  /**
   * Every script with its live version (the newest published, if any) and
   * its latest one (a draft being edited, or the live one), by name.
   */
  catalogue(): ScriptListing[] {
    const names = allBuilt(
      this.db.sqlite,
      this.db.dataSource
        .getRepository(ScriptEntity)
        .createQueryBuilder('s')
        .select(['s.id AS id', 's.name AS name']),
    ) as { id: number; name: string }[];
    const versions = allBuilt(
      this.db.sqlite,
      this.db.dataSource
        .getRepository(ScriptVersionEntity)
        .createQueryBuilder('v')
        .select([
          'v.id AS id',
          'v.script_id AS scriptId',
          'v.version AS version',
          'v.status AS status',
        ])
        .orderBy('v.version', 'ASC'),
    ) as { id: number; scriptId: number; version: number; status: 'draft' | 'published' }[];
    const listings = new Map<number, ScriptListing>(
      names.map((s) => [
        s.id,
        {
          scriptId: s.id,
          name: s.name,
          live: null,
          latest: { versionId: 0, version: 0, status: 'draft' },
        },
      ]),
    );
    for (const v of versions) {
      const listing = listings.get(v.scriptId);
      if (listing === undefined) continue;
      listing.latest = { versionId: v.id, version: v.version, status: v.status };
      if (v.status === 'published') listing.live = { versionId: v.id, version: v.version };
    }
    return [...listings.values()].sort((a, b) => a.name.localeCompare(b.name, 'uk'));
  }

  /** The version runs start on now: the newest published one. */
  live(scriptId: number): ScriptVersionView | undefined {
    const row = firstBuilt(
      this.db.sqlite,
      this.versionQuery()
        .where('v.scriptId = :scriptId AND v.status = :published', {
          scriptId,
          published: 'published',
        })
        .orderBy('v.version', 'DESC')
        .limit(1),
    ) as RawVersion | undefined;
    return row === undefined ? undefined : toView(row);
  }

  versions(scriptId: number): ScriptVersionView[] {
    return (
      allBuilt(
        this.db.sqlite,
        this.versionQuery()
          .where('v.scriptId = :scriptId', { scriptId })
          .orderBy('v.version', 'ASC'),
      ) as RawVersion[]
    ).map(toView);
  }

  version(id: number): ScriptVersionView | undefined {
    const row = firstBuilt(this.db.sqlite, this.versionQuery().where('v.id = :id', { id })) as
      RawVersion | undefined;
    return row === undefined ? undefined : toView(row);
  }

  private versionQuery() {
    return this.db.dataSource
      .getRepository(ScriptVersionEntity)
      .createQueryBuilder('v')
      .select(versionColumns);
  }

  private mustVersion(id: number): ScriptVersionView {
    const version = this.version(id);
    if (version === undefined) throw new Error(`no script version ${id}`);
    return version;
  }

  private latest(scriptId: number): ScriptVersionView | undefined {
    return this.versions(scriptId).at(-1);
  }

  private insertVersion(
    scriptId: number,
    version: number,
    graph: ScriptGraph,
    actor: string,
    at: string,
  ): number {
    const row: Omit<ScriptVersionRow, 'id'> = {
      scriptId,
      version,
      status: 'draft',
      graph: JSON.stringify(graph),
      createdBy: actor,
      createdAt: at,
      publishedAt: null,
      publishAt: null,
    };
    return Number(
      runBuilt(
        this.db.sqlite,
        this.db.dataSource.createQueryBuilder().insert().into(ScriptVersionEntity).values(row),
      ).lastInsertRowid,
    );
  }
}

export interface ScriptListing {
  scriptId: number;
  name: string;
  live: { versionId: number; version: number } | null;
  latest: { versionId: number; version: number; status: 'draft' | 'published' };
}

const versionColumns = [
  'v.id AS id',
  'v.script_id AS scriptId',
  'v.version AS version',
  'v.status AS status',
  'v.graph AS graph',
  'v.published_at AS publishedAt',
  'v.publish_at AS publishAt',
  'v.created_by AS createdBy',
  'v.created_at AS createdAt',
];

interface RawVersion {
  id: number;
  scriptId: number;
  version: number;
  status: 'draft' | 'published';
  graph: string;
  publishedAt: string | null;
  publishAt: string | null;
  createdBy: string;
  createdAt: string;
}

/** A stored graph is read back through the schema: a row edited by hand is not trusted. */
function toView(row: RawVersion): ScriptVersionView {
  return { ...row, graph: scriptGraphSchema.parse(JSON.parse(row.graph)) };
}
