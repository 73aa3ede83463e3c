import { allBuilt, firstBuilt, runBuilt } from '../db/builtStatements';
import type { PultDatabase } from '../db/database';
import { ScriptRunEntity, ScriptRunStepEntity } from '../db/entities/scriptEntities';
import type { Clock } from '../platform/ports';
import type { ScriptNode } from '../../../src-shared/scripts/scriptGraph';
import { checkAnswer, type AnswerProblem } from './answerCheck';
import type { ScriptLibrary } from './scriptLibrary';

/** Where a run stands: the node to show, and every answer given so far (the latest of each). */
export interface RunState {
  runId: number;
  versionId: number;
  node: ScriptNode;
  answers: Record<string, string>;
  variables: Record<string, string>;
  ended: boolean;
}

export type StepResult = { ok: true; state: RunState } | { ok: false; problem: AnswerProblem };

/**
 * A script run, step by step, each step written to the base as it happens
 * (enter, answer, back, exit), so a run is where it was after a transfer, a
 * reload or a kill: its state is read back from its steps. Branches, set
 * variables and jumps are taken by the run itself and recorded as entered.
 * Going back is a step of its own: it never erases what was answered.
 */
export class ScriptRuns {
  constructor(
    private readonly db: PultDatabase,
    private readonly library: ScriptLibrary,
    private readonly clock: Clock,
    private readonly client: (clientId: number) => Record<string, string> = () => ({}),
  ) {}

  /**
   * Published versions, read and checked once: they never change (the base
   * refuses to), and every step would otherwise parse the whole graph again.
   */
  private readonly versions = new Map<number, PublishedGraph>();

  /**
   * Runs as their steps left them, read once: every step would otherwise read
   * the whole run again, several times (a 500-step run: 20 ms a key press).
   * All of a run's writes go through here, and keep it as the base has it.
   */
  private readonly held = new Map<number, HeldRun>();

  /**
   * A run of the script's live version, pinned to it for good; or, for its
   * author, a test run of a draft (counted nowhere, removed on publishing).
   */
  start(
    versionId: number,
    who: { actor: string; interactionId?: number; clientId?: number; test?: boolean },
  ): RunState {
    const version = this.library.version(versionId);
    if (version === undefined || (version.status !== 'published' && who.test !== true))
      throw new Error(`script version ${versionId} is not published`);
    const { sqlite, dataSource } = this.db;
    const at = this.now();
    const runId = sqlite.transaction(() => {
      const id = Number(
        runBuilt(
          sqlite,
          dataSource
            .createQueryBuilder()
            .insert()
            .into(ScriptRunEntity)
            .values({
              versionId,
              interactionId: who.interactionId ?? null,
              clientId: who.clientId ?? null,
              startedBy: who.actor,
              startedAt: at,
              currentNode: version.graph.start,
              endedAt: null,
              test: who.test === true,
            }),
        ).lastInsertRowid,
      );
      // A rowid is used again after the newest runs were removed (tries of a draft): whatever
      // was held under it is another run's.
      this.held.delete(id);
      this.step(id, versionId, 'enter', version.graph.start, null, at);
      return id;
    })();
    return this.settle(runId);
  }

  /** The run as its steps left it. */
  state(runId: number): RunState {
    const run = this.run(runId);
    const { nodes } = this.published(run.versionId);
    // Keyed by names a script chose: no prototype for "__proto__" or "constructor" to reach.
    const answers = Object.create(null) as Record<string, string>;
    const variables = Object.create(null) as Record<string, string>;
    for (const step of this.steps(runId)) {
      if (step.kind !== 'answer' || step.value === null) continue;
      const node = nodes.get(step.nodeId);
      if (node !== undefined)
        keepAnswer(node, JSON.parse(step.value) as string, answers, variables);
    }
    const node = nodes.get(run.currentNode);
    if (node === undefined) throw new Error(`run ${runId} stands on a node its version lacks`);
    return {
      runId,
      versionId: run.versionId,
      node,
      answers,
      variables,
      ended: run.endedAt !== null,
    };
  }

