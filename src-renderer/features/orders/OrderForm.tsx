import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localized, type OrderType } from '../../../src-shared/orders/catalogue';
import {
  checkOrder,
  type FieldProblem,
  type FieldValue,
  type OrderValues,
} from '../../../src-shared/orders/orderValues';
import type {
  OrderCatalogueView,
  OrderDraftView,
  OrderListItem,
} from '../../../src-shared/orders/orderViews';
import { invoke } from '../../api/pultClient';
import { formatDateTime, formatDuration } from '../../common/formatting';
import { reportProblem } from '../../common/problems';
import { OrderFieldInput } from './fields/OrderFieldInput';
import { readBack } from './readBack';
import { useDraftSaver } from './useDraftSaver';

/** The window checks as the operator types; main checks the phone rule (and everything else) again. */
const phoneLooksRight = (typed: string) => /^\+?[\d\s()-]{9,20}$/.test(typed.trim());

/** The fields Enter moves between: text-like inputs, in the order they are drawn. */
const focusables =
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([disabled]):not([readonly]), textarea:not([disabled])';

/**
 * An order as the client dictates it: field by field, each checked as typed
 * and saved as typed, Enter going on to the next; then read back (with the
 * sum in words and the reminders), "the client confirmed" stamped with the
 * time in the call, and submitted once.
 */
