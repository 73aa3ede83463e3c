import { Button, Group, Paper, Select, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispositions, type Disposition } from '../../../src-shared/calls/wrapUpSchema';
import type { ResponseOf } from '../../../src-main/ipc/contract';
import { invoke, onEvent } from '../../api/pultClient';
import { formatDuration } from '../../common/formatting';
import { useNow } from './useCalls';
import { reportProblem } from '../../common/problems';

type Pending = NonNullable<ResponseOf<'wrapUp.pending'>>;
type FieldErrors = Extract<ResponseOf<'wrapUp.finish'>, { ok: false }>['fieldErrors'];

/**
 * After a call: what came of it. The operator cannot go Ready until the
 * outcome is recorded (and a refusal has its reason, a callback its time).
 */
export function WrapUpPanel() {
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(() => {
    const refresh = (state: string) => {
      if (state !== 'wrapUp') {
        setPending(null);
        return;
      }
      invoke('wrapUp.pending').then(setPending, (e: unknown) => reportProblem('load', e));
    };
    void invoke('status.get').then(
      (s) => refresh(s.agent.state),
      (e: unknown) => reportProblem('load', e),
    );
    return onEvent('status.changed', (s) => refresh(s.agent.state));
  }, []);
  if (pending === null) return null;
  // Keyed by the call: the next call's wrap-up starts with an empty form.
  return (
    <WrapUpForm
      key={pending.interactionId}
      pending={pending}
      // The next call left without its wrap-up, if any, comes up at once.
      onDone={() => void invoke('wrapUp.pending').then(setPending, () => setPending(null))}
    />
  );
}

function WrapUpForm({ pending, onDone }: { pending: Pending; onDone: () => void }) {
  const { t } = useTranslation();
  // What the call's script ended on comes filled in; the operator may change it.
  const [disposition, setDisposition] = useState<Disposition | null>(
    pending.suggested?.disposition ?? null,
  );
  const [reason, setReason] = useState<string | null>(pending.suggested?.refusalReason ?? null);
  const [callbackAt, setCallbackAt] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const error = (field: keyof FieldErrors) =>
    errors[field] === undefined
      ? undefined
      : t(`calls.wrapUp.errors.${errors[field]}`, { defaultValue: errors[field] });
  const save = () => {
    const when = new Date(callbackAt);
    invoke('wrapUp.finish', {
      ...(disposition === null ? {} : { disposition }),
      ...(disposition === 'refused' && reason !== null ? { refusalReason: reason } : {}),
      ...(disposition === 'callback' && !Number.isNaN(when.getTime())
        ? { callbackAt: when.toISOString() }
        : {}),
      notes,
    }).then(
      (result) => {
        if (result.ok) onDone();
        else setErrors(result.fieldErrors);
      },
      (e: unknown) => reportProblem('save', e),
    );
  };
  return (
    <Paper withBorder p="md" radius="sm" mb="md" data-testid="wrap-up">
      <Title order={2} size="h5" mb="xs">
        {t('calls.wrapUp.title')}
      </Title>
      <Group gap="sm" mb="sm">
        <Text size="sm" c="dimmed">
          {pending.clientName ?? pending.remoteNumber}
        </Text>
        {pending.deadline !== null && <WrapUpClock deadline={pending.deadline} pending={pending} />}
        {pending.suggested?.disposition != null && (
          <Text size="sm" c="blue" data-testid="wrap-up-from-script">
            {t('calls.wrapUp.fromScript')}
          </Text>
        )}
      </Group>
      <Group align="flex-start" gap="sm">
        <Select
          label={t('calls.wrapUp.disposition')}
          w={200}
          value={disposition}
          onChange={(v) => setDisposition(dispositions.find((d) => d === v) ?? null)}
          data={pending.dispositions.map(({ group, items }) => ({
            group: t(`calls.wrapUp.groups.${group}`),
            items: items.map((d) => ({ value: d, label: t(`clients.outcomes.${d}`) })),
          }))}
          error={error('disposition')}
          // The call has just ended: the outcome is what the operator fills in next.
          autoFocus
          data-testid="wrap-up-disposition"
        />
        {disposition === 'refused' && (
          <Select
            label={t('calls.wrapUp.reason')}
            w={220}
            value={reason}
            onChange={setReason}
            data={pending.reasons.map((r) => ({ value: r.code, label: r.label }))}
            error={error('refusalReason')}
            data-testid="wrap-up-reason"
          />
        )}
        {disposition === 'callback' && (
          <TextInput
            type="datetime-local"
            label={t('calls.wrapUp.callbackAt')}
            value={callbackAt}
            onChange={(e) => setCallbackAt(e.currentTarget.value)}
            error={error('callbackAt')}
            data-testid="wrap-up-callback-at"
          />
        )}
        <Textarea
          label={t('calls.wrapUp.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value.slice(0, 2000))}
          autosize
          minRows={1}
          style={{ flex: 1, minWidth: 200 }}
          data-testid="wrap-up-notes"
        />
      </Group>
      <Group justify="flex-end" mt="sm">
        <Button onClick={save} data-testid="wrap-up-save">
          {t('calls.wrapUp.save')}
        </Button>
      </Group>
    </Paper>
  );
}

/** The time left for a time-boxed wrap-up; past it, says what happens. */
function WrapUpClock({ deadline, pending }: { deadline: string; pending: Pending }) {
  const { t } = useTranslation();
  const now = useNow();
  const left = (Date.parse(deadline) - now) / 1000;
  if (left > 0)
    return (
      <Text size="sm" ff="monospace" data-testid="wrap-up-clock">
        {t('calls.wrapUp.timeLeft', { time: formatDuration(left) })}
      </Text>
    );
  return (
    <Text size="sm" c="red" data-testid="wrap-up-clock">
      {t(pending.whenTimeUp === 'stay' ? 'calls.wrapUp.overdue' : 'calls.wrapUp.timeUp')}
    </Text>
  );
}
