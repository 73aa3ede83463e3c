import { firstBuilt } from '../db/builtStatements';
import { recordChange } from '../db/changeJournal';
import { ClientEntity } from '../db/entities/clientEntities';
import { ScriptRunEntity } from '../db/entities/scriptEntities';
import { InteractionEntity } from '../db/entities/workEntities';
import type { PultDatabase } from '../db/database';
import type { Clock } from '../platform/ports';
import type { Disposition } from '../../../src-shared/calls/wrapUpSchema';
import type { ScriptClientField, ScriptNode } from '../../../src-shared/scripts/scriptGraph';
import {
  sharedRunSchema,
  type RunAnswer,
  type RunNode,
  type RunStepAhead,
  type RunSummary,
  type ScriptRunView,
  type SharedRun,
} from '../../../src-shared/scripts/scriptRunView';
import { checkAnswer, type AnswerProblem } from './answerCheck';
import type { ScriptLibrary } from './scriptLibrary';
import { scriptForLine, type ScriptLine } from './scriptLines';
import type { PublishedGraph, RunState, ScriptRuns } from './scriptRuns';
import { fillScriptText, scriptClientFields } from './scriptText';

type Language = 'uk' | 'en';

export interface ScriptDeskDeps {
  db: PultDatabase;
  library: ScriptLibrary;
  runs: ScriptRuns;
  clock: Clock;
  /** IT's policy: which line gets which script. */
  lines: () => readonly ScriptLine[];
  /** IT's department lines, for a transfer node's number. */
  departments: () => readonly { name: string; number: string }[];
  /** The center's refusal reasons now offered, in the operator's language. */
  refusalReasons: (language: Language) => { code: string; label: string }[];
  /** A client's fields as scripts name them (scriptClientFields), or undefined for none. */
  client: (clientId: number) => Record<string, string> | undefined;
  agentName: () => string;
  /**
   * Writes an input's answer to the client's card (the field the script
   * names), as an edit of the card by the operator; false when the card does
   * not take the value.
   */
  writeClientField: (
    clientId: number,
    field: ScriptClientField,
    value: string,
    actor: string,
  ) => boolean;
  /** IT's policy: what an operator may do in a run. */
  operatorsMay: () => { goBack: boolean; finishEarly: boolean };
}

/** What a script's end node proposes for wrap-up. */
export interface ScriptSuggestion {
  runId: number;
  disposition: Disposition | null;
  refusalReason: string | null;
}

/** Whom a test run speaks to: a made-up client, never a real one's data. */
const sampleClient = scriptClientFields({
  fullName: 'Коваленко Олена Петрівна',
  city: 'Київ',
  address: 'вул. Хрещатик, 1, кв. 1',
  email: 'olena@example.com',
  personalAccount: '1000000',
  notes: '',
});

/** A run left unfinished this recently goes on in the client's next call, and is listed to go on with. */
const resumeWithinDays = 14;

/** Texts in lists and answers are cut here: the runner shows the node's in full. */
const promptLength = 160;

/**
 * The operator's side of scripts: which script a call gets (by its line, in
 * IT's policy), the run drawn for the runner (texts filled in, ways on
 * numbered, refusal reasons from the center's list), the answers for the
 * card, and what an ended run proposes for wrap-up.
 */
export class ScriptDesk {
  constructor(private readonly deps: ScriptDeskDeps) {}

  catalogue() {
    this.deps.library.publishDue();
    return this.deps.library.catalogue().map((s) => ({
      scriptId: s.scriptId,
      name: s.name,
      liveVersion: s.live?.version ?? null,
      latestVersion: s.latest.version,
      latestStatus: s.latest.status,
    }));
  }

