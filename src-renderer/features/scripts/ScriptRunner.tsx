import { Badge, Button, Group, Kbd, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptRunView } from '../../../src-shared/scripts/scriptRunView';
import { invoke, PultRequestError } from '../../api/pultClient';
import { loadOrderCatalogue, orderRequests } from '../orders';
import { reportProblem } from '../../common/problems';
import { RunAnswers } from './RunAnswers';
import { runChanges } from './runChanges';

type Choice = ScriptRunView['node']['choices'][number];
type Problem = Extract<Awaited<ReturnType<typeof answerRun>>, { ok: false }>['problem'];

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

const answerRun = (runId: number, value?: string) =>
  invoke('scripts.answer', value === undefined ? { runId } : { runId, value });

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
 * next key press acts on what is on screen. A key pressed while the last one
 * is still on its way is not taken: nothing is answered unseen.
 */
export function ScriptRunner(props: RunnerProps) {
  const { run: opened, onRun } = props;
  // The run's steps are this component's own: a key press redraws the runner, not the
  // section (or the whole window) it sits in.
  const [run, setRun] = useState(opened);
  const [was, setWas] = useState(opened);
  if (opened !== was) {
    setWas(opened);
    setRun(opened);
  }
  return (
    <RunnerView
      {...props}
      run={run}
      onRun={(next) => {
        setRun(next);
        onRun?.(next);
      }}
    />
  );
}

function RunnerView(props: RunnerProps & { onRun: (run: ScriptRunView) => void }) {
  const { t } = useTranslation();
  const { run } = props;
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
      {/* Each node starts clean (nothing typed, the first way on highlighted). */}
      <RunnerNode key={`${run.runId}:${run.node.id}:${run.ended}`} {...props} />
      {/* Outside the node: the answers so far are kept on screen, one row added a step. */}
      <RunAnswers answers={run.answers} />
    </Stack>
  );
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
  onRun,
  onTransfer,
}: RunnerProps & { onRun: (run: ScriptRunView) => void }) {
  const { t } = useTranslation();
  const node = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const busy = useRef(false);
  const [typed, setTyped] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
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

  const go = (request: () => Promise<ScriptRunView | { problem: Problem }>) => {
    if (busy.current) return;
    busy.current = true;
    request()
      .then(
        (next) => {
          if ('problem' in next) setProblem(next.problem);
          else {
            onRun(next);
            runChanges.publish(next);
          }
        },
        (e: unknown) => reportProblem('script', e),
      )
      .finally(() => {
        busy.current = false;
      });
  };
  const answer = (value?: string) =>
    go(async () => {
      const result = await answerRun(run.runId, value);
      return result.ok ? result.run : { problem: result.problem };
    });
  const back = () => go(() => invoke('scripts.back', { runId: run.runId }));
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
    <>
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
                color={
                  choice.kind === 'refuse' ? 'red' : choice.kind === 'accept' ? 'teal' : 'blue'
                }
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
      <Group justify="space-between" gap="xs">
        <Button
          size="xs"
          variant="default"
          disabled={!run.canGoBack}
          onClick={back}
          tabIndex={-1}
          data-testid="script-back"
        >
          {t('scripts.run.back')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('scripts.run.keys')}
        </Text>
        {run.canFinish && (
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            onClick={() => go(() => invoke('scripts.finish', { runId: run.runId }))}
            tabIndex={-1}
            data-testid="script-finish"
          >
            {t('scripts.run.finish')}
          </Button>
        )}
      </Group>
    </>
  );
}