  /**
   * The operator goes on from the current node: with the client's answer to
   * a question (a choice's id), an input (checked against its type), an offer
   * ('accepted' or 'refused'), or nothing for a text to say.
   */
  answer(runId: number, value?: string): StepResult {
    const state = this.state(runId);
    if (state.ended) return { ok: false, problem: 'runEnded' };
    const { node } = state;
    const taken = wayOn(node, value);
    if ('problem' in taken) return { ok: false, problem: taken.problem };
    const { next: to, recorded } = taken;
    const at = this.now();
    this.write(runId, () => {
      if (recorded !== null) this.step(runId, state.versionId, 'answer', node.id, recorded, at);
      this.moveTo(runId, state.versionId, to, at);
    });
    return { ok: true, state: this.settle(runId) };
  }

  /**
   * Where an answer would take the run, written nowhere: the runner draws
   * that step at once while the answer is being written. Null where the
   * answer itself must be checked first (anything typed) or goes nowhere.
   */
  preview(state: RunState, value: string | undefined, clientId: number | null): RunState | null {
    const { node } = state;
    if (state.ended || (node.type === 'input' && !pickedInput(node))) return null;
    const taken = wayOn(node, value);
    if ('problem' in taken) return null;
    const answers = Object.assign(Object.create(null), state.answers) as Record<string, string>;
    const variables = Object.assign(Object.create(null), state.variables) as Record<string, string>;
    if (taken.recorded !== null) keepAnswer(node, taken.recorded, answers, variables);
    const { nodes } = this.published(state.versionId);
    let at = nodes.get(taken.next);
    for (let guard = 0; at !== undefined && guard < 10_000; guard++) {
      if (at.type === 'end' || at.type === 'transfer')
        return { ...state, node: at, answers, variables, ended: true };
      const automatic = this.automaticNext(at, answers, variables, clientId);
      if (automatic === null) return { ...state, node: at, answers, variables };
      if (at.type === 'setVariable') keepAnswer(at, at.value, answers, variables);
      at = nodes.get(automatic);
    }
    return null;
  }

  /** The run of a call: the latest one started on it. */
  runOfInteraction(interactionId: number): number | undefined {
    const row = firstBuilt(
      this.db.sqlite,
      this.db.dataSource
        .getRepository(ScriptRunEntity)
        .createQueryBuilder('r')
        .select('r.id AS id')
        .where('r.interaction_id = :interactionId', { interactionId })
        .orderBy('r.id', 'DESC')
        .limit(1),
    ) as { id: number } | undefined;
    return row?.id;
  }

  /** Who and what a run is for. */
  info(runId: number): RunInfo {
    const run = this.run(runId);
    return {
      runId,
      versionId: run.versionId,
      clientId: run.clientId,
      interactionId: run.interactionId,
      startedBy: run.startedBy,
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      test: run.test === 1,
    };
  }

  /** Runs not ended since a time, newest first: the operator's own, to go on with after a reload or a kill. */
  unfinished(actor: string, since: string, limit = 20): number[] {
    return this.newest(
      'r.started_by = :actor AND r.ended_at IS NULL AND r.test = 0 AND r.started_at >= :since',
      { actor, since },
      limit,
    );
  }

  /** The client's latest run left unfinished since a time: a callback goes on with it. */
  unfinishedOfClient(clientId: number, since: string): number | undefined {
    return this.newest(
      'r.client_id = :clientId AND r.ended_at IS NULL AND r.started_at >= :since',
      { clientId, since },
      1,
    )[0];
  }

  /** The run goes on in another call (a callback): the call's wrap-up and card find it there. */
  moveToCall(runId: number, interactionId: number): void {
    this.write(runId, () => {
      runBuilt(
        this.db.sqlite,
        this.db.dataSource
          .createQueryBuilder()
          .update(ScriptRunEntity)
          .set({ interactionId })
          .where('id = :runId', { runId }),
      );
      const held = this.held.get(runId);
      if (held !== undefined) held.run.interactionId = interactionId;
    });
  }

  /** A client's runs, newest first. */
  ofClient(clientId: number, limit = 20): number[] {
    return this.newest('r.client_id = :clientId AND r.test = 0', { clientId }, limit);
  }

