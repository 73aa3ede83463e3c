import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startKamailio } from '../support/kamailio';
import { openAppDatabase } from './support/appDatabase';
import { createClient } from './support/clients';
import { launchPult, newUserDataDir } from './support/pultApp';
import { SipPhone } from './support/sipPhone';
import { registerPult } from './support/sipSetup';

/** IT's policy: the telesales line's calls get the telesales script; the PBX names the line in X-Line. */
function scriptPolicy(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-policy-')), 'policy.json');
  writeFileSync(
    file,
    JSON.stringify({
      scripts: {
        lineHeader: 'X-Line',
        lines: [{ line: '0 800 300 500', script: 'Продаж: тариф «Інтернет 500»' }],
      },
    }),
  );
  return file;
}

async function loadDemo(page: Page): Promise<void> {
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('client-count')).toHaveText(/Усього клієнтів: 10[\s ]?000/, {
    timeout: 60_000,
  });
}

test('an inbound call on the telesales line: its script, run by keyboard alone to "дорого", fills the wrap-up; the card shows the run', async () => {
  test.setTimeout(180_000);
  const kamailio = await startKamailio([]);
  const caller = await SipPhone.start('+380671112299');
  const userDataDir = newUserDataDir();
  const app = await launchPult({ userDataDir, env: { PULT_POLICY_FILE: scriptPolicy() } });
  try {
    const page = await app.firstWindow();
    await loadDemo(page);
    await createClient(page, {
      fullName: 'Шевчук Оксана Петрівна',
      phones: [{ raw: '067 111 22 99' }],
      address: 'вул. Січових Стрільців, 12, кв. 5',
    });
    await registerPult(page, 'agent1', 'agentpw1');
    await page.getByTestId('nav-calls').click();

    await caller.call('sip:agent1@127.0.0.1', ['X-Line: 0800300500']);
    const call = page.getByTestId('call');
    await expect(call).toHaveAttribute('data-state', 'ringing');
    await page.keyboard.press('F2');
    await expect(call).toHaveAttribute('data-state', 'active');

    // The script of the line, beside the caller's card, with the focus on its first step.
    const panel = page.getByTestId('script-panel');
    await expect(panel.getByTestId('script-name')).toHaveText('Продаж: тариф «Інтернет 500»');
    await expect(page.getByTestId('client-card')).toContainText('Шевчук Оксана Петрівна');
    const node = panel.getByTestId('script-node');
    await expect(node).toBeFocused();
    await expect(node).toContainText('Добрий день, Оксана!');

    await page.keyboard.press('Enter');
    await expect(node).toHaveAttribute('data-node-id', 'time');
    await page.keyboard.press('1');
    await expect(node).toHaveAttribute('data-node-id', 'offer500');
    await expect(node).toContainText('вул. Січових Стрільців, 12, кв. 5');
    await expect(node.getByTestId('script-choice-2')).toHaveText(/Відмова: Занадто дорого/);
    await page.keyboard.press('2');
    // "Дорого" leads to the cheaper tariff.
    await expect(node).toHaveAttribute('data-node-id', 'offer100');
    await expect(node).toBeFocused();
    // Back, and the same answer again: going back is recorded, nothing is erased.
    await page.keyboard.press('Backspace');
    await expect(node).toHaveAttribute('data-node-id', 'offer500');
    await page.keyboard.press('2');
    await expect(node).toHaveAttribute('data-node-id', 'offer100');
    await page.keyboard.press('2');
    await expect(node).toHaveAttribute('data-node-id', 'refused');
    await page.keyboard.press('Enter');
    await expect(panel.getByTestId('script-ended')).toBeVisible();
    await expect(panel.getByTestId('script-outcome')).toHaveText(
      'Результат дзвінка: Відмова · Занадто дорого',
    );

    // The caller hangs up: the wrap-up comes with the script's outcome and reason.
    await caller.hangup();
    const wrapUp = page.getByTestId('wrap-up');
    await expect(wrapUp.getByTestId('wrap-up-from-script')).toBeVisible();
    await expect(wrapUp.getByTestId('wrap-up-disposition')).toHaveValue('Відмова');
    await expect(wrapUp.getByTestId('wrap-up-reason')).toHaveValue('Занадто дорого');
    await wrapUp.getByTestId('wrap-up-save').click();
    await expect(wrapUp).toHaveCount(0);

    // The card: the run, with its answers.
    const onCard = page.getByTestId('client-script-run').first();
    await expect(onCard).toContainText('Продаж: тариф «Інтернет 500»');
    await expect(onCard).toContainText('Відмова');
    await expect(onCard.getByTestId('script-answer')).toHaveText([
      /Чи зручно говорити\?\s*Так/,
      /Інтернет 500\s*Відмовився: Занадто дорого/,
      /Інтернет 100\s*Відмовився: Занадто дорого/,
    ]);
  } finally {
    await app.close();
    await caller.stop();
    await kamailio.stop();
  }

  const db = openAppDatabase(userDataDir, { readonly: true });
  try {
    const saved = db
      .prepare(
        `SELECT i.outcome, r.code FROM interactions i JOIN refusal_reasons r ON r.id = i.refusal_reason_id
         WHERE i.remote_number = '+380671112299'`,
      )
      .all();
    expect(saved).toEqual([{ outcome: 'refused', code: 'tooExpensive' }]);
    const steps = db
      .prepare(
        `SELECT s.kind, s.node_id AS nodeId FROM script_run_steps s JOIN script_runs r ON r.id = s.run_id
         JOIN interactions i ON i.id = r.interaction_id WHERE i.remote_number = '+380671112299' ORDER BY s.id`,
      )
      .all()
      .map((s) => `${(s as { kind: string }).kind}:${(s as { nodeId: string }).nodeId}`);
    expect(steps).toEqual([
      'enter:hello',
      'enter:time',
      'answer:time',
      'enter:offer500',
      'answer:offer500',
      'enter:objection',
      'enter:offer100',
      // Back to the offer shown before: the step says so, and the offer's first answer stays.
      'back:offer100',
      'answer:offer500',
      'enter:objection',
      'enter:offer100',
      'answer:offer100',
      'enter:refused',
      'enter:refusedEnd',
      'exit:refusedEnd',
    ]);
  } finally {
    db.close();
  }
});

