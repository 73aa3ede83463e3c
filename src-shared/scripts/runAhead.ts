import type { RunStepAhead, ScriptRunView } from './scriptRunView';

/** The run one pick on, as main foresaw it: the step drawn, the answer's row in its place. */
export function stepAhead(run: ScriptRunView, value: string | null): ScriptRunView | undefined {
  const step: RunStepAhead | undefined = run.ahead.find((s) => s.value === value);
  if (step === undefined) return undefined;
  const { answer } = step;
  return {
    ...run,
    node: step.node,
    ended: step.ended,
    canGoBack: step.canGoBack,
    canFinish: step.canFinish,
    answers:
      answer === null
        ? run.answers
        : [...run.answers.filter((a) => a.nodeId !== answer.nodeId), answer],
    ahead: step.ahead,
  };
}