  /** The ids of the newest runs that meet a condition. */
  private newest(where: string, parameters: Record<string, unknown>, limit: number): number[] {
    return (
      allBuilt(
        this.db.sqlite,
        this.db.dataSource
          .getRepository(ScriptRunEntity)
          .createQueryBuilder('r')
          .select('r.id AS id')
          .where(where, parameters)
          .orderBy('r.id', 'DESC')
          .limit(limit),
      ) as { id: number }[]
    ).map((row) => row.id);
  }

  /**
   * What was answered, node by node in the order last answered: an answer
   * given again after going back replaces the earlier one here, while the
   * steps keep both. Set variables are the run's own and not listed.
   */
  answered(runId: number): { nodeId: string; value: string }[] {
    const { nodes } = this.published(this.run(runId).versionId);
    const latest = new Map<string, string>();
    for (const step of this.steps(runId)) {
      if (step.kind !== 'answer' || step.value === null) continue;
      if (nodes.get(step.nodeId)?.type === 'setVariable') continue;
      latest.delete(step.nodeId);
      latest.set(step.nodeId, JSON.parse(step.value) as string);
    }
    return [...latest].map(([nodeId, value]) => ({ nodeId, value }));
  }

  /** Whether the run can go back: a node was shown before this one. */
  canGoBack(runId: number): boolean {
    const run = this.run(runId);
    return (
      run.endedAt === null && this.shownPath(runId, this.published(run.versionId).nodes).length > 1
    );
  }

  /**
   * The operator finishes the script before its end (the call went another
   * way): an exit on the step it stood on, so what each branch earns shows
   * where runs were cut short.
   */
  finish(runId: number): RunState {
    const state = this.state(runId);
    if (state.ended) return state;
    const at = this.now();
    this.exit(runId, state.versionId, state.node.id, at);
    return this.state(runId);
  }

  /** Back to the node shown before this one; recorded, and every answer stays in the history. */
  back(runId: number): RunState {
    const state = this.state(runId);
    const shown = this.shownPath(runId, this.published(state.versionId).nodes);
    const previous = shown.at(-2);
    if (previous === undefined || state.ended) return state;
    const at = this.now();
    this.write(runId, () => {
      this.step(runId, state.versionId, 'back', state.node.id, null, at);
      this.moveTo(runId, state.versionId, previous, at, 'back');
    });
    return this.state(runId);
  }

  /** The run ends on a node: its exit step, and the time it ended. */
  private exit(runId: number, versionId: number, nodeId: string, at: string): void {
    this.write(runId, () => {
      this.step(runId, versionId, 'exit', nodeId, null, at);
      runBuilt(
        this.db.sqlite,
        this.db.dataSource
          .createQueryBuilder()
          .update(ScriptRunEntity)
          .set({ endedAt: at })
          .where('id = :runId', { runId }),
      );
      const held = this.held.get(runId);
      if (held !== undefined) held.run.endedAt = at;
    });
  }

  /** Steps that show nothing (branch, set variable, jump) are taken at once; an end or a transfer ends the run. */
  private settle(runId: number): RunState {
    for (let guard = 0; guard < 10_000; guard++) {
      const state = this.state(runId);
      const { node } = state;
      const at = this.now();
      if ((node.type === 'end' || node.type === 'transfer') && !state.ended) {
        this.exit(runId, state.versionId, node.id, at);
        return this.state(runId);
      }
      const automatic = this.automaticNext(
        node,
        state.answers,
        state.variables,
        this.run(runId).clientId,
      );
      if (automatic === null) return state;
      this.write(runId, () => {
        if (node.type === 'setVariable')
          this.step(runId, state.versionId, 'answer', node.id, node.value, at);
        this.moveTo(runId, state.versionId, automatic, at);
      });
    }
    throw new Error(`run ${runId} goes round without stopping`);
  }