test('killed mid-script: started again, the run is on the same step with its answers, and goes on by keyboard', async () => {
  test.setTimeout(120_000);
  const userDataDir = newUserDataDir();
  const first = await launchPult({ userDataDir });
  try {
    const page = await first.firstWindow();
    await loadDemo(page);
    await page.getByTestId('nav-scripts').click();
    await page.getByTestId('script-pick').click();
    await page.getByRole('option', { name: 'Анкетування: якість обслуговування' }).click();
    await page.getByTestId('script-start').click();
    const node = page.getByTestId('script-node');
    await expect(node).toHaveAttribute('data-node-id', 'hello');
    await expect(node).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(node).toHaveAttribute('data-node-id', 'consent');
    await page.keyboard.press('1');
    await expect(node).toHaveAttribute('data-node-id', 'quality');
    await page.keyboard.press('4');
    await expect(node).toHaveAttribute('data-node-id', 'support');
    // The step is drawn at once and written a moment later: killed once it is in the base.
    await expect
      .poll(() => stepsOf(userDataDir, 'enter'))
      .toEqual(['hello', 'consent', 'quality', 'support']);
  } finally {
    await first.kill();
  }

  const second = await launchPult({ userDataDir });
  try {
    const page = await second.firstWindow();
    const panel = page.getByTestId('script-panel');
    await expect(panel.getByTestId('script-resumed')).toBeVisible();
    const node = panel.getByTestId('script-node');
    await expect(node).toHaveAttribute('data-node-id', 'support');
    await expect(panel.getByTestId('script-answer')).toHaveText([
      /Чи можете відповісти\?\s*Так/,
      /Оцініть якість інтернету від 1 до 5\.\s*4/,
    ]);
    await expect(node).toBeFocused();
    await page.keyboard.press('2');
    await expect(node).toHaveAttribute('data-node-id', 'recommend');
  } finally {
    await second.close();
  }
});