  /**
   * The run of a call: the one already started on it (after a reload, a
   * kill), else the client's run left unfinished in an earlier call (a
   * callback goes on where it stopped), else a new one of the script IT
   * gives its line. Started once the
   * call is answered and its caller looked up, so the script opens with the
   * client's data. Null when the line has no script: the operator picks one.
   */
  forCall(
    call: {
      interactionId: number;
      clientId: number | null;
      line: string | null;
      /** The script of the call list the call was dialled from, which comes before the line's. */
      campaignScript?: string | null;
    },
    actor: string,
    language: Language,
  ): ScriptRunView | null {
    const existing = this.deps.runs.runOfInteraction(call.interactionId);
    if (existing !== undefined) return this.view(existing, language);
    // A callback, or the caller ringing back after a cut-off call: the run goes on where it stopped.
    const left =
      call.clientId === null
        ? undefined
        : this.deps.runs.unfinishedOfClient(call.clientId, this.resumeSince().toISOString());
    if (left !== undefined) {
      this.deps.runs.moveToCall(left, call.interactionId);
      return this.view(left, language);
    }
    const name = call.campaignScript ?? scriptForLine(this.deps.lines(), call.line);
    if (name === undefined) return null;
    this.deps.library.publishDue();
    const listing = this.deps.library.catalogue().find((s) => s.name === name);
    if (listing?.live == null) return null;
    return this.view(
      this.deps.runs.start(listing.live.versionId, {
        actor,
        interactionId: call.interactionId,
        ...(call.clientId === null ? {} : { clientId: call.clientId }),
      }).runId,
      language,
    );
  }

  /**
   * A run of a script's live version, for a call or on its own; 'notPublished'
   * for a script without one, 'notFound' for a call or client the base lacks.
   */
  start(
    scriptId: number,
    who: { actor: string; interactionId?: number; clientId?: number },
    language: Language,
  ): ScriptRunView | 'notPublished' | 'notFound' {
    const live = this.deps.library.catalogue().find((s) => s.scriptId === scriptId)?.live;
    if (live == null) return 'notPublished';
    if (who.interactionId !== undefined && !this.knows('call', who.interactionId))
      return 'notFound';
    if (who.clientId !== undefined && !this.knows('client', who.clientId)) return 'notFound';
    return this.view(this.deps.runs.start(live.versionId, who).runId, language);
  }

  /** Whether the base has the run, call or client a request names. */
  knows(what: 'run' | 'call' | 'client', id: number): boolean {
    const entity =
      what === 'run' ? ScriptRunEntity : what === 'call' ? InteractionEntity : ClientEntity;
    return (
      firstBuilt(
        this.deps.db.sqlite,
        this.deps.db.dataSource
          .getRepository<{ id: number }>(entity)
          .createQueryBuilder('row')
          .select('row.id AS id')
          .where('row.id = :id', { id }),
      ) !== undefined
    );
  }

  /**
   * The author tries the script's latest version (a draft, as it is saved)
   * with a sample client: a test run, counted nowhere.
   */
  startTest(scriptId: number, actor: string, language: Language): ScriptRunView | 'notPublished' {
    const latest = this.deps.library.catalogue().find((s) => s.scriptId === scriptId)?.latest;
    if (latest === undefined || latest.versionId === 0) return 'notPublished';
    return this.view(this.deps.runs.start(latest.versionId, { actor, test: true }).runId, language);
  }

  answer(
    runId: number,
    value: string | undefined,
    language: Language,
    actor = 'operator',
    at?: string,
  ): { ok: true; view: ScriptRunView } | { ok: false; problem: AnswerProblem } {
    const graph = this.deps.runs.published(this.deps.runs.info(runId).versionId);
    const state = this.deps.runs.state(runId);
    // Answered on a step the run has left: not taken for the step it stands on.
    if (at !== undefined && state.node.id !== at) return { ok: false, problem: 'moved' };
    // A refusal's reason is one the center offers; an old code is not taken.
    if (state.node.type === 'offer' && value?.startsWith('refused:') === true) {
      const code = value.slice('refused:'.length);
      if (!this.deps.refusalReasons(language).some((r) => r.code === code))
        return { ok: false, problem: 'noSuchChoice' };
    }
    // An answer that goes in the card is checked, then written there, before the run goes on.
    const { node } = state;
    const clientId = this.deps.runs.info(runId).clientId;
    if (node.type === 'input' && node.clientField !== undefined && clientId !== null) {
      const problem = checkAnswer(node, value ?? '');
      if (problem !== undefined) return { ok: false, problem };
      const typed = (value ?? '').normalize('NFC').trim();
      if (typed !== '' && !this.deps.writeClientField(clientId, node.clientField, typed, actor))
        return { ok: false, problem: 'clientFieldInvalid' };
    }
    const result = this.deps.runs.answer(runId, value);
    if (!result.ok) return result;
    if (result.state.ended) this.share(runId, language, actor);
    return { ok: true, view: this.draw(result.state, graph, language) };
  }