  /** Where a node that shows nothing leads; null for one the operator acts on. */
  private automaticNext(
    node: ScriptNode,
    answers: Record<string, string>,
    variables: Record<string, string>,
    clientId: number | null,
  ): string | null {
    switch (node.type) {
      case 'setVariable':
        return node.next ?? null;
      case 'jump':
        return node.target ?? null;
      case 'branch': {
        const value =
          node.on.source === 'answer'
            ? answers[node.on.name]
            : node.on.source === 'variable'
              ? variables[node.on.name]
              : clientId === null
                ? undefined
                : this.client(clientId)[node.on.name];
        return node.cases.find((c) => c.equals === value)?.next ?? node.otherwise ?? null;
      }
      default:
        return null;
    }
  }

  /** The nodes the operator saw, in order, each back step taking the last one off. */
  private shownPath(runId: number, nodes: Map<string, ScriptNode>): string[] {
    const path: string[] = [];
    for (const step of this.steps(runId)) {
      const node = nodes.get(step.nodeId);
      const shows =
        node !== undefined &&
        node.type !== 'branch' &&
        node.type !== 'setVariable' &&
        node.type !== 'jump';
      if (step.kind === 'enter' && shows) path.push(step.nodeId);
      if (step.kind === 'back') path.pop();
    }
    return path;
  }

  private moveTo(
    runId: number,
    versionId: number,
    nodeId: string,
    at: string,
    kind: 'enter' | 'back' = 'enter',
  ) {
    if (kind === 'enter') this.step(runId, versionId, 'enter', nodeId, null, at);
    runBuilt(
      this.db.sqlite,
      this.db.dataSource
        .createQueryBuilder()
        .update(ScriptRunEntity)
        .set({ currentNode: nodeId })
        .where('id = :runId', { runId }),
    );
    const held = this.held.get(runId);
    if (held !== undefined) held.run.currentNode = nodeId;
  }

  private step(
    runId: number,
    versionId: number,
    kind: 'enter' | 'answer' | 'back' | 'exit',
    nodeId: string,
    value: string | null,
    at: string,
  ): void {
    // Leaving a node (for another, back, or out): the time spent on it goes on its enter step.
    if (kind !== 'answer')
      runBuilt(
        this.db.sqlite,
        this.db.dataSource
          .createQueryBuilder()
          .update(ScriptRunStepEntity)
          .set({ seconds: () => '(julianday(:at) - julianday("at")) * 86400' })
          .where(
            `id = (SELECT max(id) FROM script_run_steps WHERE run_id = :runId AND kind = 'enter')
             AND seconds IS NULL`,
            { runId, at },
          ),
      );
    runBuilt(
      this.db.sqlite,
      this.db.dataSource
        .createQueryBuilder()
        .insert()
        .into(ScriptRunStepEntity)
        .values({
          runId,
          versionId,
          at,
          kind,
          nodeId,
          value: value === null ? null : JSON.stringify(value),
          seconds: null,
        }),
    );
    this.held
      .get(runId)
      ?.steps.push({ kind, nodeId, value: value === null ? null : JSON.stringify(value) });
  }

  /**
   * One change of a run, in a transaction; the run as held here follows each
   * write, and is read again from the base should the transaction fail.
   */
  private write(runId: number, change: () => void): void {
    try {
      this.db.sqlite.transaction(change)();
    } catch (error) {
      this.held.delete(runId);
      throw error;
    }
  }

  /** The run and its steps, read from the base once and then kept as they are written. */
  private hold(runId: number): HeldRun {
    let held = this.held.get(runId);
    if (held === undefined) {
      held = { run: this.readRun(runId), steps: this.readSteps(runId) };
      this.held.set(runId, held);
      // The runs on screen and a few before them; older ones are read again if asked for.
      if (this.held.size > maxHeldRuns) this.held.delete(this.held.keys().next().value as number);
    }
    return held;
  }

  private run(runId: number): RawRun {
    return this.hold(runId).run;
  }

  private steps(runId: number): RawStep[] {
    return this.hold(runId).steps;
  }

  private readRun(runId: number): RawRun {
    const row = firstBuilt(
      this.db.sqlite,
      this.db.dataSource
        .getRepository(ScriptRunEntity)
        .createQueryBuilder('r')
        .select([
          'r.version_id AS versionId',
          'r.client_id AS clientId',
          'r.interaction_id AS interactionId',
          'r.started_by AS startedBy',
          'r.started_at AS startedAt',
          'r.current_node AS currentNode',
          'r.ended_at AS endedAt',
          'r.test AS test',
        ])
        .where('r.id = :runId', { runId }),
    ) as RawRun | undefined;
    if (row === undefined) throw new Error(`no script run ${runId}`);
    return row;
  }

