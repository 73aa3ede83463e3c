import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { checkAnswer } from '../../../src-main/core/scripts/answerCheck';
import { ScriptLibrary } from '../../../src-main/core/scripts/scriptLibrary';
import { ScriptRuns } from '../../../src-main/core/scripts/scriptRuns';
import { scriptGraphSchema, type ScriptNode } from '../../../src-shared/scripts/scriptGraph';
import { openTempDatabase, tempDatabaseFile } from '../../support/tempDatabase';

const clock = { now: () => new Date('2026-12-06T10:00:00Z') };
const graph = (closing: string) =>
  scriptGraphSchema.parse({
    name: 'Телепродажі: тариф',
    start: 'hello',
    nodes: [
      { id: 'hello', type: 'say', text: 'Добрий день! Маємо для вас пропозицію.', next: 'has' },
      {
        id: 'has',
        type: 'question',
        text: 'Ви вже маєте інтернет?',
        variable: 'has',
        choices: [
          { id: 'yes', label: 'Так, інший провайдер', next: 'route' },
          { id: 'no', label: 'Ні', next: 'speed' },
        ],
      },
      {
        id: 'route',
        type: 'branch',
        on: { source: 'answer', name: 'has' },
        cases: [{ equals: 'yes', next: 'mark' }],
        otherwise: 'speed',
      },
      { id: 'mark', type: 'setVariable', variable: 'segment', value: 'switcher', next: 'speed' },
      {
        id: 'speed',
        type: 'input',
        text: 'Яка швидкість потрібна, Мбіт/с?',
        variable: 'speed',
        inputType: 'number',
        required: true,
        min: 10,
        max: 1000,
        next: 'offer',
      },
      {
        id: 'offer',
        type: 'offer',
        item: 'Тариф «Швидкий»',
        text: 'Пропоную «Швидкий» на {{answers.speed}} Мбіт/с.',
        accepted: 'sale',
        refused: 'bye',
      },
      { id: 'sale', type: 'end', outcome: 'sale' },
      { id: 'bye', type: 'end', outcome: 'refused', refusalReason: closing },
    ],
  });

let file: string;
let db: PultDatabase;
let library: ScriptLibrary;
let runs: ScriptRuns;
let v1: number;

beforeAll(async () => {
  file = tempDatabaseFile();
  db = await openTempDatabase(file);
  library = new ScriptLibrary(db, clock);
  const draft = library.create(graph('tooExpensive'), 'supervisor');
  const published = library.publish(draft.id, 'supervisor');
  if (!published.published) throw new Error('not published');
  v1 = draft.id;
  runs = new ScriptRuns(db, library, clock);
});
afterAll(async () => {
  await db.close();
});