  /** Back a step, where IT's policy lets operators go back ('notAllowed' where not). */
  back(runId: number, language: Language): ScriptRunView | 'notAllowed' {
    if (!this.deps.operatorsMay().goBack) return 'notAllowed';
    this.deps.runs.back(runId);
    return this.view(runId, language);
  }

  /** The script finished before its end, where IT's policy lets operators do so. */
  finish(runId: number, actor: string, language: Language): ScriptRunView | 'notAllowed' {
    if (!this.deps.operatorsMay().finishEarly) return 'notAllowed';
    const state = this.deps.runs.state(runId);
    if (!state.ended) {
      this.deps.runs.finish(runId);
      const { sqlite } = this.deps.db;
      sqlite.transaction(() =>
        recordChange(sqlite, {
          at: this.deps.clock.now().toISOString(),
          actor,
          action: 'script.finishedEarly',
          entity: 'scriptRun',
          entityId: runId,
          details: { node: state.node.id },
          outbox: { op: 'update', payload: { runId, finishedAt: state.node.id } },
        }),
      )();
      this.share(runId, language, actor);
    }
    return this.view(runId, language);
  }

  view(runId: number, language: Language): ScriptRunView {
    const state = this.deps.runs.state(runId);
    return this.draw(state, this.deps.runs.published(state.versionId), language);
  }

  /** The operator's runs left unfinished (a reload, a kill, a call cut off), newest first. */
  unfinished(actor: string, language: Language): RunSummary[] {
    return this.deps.runs
      .unfinished(actor, this.resumeSince().toISOString())
      .map((runId) => this.summary(runId, language));
  }

  /** A client's runs with their answers, newest first, for the card: this desk's, and colleagues' (team mode). */
  ofClient(clientId: number, language: Language, limit = 20): RunSummary[] {
    return [
      ...this.deps.runs.ofClient(clientId, limit).map((runId) => this.summary(runId, language)),
      ...this.teamRuns(clientId, limit),
    ]
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
      .slice(0, limit);
  }

  /** What the call's run, ended on an end node, proposes for wrap-up. */
  suggestion(interactionId: number): ScriptSuggestion | null {
    const runId = this.deps.runs.runOfInteraction(interactionId);
    if (runId === undefined) return null;
    const state = this.deps.runs.state(runId);
    if (!state.ended || state.node.type !== 'end') return null;
    return {
      runId,
      disposition: state.node.outcome ?? null,
      refusalReason: state.node.refusalReason ?? this.lastRefusal(runId) ?? null,
    };
  }

  /** The operator saved another outcome than the script proposed: recorded, with both. */
  recordOverride(
    suggestion: ScriptSuggestion,
    chosen: { disposition: string | null; refusalReason: string | null },
    interactionId: number,
    actor: string,
  ): void {
    if (
      chosen.disposition === suggestion.disposition &&
      (chosen.disposition !== 'refused' || chosen.refusalReason === suggestion.refusalReason)
    )
      return;
    const { sqlite } = this.deps.db;
    sqlite.transaction(() =>
      recordChange(sqlite, {
        at: this.deps.clock.now().toISOString(),
        actor,
        action: 'script.outcomeChanged',
        entity: 'interaction',
        entityId: interactionId,
        details: {
          runId: suggestion.runId,
          proposed: {
            disposition: suggestion.disposition,
            refusalReason: suggestion.refusalReason,
          },
          saved: chosen,
        },
        outbox: { op: 'insert', payload: { interactionId, runId: suggestion.runId, ...chosen } },
      }),
    )();
  }

  /** Runs older than this are not taken up again: the call they were for is long gone. */
  private resumeSince(): Date {
    return new Date(this.deps.clock.now().getTime() - resumeWithinDays * 864e5);
  }

