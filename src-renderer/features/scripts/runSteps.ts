import { useLayoutEffect, useState } from 'react';
import { stepAhead } from '../../../src-shared/scripts/runAhead';
import type {
  RunStepAhead,
  runProblems,
  ScriptRunView,
} from '../../../src-shared/scripts/scriptRunView';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';
import { runChanges } from './runChanges';

export type RunProblem = (typeof runProblems)[number];

export interface RunSteps {
  /** The run as drawn: main's word, or a step it foresaw while its answer is being written. */
  run: ScriptRunView;
  /** A foreseen step main did not take: said above the step it stands on. */
  notice: RunProblem | null;
  /** Resolves with the problem main found in an answer it could not foresee (said on the field), or null. */
  answer: (value?: string) => Promise<RunProblem | null>;
  back: () => void;
  finish: () => void;
}

/** What the stepper changes on screen. */
interface StepperScreen {
  draw(view: ScriptRunView): void;
  notice(problem: RunProblem | null): void;
}

/**
 * A run's steps as the keyboard takes them. A pick main foresaw (a choice,
 * yes or no, an offer's answer, going on from a text) is drawn at once and
 * written meanwhile; the writes go to main one after another, each naming
 * the step it answers, so none lands on a step the operator did not see.
 * Anything else (a typed answer, back, finish) holds the keys until main
 * has answered: nothing is answered unseen. Should main not have done what
 * was drawn, the run is drawn as main has it and the steps queued after are
 * dropped.
 */
class RunStepper {
  /** Told of main's word on each step (the runner's owner refreshes a list when a run ends). */
  private told: ((run: ScriptRunView) => void) | undefined;
  /** Replaced by another run's stepper, or the runner closed. */
  private retired = false;
  /** The run as drawn, with the steps ahead main gave last. */
  private shown: ScriptRunView;
  private queue: Promise<unknown> = Promise.resolve();
  /** Steps sent: a reply is drawn only when it is the newest's. */
  private sent = 0;
  /** Raised when what was drawn turned out wrong: steps queued before are not sent. */
  private epoch = 0;
  /** A step main could not foresee is on its way. */
  private waiting = false;
  /** The picks drawn ahead of main, in order: main's word on an earlier one tells what lies beyond the last. */
  private drawnPicks: { ticket: number; value: string | null }[] = [];

  constructor(
    opened: ScriptRunView,
    private readonly screen: StepperScreen,
  ) {
    this.shown = opened;
  }

  /** Draws on screen, telling the runner's owner of main's word on each step; the returned function stops it. */
  attach(told: ((run: ScriptRunView) => void) | undefined): () => void {
    this.told = told;
    this.retired = false;
    return () => {
      this.retired = true;
    };
  }

  readonly answer = (value?: string): Promise<RunProblem | null> => {
    if (this.waiting) return Promise.resolve(null);
    const from = this.shown;
    const foreseen = stepAhead(from, value ?? null);
    const ticket = ++this.sent;
    if (foreseen !== undefined) {
      this.say(null);
      this.draw(foreseen);
      this.drawnPicks.push({ ticket, value: value ?? null });
    } else this.waiting = true;
    let problem: RunProblem | null = null;
    const done = () => {
      if (foreseen === undefined) this.waiting = false;
    };
    return this.enqueue(async () => {
      try {
        const result = await invoke('scripts.answer', {
          runId: from.runId,
          ...(value === undefined ? {} : { value }),
          at: from.node.id,
        });
        if (!result.ok) {
          problem = result.problem;
          if (foreseen !== undefined) {
            this.say(result.problem);
            await this.redraw(from.runId);
          }
        } else if (foreseen !== undefined && !sameStep(foreseen, result.run)) {
          // Main went elsewhere (the card changed under a branch): its step is the one drawn.
          this.epoch++;
          this.drawnPicks = [];
          this.confirm(result.run, this.sent);
        } else {
          if (foreseen === undefined) this.say(null);
          this.confirm(result.run, ticket);
        }
      } catch (e) {
        reportProblem('script', e);
        if (foreseen !== undefined) await this.redraw(from.runId);
      } finally {
        done();
      }
    }, done).then(() => (foreseen === undefined ? problem : null));
  };

  readonly back = (): void => this.unforeseen((runId) => invoke('scripts.back', { runId }));

  readonly finish = (): void => this.unforeseen((runId) => invoke('scripts.finish', { runId }));

  private say(problem: RunProblem | null): void {
    if (!this.retired) this.screen.notice(problem);
  }

