import { Badge, Button, Group, Kbd, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptRunView } from '../../../src-shared/scripts/scriptRunView';
import { PultRequestError } from '../../api/pultClient';
import { loadOrderCatalogue, orderRequests } from '../orders';
import { reportProblem } from '../../common/problems';
import { RunAnswers } from './RunAnswers';
import { useRunSteps, type RunProblem, type RunSteps } from './runSteps';

type Choice = ScriptRunView['node']['choices'][number];

/** The order type a script's order step names (its code, or its title in either language). */
async function openOrderFor(named: string, clientId: number): Promise<void> {
  const wanted = named.trim().toLocaleLowerCase('uk');
  try {
    const { orderTypes } = await loadOrderCatalogue();
    const type = orderTypes.find(
      (x) =>
        x.code.toLocaleLowerCase('uk') === wanted ||
        x.title.uk.toLocaleLowerCase('uk') === wanted ||
        x.title.en?.toLocaleLowerCase('uk') === wanted,
    );
    if (type !== undefined) orderRequests.publish({ kind: 'new', typeCode: type.code, clientId });
    else
      reportProblem('script', new PultRequestError('orderTypeUnknown', `no order type "${named}"`));
  } catch (e) {
    reportProblem('load', e);
  }
}

/** The ways on an input of yes/no or a list offers, picked like a question's choices. */
function inputChoices(run: ScriptRunView, yes: string, no: string): Choice[] {
  const input = run.node.input;
  if (input?.inputType === 'yesNo')
    return [
      { value: 'yes', kind: 'choice', label: yes },
      { value: 'no', kind: 'choice', label: no },
    ];
  if (input?.inputType === 'choiceList')
    return input.options.map((option) => ({ value: option, kind: 'choice', label: option }));
  return [];
}

/**
 * One script run, driven by the keyboard alone: a digit picks a way on,
 * Enter goes on (or picks the highlighted one), Backspace goes back (a step
 * of its own: no answer is erased). The node always has the focus, so the
 * next key press acts on what is on screen. A pick is drawn at once where
 * main foresaw its step; anything typed waits for main (useRunSteps).
 */
export function ScriptRunner(props: RunnerProps) {
  const { t } = useTranslation();
  // The run's steps are this component's own: a key press redraws the runner, not the
  // section (or the whole window) it sits in.
  const steps = useRunSteps(props.run, props.onRun);
  const { run, notice } = steps;
  // The step the operator reads first; the row its answer adds, in the frame after.
  const answers = useAfterPaint(run.answers);
  return (
    <Stack gap="sm" data-testid="script-run" data-run-id={run.runId}>
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5" data-testid="script-name">
          {run.scriptName}
        </Title>
        <Group gap={4}>
          {run.test && (
            <Badge variant="light" color="orange" data-testid="script-test-badge">
              {t('scripts.run.test')}
            </Badge>
          )}
          <Badge variant="light" color="gray">
            {t('scripts.run.version', { version: run.version })}
          </Badge>
        </Group>
      </Group>
      {notice !== null && (
        <Text c="red" size="sm" role="alert" data-testid="script-notice">
          {t(`scripts.problem.${notice}`)}
        </Text>
      )}
      <RunnerNode key={run.runId} run={run} steps={steps} onTransfer={props.onTransfer} />
      <RunnerFooter
        canGoBack={run.canGoBack}
        canFinish={run.canFinish}
        onBack={steps.back}
        onFinish={steps.finish}
      />
      {/* Outside the node: the answers so far are kept on screen, one row added a step. */}
      <RunAnswers answers={answers} />
    </Stack>
  );
}

/**
 * A value as it was, until the frame that shows what changed with it has
 * been drawn: what can wait a frame does not hold up what cannot.
 */
function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(() => value));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return shown;
}

interface RunnerProps {
  /** The run as opened; its steps then stay within the runner. */
  run: ScriptRunView;
  /** Told of each step (to refresh a list when the run ends, say). */
  onRun?: ((run: ScriptRunView) => void) | undefined;
  /** Transfers the call the run is on to a department's number; absent without a call. */
  onTransfer?: ((number: string) => void) | undefined;
}