  private lastRefusal(runId: number): string | undefined {
    return lastRefusalIn(this.deps.runs.answered(runId));
  }

  private summary(runId: number, language: Language): RunSummary {
    const info = this.deps.runs.info(runId);
    const state = this.deps.runs.state(runId);
    const view = this.draw(state, this.deps.runs.published(state.versionId), language, false);
    return {
      runId,
      scriptName: view.scriptName,
      version: view.version,
      startedAt: info.startedAt,
      endedAt: info.endedAt,
      clientId: info.clientId,
      interactionId: info.interactionId,
      nodeText: view.node.text.slice(0, promptLength),
      answers: view.answers,
      outcome: view.ended ? view.node.outcome : null,
      by: null,
    };
  }

  /**
   * An ended run goes to the team in the outbox (sent when team mode is on):
   * a colleague who takes the call, or the client's next call, sees on the
   * card what was answered here. A try of a draft, or a run without a
   * client, stays here.
   */
  private share(runId: number, language: Language, actor: string): void {
    const info = this.deps.runs.info(runId);
    if (info.test || info.clientId === null || info.endedAt === null) return;
    const { sqlite } = this.deps.db;
    const ids = sqlite
      .prepare(
        `SELECT r.uid AS run, c.uid AS client, i.uid AS call FROM script_runs r
         JOIN clients c ON c.id = r.client_id LEFT JOIN interactions i ON i.id = r.interaction_id
         WHERE r.id = ?`,
      )
      .get(runId) as { run: string | null; client: string | null; call: string | null } | undefined;
    if (ids?.run == null || ids.client === null) return;
    const summary = this.summary(runId, language);
    const shared: SharedRun = {
      scriptName: summary.scriptName,
      version: summary.version,
      startedAt: summary.startedAt,
      endedAt: summary.endedAt,
      nodeText: summary.nodeText,
      answers: summary.answers,
      outcome: summary.outcome,
    };
    sqlite.transaction(() =>
      recordChange(sqlite, {
        at: this.deps.clock.now().toISOString(),
        actor,
        action: 'script.runEnded',
        entity: 'scriptRun',
        entityId: runId,
        details: { answers: shared.answers.length, outcome: shared.outcome },
        outbox: {
          op: 'insert',
          payload: {
            run: { uid: ids.run, clientUid: ids.client, callUid: ids.call, summary: shared },
          },
        },
      }),
    )();
  }

  /** Colleagues' runs for a client (team mode), newest first, as their runners drew them. */
  private teamRuns(clientId: number, limit: number): RunSummary[] {
    const rows = this.deps.db.sqlite
      .prepare(
        `SELECT t.operator, t.summary FROM team_script_runs t JOIN clients c ON c.uid = t.client_uid
         WHERE c.id = ? ORDER BY t.received_at DESC LIMIT ?`,
      )
      .all(clientId, limit) as { operator: string; summary: string }[];
    return rows.flatMap(({ operator, summary }) => {
      const parsed = sharedRunSchema.safeParse(JSON.parse(summary));
      return parsed.success
        ? [{ ...parsed.data, runId: 0, clientId, interactionId: null, by: operator }]
        : [];
    });
  }

  private draw(
    state: RunState,
    graph: PublishedGraph,
    language: Language,
    withAhead = true,
  ): ScriptRunView {
    const info = this.deps.runs.info(state.runId);
    const reasons = this.deps.refusalReasons(language);
    const drawing: Drawing = {
      graph,
      clientId: info.clientId,
      client:
        (info.clientId !== null
          ? this.deps.client(info.clientId)
          : info.test
            ? sampleClient
            : undefined) ?? {},
      agentName: this.deps.agentName(),
      reasons,
      reasonLabel: (code) => reasons.find((r) => r.code === code)?.label ?? code,
      departments: this.deps.departments(),
      may: this.deps.operatorsMay(),
    };
    const answered = this.deps.runs.answered(state.runId);
    const fill = filler(state, drawing);
    return {
      runId: state.runId,
      scriptId: graph.scriptId,
      scriptName: graph.name,
      version: graph.version,
      clientId: info.clientId,
      interactionId: info.interactionId,
      startedAt: info.startedAt,
      ended: state.ended,
      canGoBack: drawing.may.goBack && this.deps.runs.canGoBack(state.runId),
      canFinish: !state.ended && drawing.may.finishEarly,
      test: info.test,
      node: nodeView(state, answered, drawing, fill),
      answers: answered.flatMap(({ nodeId, value }): RunAnswer[] => {
        const asked = graph.nodes.get(nodeId);
        if (asked === undefined) return [];
        const prompt = ('text' in asked ? fill(asked.text) : '').slice(0, promptLength);
        return [answerOf(asked, value, prompt, drawing.reasonLabel)];
      }),
      ahead: withAhead
        ? this.ahead(state, answered, drawing, aheadDepth, { left: aheadBudget })
        : [],
    };
  }

