import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientBase } from '../../../src-main/core/clients/clientBase';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { demoScripts } from '../../../src-main/core/demo/demoScripts';
import { loadDemoWorkspace } from '../../../src-main/core/demo/demoWorkspace';
import { branchStats } from '../../../src-main/core/scripts/branchStats';
import { publishProblems } from '../../../src-shared/scripts/publishCheck';
import type { ScriptDesk } from '../../../src-main/core/scripts/scriptDesk';
import { emptyPolicy, type MachinePolicy } from '../../../src-main/core/settings/machinePolicy';
import { scriptsOf } from '../../../src-main/core/workstation/workstationScripts';
import { scriptGraphSchema } from '../../../src-shared/scripts/scriptGraph';
import { stepAhead } from '../../../src-shared/scripts/runAhead';
import type { ScriptRunView } from '../../../src-shared/scripts/scriptRunView';
import { openTempDatabase } from '../../support/tempDatabase';

const clock = { now: () => new Date('2026-12-06T10:00:00Z') };
const store = { read: () => undefined, write: () => undefined };
const policy: MachinePolicy = {
  ...emptyPolicy,
  calls: {
    ...emptyPolicy.calls,
    departments: [{ name: 'Технічна підтримка', number: '044 123 45 67' }],
  },
  scripts: {
    operatorsMay: { goBack: true, finishEarly: true },
    lines: [
      { line: '0 800 300 500', script: 'Продаж: тариф «Інтернет 500»' },
      { line: '2001', script: 'Підтримка: інтернет і ТБ' },
    ],
  },
};

let db: PultDatabase;
let desk: ScriptDesk;
let clientId: number;
const call = () =>
  Number(
    db.sqlite
      .prepare(
        `INSERT INTO interactions (client_id, kind, direction, remote_number, offered_at, answered_at, ring_seconds, talk_seconds, notes)
         VALUES (?, 'call', 'inbound', '+380671234567', ?, ?, 3, 0, '')`,
      )
      .run(clientId, clock.now().toISOString(), clock.now().toISOString()).lastInsertRowid,
  );

beforeAll(async () => {
  db = await openTempDatabase();
  const clients = new ClientBase(db, clock, 'UA', () => 'uk', store);
  loadDemoWorkspace(db.sqlite, clock, 'demo', 300);
  const created = clients.create(
    {
      fullName: 'Шевчук Оксана Петрівна',
      phones: [{ raw: '067 123 45 67' }],
      address: 'вул. Січових Стрільців, 12, кв. 5',
    },
    'op1',
  );
  if (!created.ok) throw new Error('not created');
  clientId = created.id;
  desk = scriptsOf(
    { db, clients },
    { policy, clock, agentName: () => 'Ірина', language: () => 'uk' },
  ).desk;
});
afterAll(async () => {
  await db.close();
});

describe('the demo scripts', () => {
  it('are three published scripts that pass the publishing check, with runs in the history', () => {
    for (const graph of demoScripts) expect(publishProblems(graph)).toEqual([]);
    const listed = desk.catalogue();
    expect(listed.map((s) => [s.name, s.liveVersion])).toEqual([
      ['Анкетування: якість обслуговування', 1],
      ['Підтримка: інтернет і ТБ', 1],
      ['Продаж: тариф «Інтернет 500»', 1],
    ]);
    // What each branch earns, over the demo's runs: the telesales offer has both answers,
    // refusals counted by their reason.
    const telesales = listed.find((s) => s.name.startsWith('Продаж'))!;
    const versionId = (
      db.sqlite
        .prepare('SELECT id FROM script_versions WHERE script_id = ?')
        .get(telesales.scriptId) as { id: number }
    ).id;
    const stats = branchStats(db.sqlite, versionId);
    expect(stats.runs).toBeGreaterThan(50);
    const offer = stats.nodes.find((n) => n.nodeId === 'offer500')!;
    expect(offer.answers['accepted']).toBeGreaterThan(0);
    expect(offer.answers['refused:tooExpensive']).toBeGreaterThan(0);
    // Some of the demo's runs were cut off, by the demo's own operators: none is offered to
    // the operator who loaded the demo to go on with.
    expect(stats.nodes.some((n) => n.stoppedHere > 0)).toBe(true);
    expect(desk.unfinished('demo', 'uk')).toEqual([]);
    // "Дорого" leads to the cheaper tariff: its runs reached the re-offer.
    expect(stats.nodes.find((n) => n.nodeId === 'offer100')?.reached).toBeGreaterThan(0);
  });
});