describe('a script run', () => {
  it('goes node by node with the answers, takes branches by itself, checks inputs, and ends on the offer refused', () => {
    let state = runs.start(v1, { actor: 'op1' });
    expect(state.node.id).toBe('hello');
    const go = (value?: string) => {
      const result = runs.answer(state.runId, value);
      if (!result.ok) return result.problem;
      state = result.state;
      return state.node.id;
    };
    expect(go()).toBe('has');
    expect(go('maybe')).toBe('noSuchChoice');
    // "Yes": the branch and the set variable are taken by the run itself.
    expect(go('yes')).toBe('speed');
    expect(state.variables).toEqual({ segment: 'switcher' });
    expect(go('')).toBe('required');
    expect(go('швидко')).toBe('notANumber');
    expect(go('5')).toBe('tooSmall');
    expect(go('100')).toBe('offer');
    expect(go('refused')).toBe('bye');
    expect(state.ended).toBe(true);
    expect(state.answers).toEqual({ has: 'yes', speed: '100', offer: 'refused' });
    expect(state.node).toMatchObject({ outcome: 'refused', refusalReason: 'tooExpensive' });
    expect(go()).toBe('runEnded');
  });

  it('back is a step of its own: the node before is shown again, and the answer stays in the history', () => {
    const start = runs.start(v1, { actor: 'op1' });
    runs.answer(start.runId);
    runs.answer(start.runId, 'no');
    const atSpeed = runs.state(start.runId);
    expect(atSpeed.node.id).toBe('speed');
    const back = runs.back(start.runId);
    expect(back.node.id).toBe('has');
    expect(back.answers).toEqual({ has: 'no' });
    const kinds = db.sqlite
      .prepare('SELECT kind, node_id AS nodeId FROM script_run_steps WHERE run_id = ? ORDER BY id')
      .all(start.runId);
    expect(kinds).toEqual([
      { kind: 'enter', nodeId: 'hello' },
      { kind: 'enter', nodeId: 'has' },
      { kind: 'answer', nodeId: 'has' },
      { kind: 'enter', nodeId: 'speed' },
      { kind: 'back', nodeId: 'speed' },
    ]);
    // Answered differently this time: the latest answer counts, the first is still recorded.
    const result = runs.answer(start.runId, 'yes');
    expect(result.ok && result.state.answers).toEqual({ has: 'yes' });
  });

  it('stays on the version it started on when a new one is published, and is where it was after the app is gone', async () => {
    const started = runs.start(v1, { actor: 'op1' });
    runs.answer(started.runId);
    runs.answer(started.runId, 'no');
    const next = library.saveDraft(library.version(v1)!.scriptId, graph('hasProvider'), 's');
    expect(library.publish(next.id, 's').published).toBe(true);
    // The base closed and opened again, as after a kill: the run stands where it stood.
    await db.close();
    db = await openTempDatabase(file);
    library = new ScriptLibrary(db, clock);
    runs = new ScriptRuns(db, library, clock);
    const resumed = runs.state(started.runId);
    expect(resumed).toMatchObject({ versionId: v1, ended: false, answers: { has: 'no' } });
    expect(resumed.node.id).toBe('speed');
    runs.answer(started.runId, '50');
    const ended = runs.answer(started.runId, 'refused');
    // The old version's end, not the new one's.
    expect(ended.ok && ended.state.node).toMatchObject({ refusalReason: 'tooExpensive' });
  });

  it('starts only on a published version', () => {
    const draft = library.create(graph('x'), 'supervisor');
    expect(() => runs.start(draft.id, { actor: 'op1' })).toThrow(/not published/);
  });
});

describe('an input answer', () => {
  const input = (extra: Partial<Extract<ScriptNode, { type: 'input' }>>) =>
    ({
      id: 'i',
      type: 'input',
      text: '',
      variable: 'v',
      required: false,
      ...extra,
    }) as Extract<ScriptNode, { type: 'input' }>;
  it.each<[Partial<Extract<ScriptNode, { type: 'input' }>>, string, string | undefined]>([
    [{ inputType: 'money', min: 100 }, '240,50', undefined],
    [{ inputType: 'money' }, '240.505', 'notMoney'],
    [{ inputType: 'money', max: 200 }, '240', 'tooLarge'],
    [{ inputType: 'date' }, '2026-02-30', 'notADate'],
    [{ inputType: 'date' }, '2026-12-31', undefined],
    [{ inputType: 'timeSlot' }, '10:00-12:00', undefined],
    [{ inputType: 'timeSlot' }, '12:00-10:00', 'notATimeSlot'],
    [{ inputType: 'phone' }, '067 123 45 67', undefined],
    [{ inputType: 'phone' }, '12', 'notAPhone'],
    [{ inputType: 'yesNo' }, 'так', 'notYesNo'],
    [{ inputType: 'choiceList', options: ['Київ', 'Львів'] }, 'Львів', undefined],
    [{ inputType: 'choiceList', options: ['Київ'] }, 'Одеса', 'notAnOption'],
    [{ inputType: 'text', pattern: '^\\d{10}$' }, '1234567890', undefined],
    [{ inputType: 'text', pattern: '^\\d{10}$' }, '12345', 'patternMismatch'],
    [{ inputType: 'text' }, 'я'.repeat(501), 'tooLong'],
    [{}, 'щось', 'noType'],
    [{ inputType: 'number', required: false }, '', undefined],
  ])('%j with %j: %j', (extra, value, problem) => {
    expect(checkAnswer(input(extra), value)).toBe(problem);
  });

  it('a pattern that is not a regular expression is refused in the script', () => {
    const bad = graph('x');
    const speed = bad.nodes.find((n) => n.id === 'speed');
    expect(
      scriptGraphSchema.safeParse({
        ...bad,
        nodes: bad.nodes.map((n) => (n === speed ? { ...n, inputType: 'text', pattern: '([' } : n)),
      }).success,
    ).toBe(false);
  });
});