  /**
   * The steps each pick leads to, breadth first: every pick of this step,
   * then theirs, while the budget lasts (an offer with a dozen refusal
   * reasons is wide). Drawn as the step itself would be; main's answer then
   * confirms or corrects what the runner drew.
   */
  private ahead(
    state: RunState,
    answered: readonly Answered[],
    drawing: Drawing,
    depth: number,
    budget: { left: number },
  ): RunStepAhead[] {
    if (depth === 0 || state.ended) return [];
    const found: { step: RunStepAhead; state: RunState; answered: Answered[] }[] = [];
    for (const value of picks(state.node, drawing.reasons)) {
      if (budget.left <= 0) break;
      const next = this.deps.runs.preview(state, value ?? undefined, drawing.clientId);
      if (next === null) continue;
      budget.left--;
      const recorded = value !== null && state.node.type !== 'say' && state.node.type !== 'order';
      const nextAnswered = recorded
        ? [...answered.filter((a) => a.nodeId !== state.node.id), { nodeId: state.node.id, value }]
        : [...answered];
      const fill = filler(next, drawing);
      const prompt = ('text' in state.node ? fill(state.node.text) : '').slice(0, promptLength);
      found.push({
        state: next,
        answered: nextAnswered,
        step: {
          value,
          node: nodeView(next, nextAnswered, drawing, fill),
          ended: next.ended,
          // On from a step the operator saw: there is one to go back to.
          canGoBack: drawing.may.goBack && !next.ended,
          canFinish: !next.ended && drawing.may.finishEarly,
          answer: recorded ? answerOf(state.node, value, prompt, drawing.reasonLabel) : null,
          ahead: [],
        },
      });
    }
    for (const f of found)
      f.step.ahead = this.ahead(f.state, f.answered, drawing, depth - 1, budget);
    return found.map((f) => f.step);
  }
}

/**
 * How far ahead a step is drawn: three picks, so quick key presses are drawn
 * at once while main's word on the first is still on its way.
 */
const aheadDepth = 3;
/** At most this many steps drawn ahead of one step (three choices, three deep: 39). */
const aheadBudget = 40;

interface Answered {
  nodeId: string;
  value: string;
}

/** What drawing a run's steps needs, gathered once per drawing. */
interface Drawing {
  graph: PublishedGraph;
  clientId: number | null;
  client: Record<string, string>;
  agentName: string;
  reasons: { code: string; label: string }[];
  reasonLabel: (code: string) => string;
  departments: readonly { name: string; number: string }[];
  may: { goBack: boolean; finishEarly: boolean };
}

/** Fills a text as the run stands (its answers, variables, the client and the operator). */
function filler(state: RunState, drawing: Drawing): (text: string) => string {
  const context = {
    client: drawing.client,
    agentName: drawing.agentName,
    answers: labelledAnswers(state, drawing.graph),
    variables: state.variables,
  };
  return (text) => fillScriptText(text, context);
}

/** The picks a step offers, as the runner numbers them: null goes on from a text. */
function picks(node: ScriptNode, reasons: readonly { code: string }[]): (string | null)[] {
  switch (node.type) {
    case 'say':
    case 'order':
      return [null];
    case 'question':
      return node.choices.map((c) => c.id);
    case 'offer':
      return ['accepted', ...reasons.map((r) => `refused:${r.code}`)];
    case 'input':
      return node.inputType === 'yesNo'
        ? ['yes', 'no']
        : node.inputType === 'choiceList'
          ? (node.options ?? [])
          : [];
    default:
      return [];
  }
}