describe('a call’s script', () => {
  it('is chosen by the dialled line however it is written, with the client’s fields and the agent’s name filled in', () => {
    const run = desk.forCall(
      { interactionId: call(), clientId, line: '+380800300500' },
      'op1',
      'uk',
    );
    expect(run?.scriptName).toBe('Продаж: тариф «Інтернет 500»');
    expect(run?.node.text).toContain('Добрий день, Оксана! Мене звати Ірина');
    // A caller the base does not know, on a line without a script, or with no line: none.
    expect(
      desk.forCall({ interactionId: call(), clientId: null, line: '+380441112233' }, 'op1', 'uk'),
    ).toBeNull();
    expect(
      desk.forCall({ interactionId: call(), clientId: null, line: null }, 'op1', 'uk'),
    ).toBeNull();
  });

  it('runs to the offer refused as "дорого", re-offers the cheaper tariff, and proposes the wrap-up', () => {
    const interactionId = call();
    let run = desk.forCall({ interactionId, clientId, line: '0800300500' }, 'op1', 'uk')!;
    const go = (value?: string): ScriptRunView => {
      const result = desk.answer(run.runId, value, 'uk');
      if (!result.ok) throw new Error(result.problem);
      run = result.view;
      return run;
    };
    go();
    expect(run.node.choices.map((c) => c.label)).toEqual(['Так', 'Зараз незручно']);
    go('yes');
    expect(run.node.type).toBe('offer');
    expect(run.node.text).toContain('вул. Січових Стрільців, 12, кв. 5');
    // Accept, then every refusal reason the center offers, in its words.
    expect(run.node.choices[0]).toEqual({
      value: 'accepted',
      kind: 'accept',
      label: 'Інтернет 500',
    });
    expect(run.node.choices.find((c) => c.value === 'refused:tooExpensive')?.label).toBe(
      'Занадто дорого',
    );
    // A reason the center does not offer is not taken.
    expect(desk.answer(run.runId, 'refused:madeUp', 'uk')).toEqual({
      ok: false,
      problem: 'noSuchChoice',
    });
    go('refused:tooExpensive');
    expect(run.node).toMatchObject({ id: 'offer100', type: 'offer' });
    go('refused:tooExpensive');
    go();
    expect(run.ended).toBe(true);
    expect(run.node).toMatchObject({
      outcome: 'refused',
      refusalReason: 'tooExpensive',
      refusalLabel: 'Занадто дорого',
    });
    expect(desk.suggestion(interactionId)).toEqual({
      runId: run.runId,
      disposition: 'refused',
      refusalReason: 'tooExpensive',
    });
    // The card's list: the run with each answer in words.
    const onCard = desk.ofClient(clientId, 'uk').find((r) => r.runId === run.runId)!;
    expect(onCard.outcome).toBe('refused');
    expect(onCard.answers.map((a) => [a.kind, a.value])).toEqual([
      ['choice', 'Так'],
      ['refuse', 'Занадто дорого'],
      ['refuse', 'Занадто дорого'],
    ]);
    // The call is asked again (a reload): the same run, not a new one.
    expect(desk.forCall({ interactionId, clientId, line: '0800300500' }, 'op1', 'uk')?.runId).toBe(
      run.runId,
    );
  });

  it('records an outcome saved other than the script proposed, and nothing when it is the same', () => {
    const interactionId = call();
    const run = desk.forCall({ interactionId, clientId, line: '0800300500' }, 'op1', 'uk')!;
    desk.answer(run.runId, undefined, 'uk');
    desk.answer(run.runId, 'later', 'uk');
    const suggested = desk.suggestion(interactionId)!;
    expect(suggested.disposition).toBe('callback');
    const changes = () =>
      db.sqlite
        .prepare(
          "SELECT details FROM audit_events WHERE action = 'script.outcomeChanged' AND entity_id = ?",
        )
        .all(interactionId) as { details: string }[];
    desk.recordOverride(
      suggested,
      { disposition: 'callback', refusalReason: null },
      interactionId,
      'op1',
    );
    expect(changes()).toEqual([]);
    desk.recordOverride(
      suggested,
      { disposition: 'sale', refusalReason: null },
      interactionId,
      'op1',
    );
    expect(changes().map((c) => JSON.parse(c.details) as unknown)).toEqual([
      {
        runId: run.runId,
        proposed: { disposition: 'callback', refusalReason: null },
        saved: { disposition: 'sale', refusalReason: null },
      },
    ]);
  });

  it('goes on where it stopped in the client’s next call (a callback), and that call’s wrap-up gets its outcome', () => {
    const clients = new ClientBase(db, clock, 'UA', () => 'uk', store);
    const created = clients.create(
      { fullName: 'Гнатюк Петро', phones: [{ raw: '050 765 43 21' }] },
      'op1',
    );
    if (!created.ok) throw new Error('not created');
    const interaction = () =>
      Number(
        db.sqlite
          .prepare(
            `INSERT INTO interactions (client_id, kind, direction, remote_number, offered_at, ring_seconds, talk_seconds, notes)
             VALUES (?, 'call', 'outbound', '+380507654321', ?, 0, 0, '')`,
          )
          .run(created.id, clock.now().toISOString()).lastInsertRowid,
      );
    const first = interaction();
    const run = desk.forCall(
      { interactionId: first, clientId: created.id, line: '0800300500' },
      'op1',
      'uk',
    )!;
    desk.answer(run.runId, undefined, 'uk');
    // Cut off at "Чи зручно говорити?"; the callback has no line of its own.
    const callback = interaction();
    const resumed = desk.forCall(
      { interactionId: callback, clientId: created.id, line: null },
      'op1',
      'uk',
    )!;
    expect(resumed.runId).toBe(run.runId);
    expect(resumed.node.id).toBe('time');
    expect(resumed.interactionId).toBe(callback);
    desk.answer(run.runId, 'later', 'uk');
    expect(desk.suggestion(callback)?.disposition).toBe('callback');
    // Ended, it is not taken up again: the next call starts by its line.
    const next = desk.forCall(
      { interactionId: interaction(), clientId: created.id, line: '0800300500' },
      'op1',
      'uk',
    )!;
    expect(next.runId).not.toBe(run.runId);
  });

  it('tries a draft with a sample client, counted nowhere, and the tries are gone once it is published', () => {
    const scripts = scriptsOf(
      { db, clients: new ClientBase(db, clock, 'UA', () => 'uk', store) },
      { policy, clock, agentName: () => 'Ірина', language: () => 'uk' },
    );
    const created = scripts.editing.create('Чернетка', 'op1');
    if (typeof created === 'string') throw new Error(created);
    const tried = scripts.desk.startTest(created.scriptId, 'op1', 'uk');
    if (typeof tried === 'string') throw new Error(tried);
    expect(tried).toMatchObject({ test: true, version: 1 });
    expect(tried.node.text).toContain('Добрий день, Олена!');
    expect(scripts.desk.unfinished('op1', 'uk').map((r) => r.runId)).not.toContain(tried.runId);
    // A real run cannot start on a draft.
    expect(scripts.desk.start(created.scriptId, { actor: 'op1' }, 'uk')).toBe('notPublished');
    scripts.desk.answer(tried.runId, undefined, 'uk');
    scripts.editing.publish(created.scriptId, 'op1');
    expect(scripts.desk.knows('run', tried.runId)).toBe(false);
    // The next run may take the removed try's rowid: it starts at the start, as a real run.
    const real = scripts.desk.start(created.scriptId, { actor: 'op1' }, 'uk');
    if (typeof real === 'string') throw new Error(real);
    expect(real).toMatchObject({ test: false, node: { id: 'start' } });
  });

  it('lets operators go back and finish early only where IT’s policy does; an early finish is an exit on its step', () => {
    const strict: MachinePolicy = {
      ...policy,
      scripts: { ...policy.scripts, operatorsMay: { goBack: false, finishEarly: false } },
    };
    const clients = new ClientBase(db, clock, 'UA', () => 'uk', store);
    const locked = scriptsOf(
      { db, clients },
      { policy: strict, clock, agentName: () => 'Ірина', language: () => 'uk' },
    ).desk;
    const run = locked.forCall(
      { interactionId: call(), clientId: null, line: '0800300500' },
      'op1',
      'uk',
    )!;
    const on = locked.answer(run.runId, undefined, 'uk');
    expect(on.ok && [on.view.canGoBack, on.view.canFinish]).toEqual([false, false]);
    expect(locked.back(run.runId, 'uk')).toBe('notAllowed');
    expect(locked.finish(run.runId, 'op1', 'uk')).toBe('notAllowed');

    const finished = desk.finish(run.runId, 'op1', 'uk');
    if (finished === 'notAllowed') throw new Error('not allowed');
    expect(finished).toMatchObject({ ended: true, canFinish: false, node: { id: 'time' } });
    expect(
      db.sqlite
        .prepare(
          "SELECT kind, node_id AS nodeId FROM script_run_steps WHERE run_id = ? AND kind = 'exit'",
        )
        .all(run.runId),
    ).toEqual([{ kind: 'exit', nodeId: 'time' }]);
    expect(desk.unfinished('op1', 'uk').map((r) => r.runId)).not.toContain(run.runId);
  });

  it('writes an input’s answer to the field of the card it names, and refuses one the card would not take', () => {
    const clients = new ClientBase(db, clock, 'UA', () => 'uk', store);
    const created = clients.create(
      { fullName: 'Бондар Ігор', phones: [{ raw: '063 111 22 33' }], notes: 'VIP' },
      'op1',
    );
    if (!created.ok) throw new Error('not created');
    const scripts = scriptsOf(
      { db, clients },
      { policy, clock, agentName: () => 'Ірина', language: () => 'uk' },
    );
    const graph = scriptGraphSchema.parse({
      name: 'Контакти',
      start: 'email',
      nodes: [
        {
          id: 'email',
          type: 'input',
          text: 'Ваш e-mail?',
          variable: 'email',
          inputType: 'text',
          clientField: 'email',
          next: 'wish',
        },
        {
          id: 'wish',
          type: 'input',
          text: 'Побажання?',
          variable: 'wish',
          inputType: 'text',
          clientField: 'notes',
          next: 'end',
        },
        { id: 'end', type: 'end', outcome: 'info' },
      ],
    });
    const draft = scripts.library.create(graph, 'op1');
    scripts.library.publish(draft.id, 'op1');
    const run = scripts.desk.start(draft.scriptId, { actor: 'op1', clientId: created.id }, 'uk');
    if (typeof run === 'string') throw new Error(run);
    expect(scripts.desk.answer(run.runId, 'не пошта', 'uk', 'op1')).toEqual({
      ok: false,
      problem: 'clientFieldInvalid',
    });
    expect(clients.card(created.id)?.email).toBe('');
    expect(scripts.desk.answer(run.runId, 'igor@ukr.net', 'uk', 'op1').ok).toBe(true);
    expect(scripts.desk.answer(run.runId, 'Дзвонити після 18:00', 'uk', 'op1').ok).toBe(true);
    const card = clients.card(created.id);
    expect(card).toMatchObject({ email: 'igor@ukr.net', notes: 'VIP\nДзвонити після 18:00' });
    // The phones stay as they were.
    expect(card?.phones.map((p) => p.e164)).toEqual(['+380631112233']);
  });

  it('gives a transfer node its department’s number from IT’s policy', () => {
    let run = desk.forCall({ interactionId: call(), clientId, line: '2001' }, 'op1', 'uk')!;
    for (const value of [undefined, 'modem', 'red']) {
      const result = desk.answer(run.runId, value, 'uk');
      if (!result.ok) throw new Error(result.problem);
      run = result.view;
    }
    expect(run.ended).toBe(true);
    expect(run.node.department).toEqual({ name: 'Технічна підтримка', number: '044 123 45 67' });
    expect(desk.suggestion(run.interactionId!)).toBeNull();
  });

  it('lists the operator’s unfinished runs newest first, and refuses to start for a call or client the base lacks', () => {
    const survey = desk.catalogue().find((s) => s.name.startsWith('Анкетування'))!;
    const started = desk.start(survey.scriptId, { actor: 'op7', clientId }, 'uk');
    if (typeof started === 'string') throw new Error(started);
    desk.answer(started.runId, undefined, 'uk');
    expect(desk.unfinished('op7', 'uk').map((r) => [r.runId, r.nodeText])).toEqual([
      [started.runId, 'Чи можете відповісти?'],
    ]);
    expect(desk.start(survey.scriptId, { actor: 'op7', interactionId: 999_999 }, 'uk')).toBe(
      'notFound',
    );
    expect(desk.start(survey.scriptId, { actor: 'op7', clientId: 999_999 }, 'uk')).toBe('notFound');
    expect(desk.start(999_999, { actor: 'op7' }, 'uk')).toBe('notPublished');
    expect(desk.knows('run', started.runId)).toBe(true);
    expect(desk.knows('run', 999_999)).toBe(false);
  });
});

