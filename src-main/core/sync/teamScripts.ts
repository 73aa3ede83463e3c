import { z } from 'zod';
import { scriptGraphSchema } from '../../../src-shared/scripts/scriptGraph';
import type { PultDatabase } from '../db/database';
import type { Clock } from '../platform/ports';
import { ScriptLibrary } from '../scripts/scriptLibrary';

/** A script as the team's feed carries it (pult.publish_script). */
const feedScriptSchema = z.object({
  version: z.number().int().min(1),
  graph: scriptGraphSchema,
  publishedBy: z.string().min(1).max(200),
});

export type TeamScriptApplied =
  { kind: 'published'; scriptId: number } | { kind: 'same' } | { kind: 'invalid'; problem: string };

/**
 * Scripts a supervisor published for the team, made this desk's live
 * versions: the script is found by its global id (the desk that published
 * it has it already), or by its name (one the desk had made alone), or made;
 * a changed graph becomes the next published version, by the supervisor.
 * A graph this desk's publishing check refuses (a newer Pult's) is skipped.
 */
export class TeamScripts {
  private readonly library: ScriptLibrary;

  constructor(
    private readonly db: PultDatabase,
    clock: Clock,
  ) {
    this.library = new ScriptLibrary(db, clock);
  }

  apply(uid: string, data: unknown): TeamScriptApplied {
    const parsed = feedScriptSchema.safeParse(data);
    if (!parsed.success) return { kind: 'invalid', problem: z.prettifyError(parsed.error) };
    const { graph, publishedBy } = parsed.data;
    const { sqlite } = this.db;
    const byUid = sqlite.prepare('SELECT id FROM scripts WHERE uid = ?').pluck().get(uid) as
      number | undefined;
    const byName = this.library.catalogue().find((s) => s.name === graph.name)?.scriptId;
    let scriptId = byUid ?? byName;
    if (scriptId === undefined) {
      scriptId = this.library.create(graph, publishedBy).scriptId;
      sqlite.prepare('UPDATE scripts SET uid = ? WHERE id = ?').run(uid, scriptId);
    }
    const live = this.library.live(scriptId);
    if (live !== undefined && JSON.stringify(live.graph) === JSON.stringify(graph))
      return { kind: 'same' };
    const latest = this.library.versions(scriptId).at(-1);
    const draft =
      latest?.status === 'draft' && JSON.stringify(latest.graph) === JSON.stringify(graph)
        ? latest
        : this.library.saveDraft(scriptId, graph, publishedBy);
    const published = this.library.publish(draft.id, publishedBy);
    if (!published.published)
      return {
        kind: 'invalid',
        problem: published.problems.map((p) => `${p.nodeId}: ${p.kind}`).join('; '),
      };
    return { kind: 'published', scriptId };
  }
}