function RunnerNode({
  run,
  steps,
  onTransfer,
}: {
  run: ScriptRunView;
  steps: RunSteps;
  onTransfer: RunnerProps['onTransfer'];
}) {
  const { t } = useTranslation();
  const node = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [problem, setProblem] = useState<RunProblem | null>(null);
  // Each step starts clean (nothing typed, the first way on highlighted). The step is drawn
  // into the elements the last one left, not mounted afresh: a key press costs less.
  const step = `${run.node.id}:${run.ended}`;
  const [was, setWas] = useState(step);
  if (step !== was) {
    setWas(step);
    setTyped('');
    setHighlight(0);
    setProblem(null);
  }
  const choices = [
    ...run.node.choices,
    ...inputChoices(run, t('scripts.run.yes'), t('scripts.run.no')),
  ];
  const typing = run.node.type === 'input' && choices.length === 0;

  // The node on screen has the focus before it is painted (and again when the run is opened
  // anew): the next key press acts on it.
  useLayoutEffect(() => {
    if (typing) field.current?.focus();
    else node.current?.focus();
  }, [typing, run]);

  const answer = (value?: string) => {
    void steps.answer(value).then((found) => {
      if (found !== null) setProblem(found);
    });
  };
  const { back } = steps;
  /** On an order step the run goes on and the order form opens for the run's client, filled from the card. */
  const goOn = () => {
    if (run.node.type === 'order' && run.clientId !== null && !run.test)
      void openOrderFor(run.node.item ?? '', run.clientId);
    answer();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const inField = event.target === field.current;
    if (event.key === 'Backspace') {
      // In the field, Backspace deletes what was typed; on an empty one it goes back.
      if (inField && (typed !== '' || event.repeat)) return;
      event.preventDefault();
      if (run.canGoBack) back();
      return;
    }
    if (run.ended || inField) return;
    const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : undefined;
    if (digit !== undefined) {
      const choice = choices[digit - 1];
      if (choice !== undefined) {
        event.preventDefault();
        answer(choice.value);
      }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((h) => (h + step + choices.length) % Math.max(choices.length, 1));
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = choices[highlight];
      if (choices.length > 0 && chosen !== undefined) answer(chosen.value);
      else if (choices.length === 0) goOn();
    }
  };

  const { node: shown } = run;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      tabIndex={0}
      ref={node}
      onKeyDown={onKeyDown}
      aria-label={t('scripts.run.nodeLabel')}
      data-testid="script-node"
      // In a dialog (the editor's try), its focus trap lands here too, not on the close button.
      data-autofocus={typing ? undefined : true}
      data-node-id={shown.id}
      data-node-type={shown.type}
      data-ended={run.ended}
      style={{ outlineOffset: 2 }}
    >
      {shown.text !== '' && (
        // Large and calm: the operator reads it aloud.
        <Text
          size="xl"
          lh={1.5}
          mb="sm"
          data-testid="script-text"
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {shown.text}
        </Text>
      )}
      {shown.type === 'offer' && shown.item !== null && (
        <Text fw={600} mb="xs" data-testid="script-offer-item">
          {t('scripts.run.offer', { item: shown.item })}
        </Text>
      )}
      {choices.length > 0 && !run.ended && (
        <Stack gap={4} role="listbox" aria-label={t('scripts.run.choices')}>
          {choices.map((choice, index) => (
            <Button
              key={choice.value}
              variant={index === highlight ? 'light' : 'subtle'}
              color={choice.kind === 'refuse' ? 'red' : choice.kind === 'accept' ? 'teal' : 'blue'}
              justify="flex-start"
              tabIndex={-1}
              role="option"
              aria-selected={index === highlight}
              onClick={() => answer(choice.value)}
              data-testid={`script-choice-${index + 1}`}
              leftSection={index < 9 ? <Kbd size="xs">{index + 1}</Kbd> : undefined}
            >
              {choice.kind === 'accept'
                ? t('scripts.run.accept')
                : choice.kind === 'refuse'
                  ? t('scripts.run.refuse', { reason: choice.label })
                  : choice.label}
            </Button>
          ))}
        </Stack>
      )}
      {typing && !run.ended && (
        <TextInput
          ref={field}
          size="md"
          value={typed}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              answer(typed);
            }
          }}
          placeholder={
            shown.input?.inputType == null
              ? undefined
              : t(`scripts.input.hint.${shown.input.inputType}`)
          }
          aria-label={shown.text === '' ? t('scripts.run.answer') : shown.text}
          required={shown.input?.required === true}
          error={problem === null ? undefined : t(`scripts.problem.${problem}`)}
          data-testid="script-input"
          data-autofocus
        />
      )}
      {!typing && problem !== null && (
        <Text c="red" size="sm" mt="xs" role="alert" data-testid="script-problem">
          {t(`scripts.problem.${problem}`)}
        </Text>
      )}
      {(shown.type === 'say' || shown.type === 'order') && !run.ended && (
        <Group mt="sm">
          <Button onClick={goOn} tabIndex={-1} data-testid="script-next">
            {shown.type === 'order'
              ? t('scripts.run.order', { type: shown.item ?? '' })
              : t('scripts.run.next')}
          </Button>
        </Group>
      )}
      {shown.type === 'transfer' && shown.department !== null && (
        <Group mt="sm" gap="sm">
          <Text data-testid="script-department">
            {t('scripts.run.transferTo', { department: shown.department.name })}
          </Text>
          {onTransfer !== undefined && shown.department.number !== null && (
            <Button
              onClick={() => shown.department?.number && onTransfer(shown.department.number)}
              data-testid="script-transfer"
            >
              {t('scripts.run.transfer')}
            </Button>
          )}
        </Group>
      )}
      {run.ended && (
        <Stack gap={2} mt="sm" data-testid="script-ended">
          <Text fw={600}>{t('scripts.run.ended')}</Text>
          {shown.outcome !== null && (
            <Text size="sm" data-testid="script-outcome">
              {t('scripts.run.outcome', {
                outcome: t(`clients.outcomes.${shown.outcome}`),
              })}
              {shown.refusalLabel === null ? '' : ` · ${shown.refusalLabel}`}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/**
 * Back and finish, under the step: kept in place from step to step (only
 * whether each can be pressed changes), so a step redraws just itself.
 */
const RunnerFooter = memo(function RunnerFooter({
  canGoBack,
  canFinish,
  onBack,
  onFinish,
}: {
  canGoBack: boolean;
  canFinish: boolean;
  onBack: () => void;
  onFinish: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs">
      <Button
        size="xs"
        variant="default"
        disabled={!canGoBack}
        onClick={onBack}
        tabIndex={-1}
        data-testid="script-back"
      >
        {t('scripts.run.back')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('scripts.run.keys')}
      </Text>
      {canFinish && (
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          onClick={onFinish}
          tabIndex={-1}
          data-testid="script-finish"
        >
          {t('scripts.run.finish')}
        </Button>
      )}
    </Group>
  );
});