describe('steps drawn ahead', () => {
  /** The run as the runner shows it: what a step drawn ahead must match. */
  const seen = (view: ScriptRunView) => ({
    node: view.node,
    ended: view.ended,
    canGoBack: view.canGoBack,
    canFinish: view.canFinish,
    answers: view.answers,
  });
  const started = (scriptId: number) => {
    const run = desk.start(scriptId, { actor: 'op1', clientId }, 'uk');
    if (typeof run === 'string') throw new Error(run);
    return run;
  };
  const answered = (view: ScriptRunView, value: string | null) => {
    const result = desk.answer(view.runId, value ?? undefined, 'uk', 'op1', view.node.id);
    if (!result.ok) throw new Error(`${view.node.id} ${value}: ${result.problem}`);
    return result.view;
  };

  it('are the steps main takes, for every pick of every demo script, two picks deep', () => {
    let checked = 0;
    for (const { scriptId } of desk.catalogue()) {
      // Every path of picks, breadth first; a typed answer foresees nothing and ends a path.
      const paths: (string | null)[][] = [[]];
      for (let i = 0; i < paths.length && i < 60; i++) {
        const path = paths[i]!;
        let view = started(scriptId);
        for (const value of path) view = answered(view, value);
        const typed = view.node.type === 'input' && view.node.input?.inputType !== 'yesNo';
        if (view.ended || (typed && view.node.input?.inputType !== 'choiceList')) {
          expect(view.ahead).toEqual([]);
          continue;
        }
        expect(view.ahead.length).toBeGreaterThan(0);
        for (const step of view.ahead) {
          // A fresh run down the same path, then the pick: main's step is the one drawn.
          let again = started(scriptId);
          for (const value of path) again = answered(again, value);
          const taken = answered(again, step.value);
          expect(seen(stepAhead(again, step.value)!)).toEqual(seen(taken));
          // The step after: as drawn two picks ahead, so is it drawn one pick ahead.
          for (const deeper of step.ahead)
            expect(taken.ahead.find((s) => s.value === deeper.value)?.node).toEqual(deeper.node);
          checked++;
          paths.push([...path, step.value]);
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('are drawn with the answers so far: a text that reads an answer has it', () => {
    const telesales = desk.catalogue().find((s) => s.name.startsWith('Продаж'))!;
    const first = started(telesales.scriptId);
    const onward = stepAhead(first, null)!;
    const yes = stepAhead(onward, 'yes')!;
    expect(yes.node.type).toBe('offer');
    // The offer reads the card's address, and the answers list has the pick in words.
    expect(yes.node.text).toContain('вул. Січових Стрільців, 12, кв. 5');
    expect(yes.answers.map((a) => [a.kind, a.value])).toEqual([['choice', 'Так']]);
  });

  it('an answer to a step the run has left is refused and writes nothing', () => {
    const telesales = desk.catalogue().find((s) => s.name.startsWith('Продаж'))!;
    const first = started(telesales.scriptId);
    const next = answered(first, null);
    const steps = () =>
      (
        db.sqlite
          .prepare('SELECT count(*) AS n FROM script_run_steps WHERE run_id = ?')
          .get(first.runId) as { n: number }
      ).n;
    const before = steps();
    // The runner answered the greeting again (a second window, a step drawn wrong).
    expect(desk.answer(first.runId, undefined, 'uk', 'op1', first.node.id)).toEqual({
      ok: false,
      problem: 'moved',
    });
    expect(steps()).toBe(before);
    expect(desk.view(first.runId, 'uk').node.id).toBe(next.node.id);
  });
});