/** A Select of Mantine's: opened, and the option picked by its name. */
async function pick(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

test('the editor: a script built with an input and a branch, publishing refused with the problems on their nodes, fixed and published; a run started before stays on its version', async () => {
  test.setTimeout(120_000);
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('demo-dismiss').click();
    await page.getByTestId('nav-scripts').click();
    await page.getByTestId('script-new-name').fill('Роутер: опитування');
    await page.getByTestId('script-new').click();
    const editor = page.getByTestId('script-editor');
    await expect(editor.getByTestId('editor-node-start')).toBeVisible();
    // The starter (a greeting and an end) is publishable as it is: version 1.
    await editor.getByTestId('editor-publish').click();
    await expect(editor.getByTestId('editor-outcome')).toHaveAttribute('data-kind', 'published');
    await editor.getByTestId('editor-close').click();

    // A run of version 1, left on its first step.
    await pick(page, 'script-pick', 'Роутер: опитування');
    await page.getByTestId('script-start').click();
    const node = page.getByTestId('script-node');
    await expect(node).toHaveAttribute('data-node-id', 'start');

    // Version 2: an input and a branch on its answer, with two problems left in.
    await page.getByTestId('script-edit').click();
    await pick(page, 'editor-add-type', 'Введення');
    await editor.getByTestId('editor-add').click();
    await editor.getByTestId('editor-field-text').fill('Чи маєте ви власний роутер?');
    await pick(page, 'editor-add-type', 'Розгалуження');
    await editor.getByTestId('editor-add').click();
    await editor.getByTestId('editor-field-branchName').fill('input1');
    await editor.getByTestId('editor-add-case').click();
    await editor.getByTestId('editor-case-1').fill('yes');
    await pick(page, 'editor-exit-case:0', /^end ·/);
    await editor.getByTestId('editor-node-input1').click();
    await pick(page, 'editor-exit-next', /^branch1 ·/);
    await editor.getByTestId('editor-node-start').click();
    await pick(page, 'editor-exit-next', /^input1 ·/);
    // Shown on their nodes as the author works, and the publishing is refused for them.
    await expect(editor.getByTestId('editor-node-input1')).toHaveAttribute(
      'data-problems',
      'inputWithoutType',
    );
    await expect(editor.getByTestId('editor-node-branch1')).toHaveAttribute(
      'data-problems',
      'pathWithoutEnd',
    );
    await editor.getByTestId('editor-publish').click();
    await expect(editor.getByTestId('editor-outcome')).toHaveAttribute('data-kind', 'refused');
    await expect(editor.getByTestId('editor-node-input1')).toContainText('Не вказано тип введення');

    // Fixed: the input's type, and where "otherwise" leads.
    await editor.getByTestId('editor-node-input1').click();
    await pick(page, 'editor-field-inputType', 'Так чи ні');
    await editor.getByTestId('editor-node-branch1').click();
    await pick(page, 'editor-exit-otherwise', /^end ·/);
    await expect(editor.getByTestId('editor-node-input1')).toHaveAttribute('data-problems', '');
    await expect(editor.getByTestId('editor-node-branch1')).toHaveAttribute('data-problems', '');
    // Tried before publishing: the draft as saved, with a sample client.
    await editor.getByTestId('editor-test').click();
    await expect(page.getByTestId('script-test-badge')).toBeVisible();
    await expect(node).toContainText('Олена');
    await page.keyboard.press('Enter');
    await expect(node).toHaveAttribute('data-node-id', 'input1');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('script-test-badge')).toHaveCount(0);
    await editor.getByTestId('editor-publish').click();
    await expect(editor.getByTestId('editor-outcome')).toHaveText(/Опубліковано версію 2/);
    // What changed from version 1.
    await editor.getByTestId('editor-versions-tab').click();
    await editor.getByTestId('editor-compare').click();
    await expect(editor.getByTestId('editor-diff')).toContainText('Додано крок input1');
    await expect(editor.getByTestId('editor-diff')).toContainText('Змінено крок start: next');
    await editor.getByTestId('editor-close').click();

    // The run started on version 1 stays on it: its greeting leads to the end, not to the new input.
    await page.getByTestId('script-continue').first().click();
    await expect(page.getByTestId('script-run')).toContainText('версія 1');
    await expect(node).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('script-ended')).toBeVisible();
    // A new run follows version 2.
    await pick(page, 'script-pick', 'Роутер: опитування');
    await page.getByTestId('script-start').click();
    await expect(page.getByTestId('script-run')).toContainText('версія 2');
    await expect(node).toHaveAttribute('data-node-id', 'start');
    await page.keyboard.press('Enter');
    await expect(node).toHaveAttribute('data-node-id', 'input1');
    await page.keyboard.press('1');
    await expect(page.getByTestId('script-ended')).toBeVisible();

    // What each branch earned, from a worker thread: version 2's one run passed the input.
    await page.getByTestId('script-edit').click();
    await editor.getByTestId('editor-stats').click();
    await expect(
      editor.getByTestId('editor-node-input1').getByTestId('editor-node-stats'),
    ).toHaveAttribute('data-reached', '1');
    await expect(editor.getByTestId('editor-node-input1')).toContainText('пройшли 1');
  } finally {
    await app.close();
  }
});

