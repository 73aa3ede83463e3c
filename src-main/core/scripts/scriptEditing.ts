import type { ScriptGraph } from '../../../src-shared/scripts/scriptGraph';
import type { ScriptEditorView } from '../../../src-shared/scripts/scriptEditorView';
import { publishProblems, type PublishProblem } from '../../../src-shared/scripts/publishCheck';
import type { ScriptLibrary, ScriptVersionView } from './scriptLibrary';

/** Why an edit was not taken. */
export type EditRefusal = 'notAllowed' | 'notFound' | 'readOnly';

export interface ScriptEditingDeps {
  library: ScriptLibrary;
  /** IT's policy: whether this operator may edit scripts. */
  mayEdit: (actor: string) => boolean;
  /** Scripts IT ships in its folder: read-only here, whoever opens them. */
  shipped: (scriptId: number) => boolean;
  departments: () => readonly { name: string }[];
  refusalReasons: () => { code: string; label: string }[];
}

/**
 * The editor's side of scripts: a script opened with its latest version and
 * what stands in the way of publishing it (computed on every save, so the
 * problems are on the nodes while the supervisor works), new drafts,
 * publishing now or at a set time, for whoever IT's policy allows.
 */
export class ScriptEditing {
  constructor(private readonly deps: ScriptEditingDeps) {}

  open(scriptId: number, actor: string): ScriptEditorView | undefined {
    this.deps.library.publishDue();
    const versions = this.deps.library.versions(scriptId);
    const latest = versions.at(-1);
    if (latest === undefined) return undefined;
    return {
      scriptId,
      name: latest.graph.name,
      canEdit: this.deps.mayEdit(actor) && !this.deps.shipped(scriptId),
      versions: versions.map(info),
      latest: info(latest),
      graph: latest.graph,
      problems: publishProblems(latest.graph),
      departments: this.deps.departments().map((d) => d.name),
      refusalReasons: this.deps.refusalReasons(),
    };
  }

  create(name: string, actor: string): ScriptEditorView | EditRefusal {
    if (!this.deps.mayEdit(actor)) return 'notAllowed';
    const created = this.deps.library.create(starterScript(name), actor);
    return this.open(created.scriptId, actor) ?? 'notFound';
  }

  /** A script from a file (an export, another center's): a draft of a new script. */
  importGraph(graph: ScriptGraph, actor: string): ScriptEditorView | EditRefusal {
    if (!this.deps.mayEdit(actor)) return 'notAllowed';
    const created = this.deps.library.create(graph, actor);
    return this.open(created.scriptId, actor) ?? 'notFound';
  }

  save(scriptId: number, graph: ScriptGraph, actor: string): ScriptEditorView | EditRefusal {
    const refusal = this.refusal(scriptId, actor);
    if (refusal !== undefined) return refusal;
    this.deps.library.saveDraft(scriptId, graph, actor);
    return this.open(scriptId, actor) ?? 'notFound';
  }

  publish(
    scriptId: number,
    actor: string,
    when?: Date,
  ):
    | {
        published: boolean;
        scheduled: string | null;
        problems: PublishProblem[];
        view: ScriptEditorView;
      }
    | EditRefusal {
    const refusal = this.refusal(scriptId, actor);
    if (refusal !== undefined) return refusal;
    const latest = this.deps.library.versions(scriptId).at(-1);
    if (latest === undefined) return 'notFound';
    const result = this.deps.library.publish(latest.id, actor, when);
    const view = this.open(scriptId, actor);
    if (view === undefined) return 'notFound';
    return result.published
      ? { published: true, scheduled: null, problems: [], view }
      : {
          published: false,
          scheduled: result.scheduled ?? null,
          problems: result.problems,
          view,
        };
  }

  /** One version's graph, for the diff against another. */
  version(versionId: number): ScriptVersionView | undefined {
    return this.deps.library.version(versionId);
  }

  private refusal(scriptId: number, actor: string): EditRefusal | undefined {
    if (!this.deps.mayEdit(actor)) return 'notAllowed';
    if (this.deps.shipped(scriptId)) return 'readOnly';
    if (this.deps.library.versions(scriptId).length === 0) return 'notFound';
    return undefined;
  }
}

function info(version: ScriptVersionView) {
  return {
    versionId: version.id,
    version: version.version,
    status: version.status,
    publishedAt: version.publishedAt,
    publishAt: version.publishAt,
    createdBy: version.createdBy,
    createdAt: version.createdAt,
  };
}

/** A new script: a greeting and an end, to build on. */
export function starterScript(name: string): ScriptGraph {
  return {
    name,
    start: 'start',
    nodes: [
      {
        id: 'start',
        type: 'say',
        text: 'Добрий день, {{client.firstName}}! Мене звати {{agent.name}}.',
        next: 'end',
      },
      { id: 'end', type: 'end', outcome: 'info' },
    ],
  };
}