  private readSteps(runId: number): RawStep[] {
    return allBuilt(
      this.db.sqlite,
      this.db.dataSource
        .getRepository(ScriptRunStepEntity)
        .createQueryBuilder('s')
        .select(['s.kind AS kind', 's.node_id AS nodeId', 's.value AS value'])
        .where('s.run_id = :runId', { runId })
        .orderBy('s.id'),
    ) as RawStep[];
  }

  /** A version's graph by node id, read once for a published version. */
  published(versionId: number): PublishedGraph {
    let published = this.versions.get(versionId);
    if (published === undefined) {
      const version = this.library.version(versionId);
      if (version === undefined) throw new Error(`no script version ${versionId}`);
      published = {
        scriptId: version.scriptId,
        name: version.graph.name,
        version: version.version,
        nodes: new Map(version.graph.nodes.map((node) => [node.id, node])),
      };
      if (version.status === 'published') this.versions.set(versionId, published);
    }
    return published;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

interface RawRun {
  versionId: number;
  clientId: number | null;
  interactionId: number | null;
  startedBy: string;
  startedAt: string;
  currentNode: string;
  endedAt: string | null;
  /** 0 or 1, as the file has it. */
  test: number;
}

export interface RunInfo {
  runId: number;
  versionId: number;
  clientId: number | null;
  interactionId: number | null;
  startedBy: string;
  startedAt: string;
  endedAt: string | null;
  /** The author's try of a draft. */
  test: boolean;
}

const maxHeldRuns = 32;

/** An input answered by picking (yes or no, one of a list), never typed: its way on is known before. */
function pickedInput(node: Extract<ScriptNode, { type: 'input' }>): boolean {
  return (
    (node.inputType === 'yesNo' || node.inputType === 'choiceList') &&
    node.clientField === undefined
  );
}

/** Where a node's answer leads, and what is written of it; or why the run does not go on. */
function wayOn(
  node: ScriptNode,
  value: string | undefined,
): { next: string; recorded: string | null } | { problem: AnswerProblem } {
  let next: string | undefined;
  let recorded: string | null = null;
  switch (node.type) {
    case 'say':
    case 'order':
      next = node.next;
      break;
    case 'question': {
      const choice = node.choices.find((c) => c.id === value);
      if (choice === undefined) return { problem: 'noSuchChoice' };
      next = choice.next;
      recorded = choice.id;
      break;
    }
    case 'input': {
      const problem = checkAnswer(node, value ?? '');
      if (problem !== undefined) return { problem };
      next = node.next;
      recorded = value ?? '';
      break;
    }
    case 'offer':
      // Refused with the reason the client gave ("refused:tooExpensive"), so what each
      // branch earns counts refusals by reason.
      if (value !== 'accepted' && !/^refused(?::[A-Za-z0-9_-]{1,40})?$/.test(value ?? ''))
        return { problem: 'noSuchChoice' };
      next = value === 'accepted' ? node.accepted : node.refused;
      recorded = value ?? '';
      break;
    default:
      return { problem: 'runEnded' };
  }
  return next === undefined ? { problem: 'leadsNowhere' } : { next, recorded };
}

/** An answer as the run keeps it: a set variable by its name, a question or input by its variable, an offer by its node. */
function keepAnswer(
  node: ScriptNode,
  value: string,
  answers: Record<string, string>,
  variables: Record<string, string>,
): void {
  if (node.type === 'setVariable') variables[node.variable] = value;
  else if ('variable' in node) answers[node.variable] = value;
  else if (node.type === 'offer') answers[node.id] = value;
}

interface HeldRun {
  run: RawRun;
  steps: RawStep[];
}

interface RawStep {
  kind: 'enter' | 'answer' | 'back' | 'exit';
  nodeId: string;
  value: string | null;
}

export interface PublishedGraph {
  scriptId: number;
  name: string;
  version: number;
  nodes: Map<string, ScriptNode>;
}
