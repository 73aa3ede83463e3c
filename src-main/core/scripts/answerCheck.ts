import type { ScriptNode } from '../../../src-shared/scripts/scriptGraph';
import { normalizePhone } from '../phones/phoneNumbers';
import type { runProblems } from '../../../src-shared/scripts/scriptRunView';

/** Why the run does not go on with what the operator entered; the runner says it on the field. */
export type AnswerProblem = (typeof runProblems)[number];

/** An answer longer than any a client dictates: refused, and a pattern never runs on it. */
export const maxAnswerLength = 500;

/** An input's answer, checked against its type and limits (min and max in the type's unit: hryvnias for money). */
export function checkAnswer(
  node: Extract<ScriptNode, { type: 'input' }>,
  raw: string,
): AnswerProblem | undefined {
  const value = raw.normalize('NFC').trim();
  if (value === '') return node.required ? 'required' : undefined;
  if (value.length > maxAnswerLength) return 'tooLong';
  const inRange = (n: number): AnswerProblem | undefined =>
    node.min !== undefined && n < node.min
      ? 'tooSmall'
      : node.max !== undefined && n > node.max
        ? 'tooLarge'
        : undefined;
  switch (node.inputType) {
    case undefined:
      return 'noType';
    case 'number': {
      const n = Number(value.replace(',', '.'));
      return Number.isFinite(n) ? inRange(n) : 'notANumber';
    }
    case 'money': {
      // Whole kopiyky at most: "240,50" or "240.50", never a float's guess.
      const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(value.replace(/\s/g, ''));
      if (m === null) return 'notMoney';
      return inRange(Number(m[1]) + Number((m[2] ?? '0').padEnd(2, '0')) / 100);
    }
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const date = m === null ? undefined : new Date(`${value}T00:00:00Z`);
      return date === undefined ||
        Number.isNaN(date.getTime()) ||
        date.toISOString().slice(0, 10) !== value
        ? 'notADate'
        : undefined;
    }
    case 'timeSlot': {
      const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
      return m === null || `${m[1]}:${m[2]}` >= `${m[3]}:${m[4]}` ? 'notATimeSlot' : undefined;
    }
    case 'phone':
      return normalizePhone(value).ok ? undefined : 'notAPhone';
    case 'yesNo':
      return value === 'yes' || value === 'no' ? undefined : 'notYesNo';
    case 'choiceList':
      return (node.options ?? []).includes(value) ? undefined : 'notAnOption';
    case 'text':
      if (node.pattern === undefined) return undefined;
      // The pattern is the script author's (a supervisor's), run on at most 500 characters.
      return new RegExp(node.pattern, 'u').test(value) ? undefined : 'patternMismatch';
  }
}