  private draw(view: ScriptRunView): void {
    this.shown = view;
    if (!this.retired) this.screen.draw(view);
  }

  /**
   * Main's word on a step. What is on screen already is not drawn again: only
   * the steps ahead are new. Main's word on an earlier step, the operator
   * having picked on since, still tells what lies beyond the step on screen.
   */
  private confirm(view: ScriptRunView, ticket: number): void {
    this.told?.(view);
    runChanges.publish(view);
    this.drawnPicks = this.drawnPicks.filter((p) => p.ticket > ticket);
    if (ticket !== this.sent) {
      const beyond = aheadAfter(view, this.drawnPicks, this.sent - ticket);
      if (beyond !== undefined && this.shown.ahead.length === 0)
        this.shown = { ...this.shown, ahead: beyond };
      return;
    }
    if (looksTheSame(this.shown, view)) this.shown = { ...this.shown, ahead: view.ahead };
    else this.draw(view);
  }

  /** Draws the run as main has it, dropping what was queued on the drawn steps. */
  private async redraw(runId: number): Promise<void> {
    this.epoch++;
    this.drawnPicks = [];
    try {
      this.draw(await invoke('scripts.run', { runId }));
    } catch (e) {
      reportProblem('load', e);
    }
  }

  /** In turn after the steps before; dropped (and told so) when what was drawn turned out wrong meanwhile. */
  private enqueue(task: () => Promise<void>, dropped: () => void): Promise<void> {
    const at = this.epoch;
    const next = this.queue.then(() => {
      if (this.epoch === at) return task();
      dropped();
      return undefined;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A step main alone decides (back, finish): sent after those queued, the keys held meanwhile. */
  private unforeseen(request: (runId: number) => Promise<ScriptRunView>): void {
    if (this.waiting) return;
    this.waiting = true;
    const { runId } = this.shown;
    const ticket = ++this.sent;
    const done = () => {
      this.waiting = false;
    };
    void this.enqueue(async () => {
      try {
        this.say(null);
        this.confirm(await request(runId), ticket);
      } catch (e) {
        reportProblem('script', e);
      } finally {
        done();
      }
    }, done);
  }
}

/** The run's steps, for the runner (see RunStepper). */
export function useRunSteps(
  opened: ScriptRunView,
  onRun: ((run: ScriptRunView) => void) | undefined,
): RunSteps {
  const [run, setRun] = useState(opened);
  const [was, setWas] = useState(opened);
  const [notice, setNotice] = useState<RunProblem | null>(null);
  const stepperOf = (view: ScriptRunView) =>
    new RunStepper(view, {
      draw: setRun,
      notice: setNotice,
    });
  const [stepper, setStepper] = useState(() => stepperOf(opened));
  if (opened !== was) {
    // The run opened anew (another run, or the same one read again).
    setWas(opened);
    setRun(opened);
    setNotice(null);
    setStepper(stepperOf(opened));
  }
  // A stepper replaced (or the runner gone): replies to its steps draw nothing.
  useLayoutEffect(() => stepper.attach(onRun), [stepper, onRun]);
  const { answer, back, finish } = stepper;
  return { run, notice, answer, back, finish };
}

/**
 * The steps ahead of the one on screen, found in main's word on an earlier
 * step by following the picks drawn since; undefined when a step since was
 * not a pick drawn ahead.
 */
function aheadAfter(
  view: ScriptRunView,
  picks: readonly { value: string | null }[],
  stepsSince: number,
): RunStepAhead[] | undefined {
  if (picks.length !== stepsSince) return undefined;
  let ahead = view.ahead;
  for (const { value } of picks) {
    const step = ahead.find((s) => s.value === value);
    if (step === undefined) return undefined;
    ahead = step.ahead;
  }
  return ahead.length === 0 ? undefined : ahead;
}

/** Whether main's step is the one drawn ahead of it. */
function sameStep(drawn: ScriptRunView, main: ScriptRunView): boolean {
  return drawn.node.id === main.node.id && drawn.ended === main.ended;
}

/** Whether main's view of the run shows just what is on screen (the steps ahead aside). */
function looksTheSame(drawn: ScriptRunView, main: ScriptRunView): boolean {
  const shown = (view: ScriptRunView) =>
    JSON.stringify([
      view.runId,
      view.version,
      view.node,
      view.ended,
      view.canGoBack,
      view.canFinish,
      view.answers,
    ]);
  return shown(drawn) === shown(main);
}