/** The node the run stands on, as the runner draws it. */
function nodeView(
  state: RunState,
  answered: readonly Answered[],
  drawing: Drawing,
  fill: (text: string) => string,
): RunNode {
  const { node } = state;
  const refusalReason =
    node.type === 'end'
      ? (node.refusalReason ?? (state.ended ? (lastRefusalIn(answered) ?? null) : null))
      : null;
  return {
    id: node.id,
    type: node.type,
    text: 'text' in node ? fill(node.text) : '',
    item: node.type === 'offer' ? node.item : node.type === 'order' ? node.orderType : null,
    choices:
      node.type === 'question'
        ? node.choices.map((c) => ({ value: c.id, kind: 'choice' as const, label: c.label }))
        : node.type === 'offer'
          ? [
              { value: 'accepted', kind: 'accept' as const, label: node.item },
              ...drawing.reasons.map((r) => ({
                value: `refused:${r.code}`,
                kind: 'refuse' as const,
                label: r.label,
              })),
            ]
          : [],
    input:
      node.type === 'input'
        ? {
            inputType: node.inputType ?? null,
            required: node.required,
            min: node.min ?? null,
            max: node.max ?? null,
            options: node.options ?? [],
          }
        : null,
    department:
      node.type === 'transfer'
        ? {
            name: node.department,
            number: drawing.departments.find((d) => d.name === node.department)?.number ?? null,
          }
        : null,
    outcome: node.type === 'end' ? (node.outcome ?? null) : null,
    refusalReason,
    refusalLabel: refusalReason === null ? null : drawing.reasonLabel(refusalReason),
  };
}

/** The refusal reason last answered in a run. */
function lastRefusalIn(answered: readonly Answered[]): string | undefined {
  return answered
    .map((a) => /^refused:(.+)$/.exec(a.value)?.[1])
    .filter((code) => code !== undefined)
    .at(-1);
}

/** Answers as a script's `{{answers.x}}` reads them: a choice by its label. */
function labelledAnswers(state: RunState, graph: PublishedGraph): Record<string, string> {
  const labelled = Object.create(null) as Record<string, string>;
  Object.assign(labelled, state.answers);
  const asking = questionsOf(graph);
  for (const [variable, id] of Object.entries(state.answers))
    for (const node of asking.get(variable) ?? [])
      labelled[variable] = node.choices.find((c) => c.id === id)?.label ?? id;
  return labelled;
}

type Question = Extract<ScriptNode, { type: 'question' }>;
const questionsByGraph = new WeakMap<PublishedGraph, Map<string, Question[]>>();

/**
 * A graph's questions by the variable they answer, in the graph's order:
 * every step ahead is filled in with the answers, and a 500-step script is
 * not walked for each.
 */
function questionsOf(graph: PublishedGraph): Map<string, Question[]> {
  let asking = questionsByGraph.get(graph);
  if (asking === undefined) {
    asking = new Map();
    for (const node of graph.nodes.values())
      if (node.type === 'question')
        asking.set(node.variable, [...(asking.get(node.variable) ?? []), node]);
    questionsByGraph.set(graph, asking);
  }
  return asking;
}

function answerOf(
  node: ScriptNode,
  value: string,
  prompt: string,
  reasonLabel: (code: string) => string,
): RunAnswer {
  switch (node.type) {
    case 'question':
      return {
        nodeId: node.id,
        prompt,
        kind: 'choice',
        value: node.choices.find((c) => c.id === value)?.label ?? value,
      };
    case 'offer':
      return value === 'accepted'
        ? { nodeId: node.id, prompt: node.item, kind: 'accept', value: node.item }
        : {
            nodeId: node.id,
            prompt: node.item,
            kind: 'refuse',
            value: value.startsWith('refused:') ? reasonLabel(value.slice('refused:'.length)) : '',
          };
    default:
      return { nodeId: node.id, prompt, kind: 'input', value };
  }
}