export function OrderForm({
  draft,
  type,
  catalogue,
  callAnsweredAt,
  onDone,
}: {
  draft: OrderDraftView;
  type: OrderType;
  catalogue: OrderCatalogueView;
  /** When the draft's call was answered: the confirmation says how far into the call it came. */
  callAnsweredAt: string | null;
  onDone: (order: OrderListItem | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'uk';
  const [values, setValues] = useState<OrderValues>(draft.values);
  const [confirmedAt, setConfirmedAt] = useState<string | null>(draft.clientConfirmedAt);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [stage, setStage] = useState<'fields' | 'readBack'>('fields');
  const [serverProblems, setServerProblems] = useState<Record<string, FieldProblem>>({});
  const [double, setDouble] = useState<OrderListItem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const saver = useDraftSaver(draft.uid, setConfirmedAt);
  const form = useRef<HTMLDivElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);

  const check = useMemo(
    () =>
      checkOrder(type, values, {
        today: catalogue.today,
        now: catalogue.now,
        products: new Map(catalogue.products.map((p) => [p.code, p])),
        tariffs: new Map(catalogue.tariffs.map((x) => [x.code, x])),
        phoneOk: phoneLooksRight,
      }),
    [type, values, catalogue],
  );
  const problems = { ...check.problems, ...serverProblems };
  const shown = (code: string) => (showAll || touched.has(code) ? problems[code] : undefined);

  const change = (code: string, value: FieldValue) => {
    const next = { ...values, [code]: value };
    setValues(next);
    setServerProblems((shown) =>
      Object.fromEntries(Object.entries(shown).filter(([k]) => k !== code)),
    );
    saver.save(next);
  };

  // The first field has the focus when the form opens, before the operator reaches for the mouse.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>(focusables)?.focus();
  }, []);
  useEffect(() => {
    if (stage === 'readBack')
      (confirmedAt === null ? confirmButton : submitButton).current?.focus();
  }, [stage, confirmedAt]);

  const toReadBack = () => {
    setShowAll(true);
    const wrong = type.fields.find((f) => problems[f.code] !== undefined);
    if (wrong !== undefined) {
      const part = problems[wrong.code]?.part;
      const box =
        (part === undefined
          ? null
          : form.current?.querySelector<HTMLElement>(
              `[data-testid="order-${wrong.code}-${part}"]`,
            )) ?? form.current?.querySelector<HTMLElement>(`[data-testid="order-${wrong.code}"]`);
      (box?.matches(focusables) ? box : box?.querySelector<HTMLElement>(focusables))?.focus();
      return;
    }
    setStage('readBack');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || event.defaultPrevented || !target.hasAttribute('data-enter-next'))
      return;
    event.preventDefault();
    const all = [...(form.current?.querySelectorAll<HTMLElement>(focusables) ?? [])];
    const next = all[all.indexOf(target) + 1];
    if (next === undefined) toReadBack();
    else next.focus();
  };

  const confirm = async () => {
    await saver.settled();
    invoke('orders.draft.confirm', { uid: draft.uid }).then(
      (result) => {
        if ('problems' in result) {
          setServerProblems(result.problems);
          setStage('fields');
          setShowAll(true);
        } else setConfirmedAt(result.confirmedAt);
      },
      (e: unknown) => reportProblem('save', e),
    );
  };

  const submit = async (notADouble: boolean) => {
    if (submitting) return;
    setSubmitting(true);
    await saver.settled();
    try {
      const result = await invoke('orders.submit', { uid: draft.uid, notADouble });
      if (result.kind === 'invalid') {
        setServerProblems(result.problems);
        setStage('fields');
        setShowAll(true);
      } else if (result.kind === 'possibleDouble') setDouble(result.earlier);
      else {
        notifications.show({
          color: 'green',
          message: t('orders.form.submitted', {
            title: result.order.title,
            client: result.order.clientName,
          }),
        });
        onDone(result.order);
      }
    } catch (e) {
      reportProblem('save', e);
    } finally {
      setSubmitting(false);
    }
  };

  const inCall =
    confirmedAt === null || callAnsweredAt === null
      ? null
      : formatDuration(Math.max(0, (Date.parse(confirmedAt) - Date.parse(callAnsweredAt)) / 1000));
  const summary =
    stage === 'readBack' ? readBack(type, values, check.totalKop, catalogue, t, language) : null;

  return (
    <div ref={form} onKeyDown={onKeyDown} data-testid="order-form" data-stage={stage}>
      {stage === 'fields' ? (
        <Stack gap="sm">
          {type.fields.map((field, index) => (
            <div
              key={field.code}
              // A field is "touched" once the focus leaves it (not when it moves within it).
              onBlur={(event) => {
                if (event.currentTarget.contains(event.relatedTarget)) return;
                setTouched((s) => (s.has(field.code) ? s : new Set(s).add(field.code)));
              }}
            >
              <OrderFieldInput
                field={field}
                label={localized(field.label, language)}
                value={values[field.code]}
                onChange={(value) => change(field.code, value)}
                problem={shown(field.code)}
                catalogue={catalogue}
                language={language}
                first={index === 0}
              />
            </div>
          ))}
          <Group justify="space-between">
            <Text
              size="xs"
              c={saver.state.kind === 'failed' ? 'red' : 'dimmed'}
              data-testid="order-save-state"
              data-state={saver.state.kind}
            >
              {saver.state.kind === 'saving'
                ? t('orders.form.saving')
                : saver.state.kind === 'failed'
                  ? t('orders.form.saveFailed')
                  : t('orders.form.saved')}
            </Text>
            <Button onClick={toReadBack} data-testid="order-read-back">
              {t('orders.form.readBack')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm" data-testid="order-summary">
          <Title order={3} size="h5">
            {t('orders.form.readBackTitle')}
          </Title>
          <Paper withBorder p="sm">
            <Stack gap={4}>
              {summary?.lines.map((line) => (
                <Text key={line.label} size="md">
                  <Text span c="dimmed">
                    {line.label}:
                  </Text>{' '}
                  {line.text}
                </Text>
              ))}
              {summary?.total !== null && summary?.total !== undefined && (
                <Text size="lg" fw={600} mt="xs" data-testid="order-total-words">
                  {t('orders.form.total', {
                    figures: summary.total.figures,
                    words: summary.total.words,
                  })}
                </Text>
              )}
            </Stack>
          </Paper>
          {summary !== null && summary.reminders.length > 0 && (
            <Alert title={t('orders.form.reminders')} data-testid="order-reminders">
              <List size="sm">
                {summary.reminders.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {double !== null && (
            <Alert color="yellow" title={t('orders.form.doubleTitle')} data-testid="order-double">
              <Text size="sm" mb="xs">
                {t('orders.form.doubleText', {
                  title: double.title,
                  at: formatDateTime(double.createdAt, language),
                })}
              </Text>
              <Group>
                <Button
                  size="xs"
                  color="yellow"
                  onClick={() => void submit(true)}
                  data-testid="order-not-double"
                >
                  {t('orders.form.notADouble')}
                </Button>
                <Button size="xs" variant="default" onClick={() => onDone(null)}>
                  {t('orders.form.keepDraft')}
                </Button>
              </Group>
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStage('fields')} data-testid="order-back">
              {t('orders.form.back')}
            </Button>
            <Group>
              {confirmedAt === null ? (
                <Button
                  ref={confirmButton}
                  onClick={() => void confirm()}
                  data-testid="order-confirm"
                >
                  {t('orders.form.clientConfirmed')}
                </Button>
              ) : (
                <Text size="sm" c="green" data-testid="order-confirmed-at">
                  {inCall === null
                    ? t('orders.form.confirmedAt', { at: formatDateTime(confirmedAt, language) })
                    : t('orders.form.confirmedInCall', {
                        at: formatDateTime(confirmedAt, language),
                        inCall,
                      })}
                </Text>
              )}
              <Button
                ref={submitButton}
                disabled={confirmedAt === null || double !== null}
                loading={submitting}
                onClick={() => void submit(false)}
                data-testid="order-submit"
              >
                {t('orders.form.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </div>
  );
}