test('a step drawn ahead that main does not take: the card changed under a branch, and the run is drawn where main has it', async () => {
  test.setTimeout(120_000);
  const userDataDir = newUserDataDir();
  const app = await launchPult({ userDataDir });
  try {
    const page = await app.firstWindow();
    const draft = { fullName: 'Гнатюк Ярина', city: 'Львів', phones: [{ raw: '067 555 11 22' }] };
    const clientId = await createClient(page, draft);
    const runId = await page.evaluate(async (clientId) => {
      const value = <T>(r: { ok: true; value: T } | { ok: false }): T => {
        if (!r.ok) throw new Error('refused');
        return r.value;
      };
      const { scriptId } = value(
        await window.pult.invoke('scripts.editor.create', { name: 'За містом' }),
      );
      value(
        await window.pult.invoke('scripts.editor.save', {
          scriptId,
          graph: {
            name: 'За містом',
            start: 'ask',
            nodes: [
              {
                id: 'ask',
                type: 'question',
                text: 'Продовжимо?',
                variable: 'go',
                choices: [{ id: 'on', label: 'Так', next: 'byCity' }],
              },
              {
                id: 'byCity',
                type: 'branch',
                on: { source: 'clientField', name: 'city' },
                cases: [{ equals: 'Київ', next: 'kyiv' }],
                otherwise: 'elsewhere',
              },
              { id: 'kyiv', type: 'say', text: 'Для Києва є окрема пропозиція.', next: 'end' },
              { id: 'elsewhere', type: 'say', text: 'Пропозиція для вашого міста.', next: 'end' },
              { id: 'end', type: 'end', outcome: 'info' },
            ],
          },
        }),
      );
      if (!value(await window.pult.invoke('scripts.editor.publish', { scriptId })).published)
        throw new Error('not published');
      return value(await window.pult.invoke('scripts.start', { scriptId, clientId })).runId;
    }, clientId);
    await page.getByTestId('nav-scripts').click();
    await page.getByTestId('script-continue').first().click();
    const node = page.getByTestId('script-node');
    await expect(page.getByTestId('script-run')).toHaveAttribute('data-run-id', String(runId));
    await expect(node).toHaveAttribute('data-node-id', 'ask');
    // The step after "Так" was worked out for Lviv; the card now says Kyiv.
    await page.evaluate(
      async ({ id, draft }) => {
        const saved = await window.pult.invoke('clients.update', {
          id,
          draft: { ...draft, city: 'Київ' },
        });
        if (!saved.ok || !saved.value.ok) throw new Error('not saved');
      },
      { id: clientId, draft },
    );
    await expect(node).toBeFocused();
    await page.keyboard.press('1');
    await expect(node).toHaveAttribute('data-node-id', 'kyiv');
    await expect(page.getByTestId('script-text')).toHaveText('Для Києва є окрема пропозиція.');
    await expect(page.getByTestId('script-notice')).toHaveCount(0);
    // And it goes on from there by keyboard, to the end; the base has the steps main took.
    await page.keyboard.press('Enter');
    await expect(node).toHaveAttribute('data-ended', 'true');
    await expect
      .poll(() => stepsOf(userDataDir, 'enter'))
      .toEqual(['ask', 'byCity', 'kyiv', 'end']);
  } finally {
    await app.close();
  }
});

/** The nodes the newest run's steps of a kind were written on, in order, read from the app's base while it runs. */
function stepsOf(userDataDir: string, kind: 'enter' | 'answer' | 'exit'): string[] {
  const db = openAppDatabase(userDataDir);
  try {
    return db
      .prepare(
        `SELECT node_id FROM script_run_steps
         WHERE kind = ? AND run_id = (SELECT max(id) FROM script_runs) ORDER BY id`,
      )
      .all(kind)
      .map((row) => (row as { node_id: string }).node_id);
  } finally {
    db.close();
  }
}
