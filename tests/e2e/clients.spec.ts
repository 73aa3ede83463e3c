import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readSheet } from 'read-excel-file/node';
import { sheetXml, xlsxEntries, zipArchive } from '../support/zipArchive';
import { openAppDatabase } from './support/appDatabase';
import { launchPult, newUserDataDir } from './support/pultApp';

async function openClients(page: Page) {
  await page.getByTestId('nav-clients').click();
  await expect(page.getByTestId('section-title')).toHaveText('Клієнти');
}

test('demo workspace: search by a phone in another format, the card with history, an audited edit', async ({}, testInfo) => {
  const userDataDir = newUserDataDir();
  const app = await launchPult({ userDataDir });
  let clientId: number | undefined;
  try {
    const page = await app.firstWindow();
    await openClients(page);
    // Offered, never loaded silently.
    await expect(page.getByTestId('demo-offer')).toBeVisible();
    await expect(page.getByTestId('client-count')).toContainText('0');
    await page.getByTestId('demo-load').click();
    await expect(page.getByTestId('demo-offer')).toBeHidden({ timeout: 60_000 });
    await expect(page.getByTestId('client-count')).toHaveText('Усього клієнтів: 10000');

    // A client with calls in their history, and their number as the card shows it.
    const someone = await page.evaluate(async () => {
      const found = await window.pult.invoke('clients.find', {
        text: '',
        lastOutcome: 'refused',
        offset: 0,
        limit: 1,
      });
      if (!found.ok) throw new Error('find failed');
      const id = found.value.items[0]!.id;
      const card = await window.pult.invoke('clients.card', { id });
      if (!card.ok || card.value === null) throw new Error('card failed');
      // The card comes masked; the number in full takes a reason.
      const details = await window.pult.invoke('clients.reveal', { id, reason: 'identityCheck' });
      if (!details.ok) throw new Error('reveal failed');
      return { id, name: card.value.fullName, e164: details.value.phones[0]!.e164 };
    });
    clientId = someone.id;
    // Typed the way a caller dictates it: "067 123 45 67".
    const national = `0${someone.e164.slice(4)}`;
    const typed = `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6, 8)} ${national.slice(8)}`;
    await page.getByTestId('client-search').fill(typed);
    await expect(page.getByTestId('client-count')).toHaveText('Знайдено: 1');
    const row = page.getByTestId('client-row').first();
    await expect(row).toContainText(someone.name);
    await expect(row).not.toContainText(typed.replaceAll(' ', '')); // masked in the list
    await row.click();
    await expect(page.getByTestId('client-card-name')).toHaveText(someone.name);
    await expect(page.getByTestId('history-call').first()).toBeVisible();
    await expect(page.getByTestId('client-history')).toContainText('Відмова');
    await page.screenshot({ path: testInfo.outputPath('client-card.png') });

    await page.getByTestId('client-edit').click();
    await page.getByTestId('form-city').fill('Ніжин');
    await page.getByTestId('form-save').click();
    await expect(page.getByTestId('client-form')).toBeHidden();
    await expect(page.getByTestId('client-card')).toContainText('Ніжин');
  } finally {
    await app.close();
  }
  // Encrypted at rest: a copy of the files shows neither SQLite's header nor what was typed.
  for (const file of ['pult.sqlite', 'pult.sqlite-wal']) {
    const bytes = readFileIfAny(path.join(userDataDir, file));
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('Ніжин'))).toBe(false);
  }
  const db = openAppDatabase(userDataDir, { readonly: true });
  try {
    const audit = db
      .prepare<[number], { action: string; details: string }>(
        "SELECT action, details FROM audit_events WHERE entity = 'client' AND entity_id = ? AND action <> 'client.view' ORDER BY id",
      )
      .all(clientId);
    // The number read for the search, the masked details opened for the edit, the edit.
    expect(audit).toEqual([
      { action: 'client.reveal', details: JSON.stringify({ reason: 'identityCheck' }) },
      { action: 'client.reveal', details: JSON.stringify({ reason: 'dataCorrection' }) },
      { action: 'client.update', details: JSON.stringify({ fields: ['city'] }) },
    ]);
    expect(db.prepare('SELECT city FROM clients WHERE id = ?').get(clientId)).toEqual({
      city: 'Ніжин',
    });
  } finally {
    db.close();
  }
});

test('the card hides phones, e-mail and account until the operator says why; each view and each reveal is audited, never what was searched', async () => {
  const userDataDir = newUserDataDir();
  const app = await launchPult({ userDataDir });
  try {
    const page = await app.firstWindow();
    await openClients(page);
    await page.getByTestId('demo-dismiss').click();
    await page.evaluate(async () => {
      const created = await window.pult.invoke('clients.create', {
        fullName: 'Шевчук Оксана',
        phones: [{ raw: '067 123 45 67' }],
        email: 'oksana@ukr.net',
        personalAccount: '1002003004',
      });
      if (!created.ok || !created.value.ok) throw new Error('not created');
    });
    await page.getByTestId('client-search').fill('Шевчук');
    await page.getByTestId('client-row').first().click();
    const card = page.getByTestId('client-card');
    await expect(page.getByTestId('client-card-phone')).toHaveText('+38067•••••67');
    await expect(card).not.toContainText('oksana@ukr.net');
    await expect(card).toContainText('o•••@ukr.net');
    await expect(card).not.toContainText('1002003004');

    await page.getByTestId('client-card-reveal').click();
    const dialog = page.getByTestId('reveal-dialog');
    await expect(page.getByTestId('reveal-confirm')).toBeDisabled();
    await page.getByTestId('reveal-reason').click();
    await page.getByRole('option', { name: 'Інше' }).click();
    // "Other" needs words.
    await expect(page.getByTestId('reveal-confirm')).toBeDisabled();
    await page.getByTestId('reveal-note').fill('Клієнтка просить звірити пошту');
    await page.getByTestId('reveal-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('client-card-phone')).toHaveText('+380 67 123 45 67');
    await expect(card).toContainText('oksana@ukr.net');
    await expect(card).toContainText('1002003004');
    await expect(page.getByTestId('client-card-reveal')).toHaveCount(0);
  } finally {
    await app.close();
  }
  const db = openAppDatabase(userDataDir, { readonly: true });
  try {
    const audit = db
      .prepare<[], { action: string; actor: string; details: string }>(
        "SELECT action, actor, details FROM audit_events WHERE action IN ('client.view', 'client.reveal') ORDER BY id",
      )
      .all();
    expect(audit.filter((a) => a.action === 'client.view').length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(audit.find((a) => a.action === 'client.view')!.details)).toEqual({
      via: 'card',
    });
    expect(
      audit
        .filter((a) => a.action === 'client.reveal')
        .map((a) => JSON.parse(a.details) as Record<string, unknown>),
    ).toEqual([{ reason: 'other', note: 'Клієнтка просить звірити пошту' }]);
    const everything = JSON.stringify(db.prepare('SELECT details FROM audit_events').all());
    expect(everything).not.toContain('Шевчук');
  } finally {
    db.close();
  }
});

test('a name with HTML or script is shown as text, never run', async () => {
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await openClients(page);
    const name = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>Тест';
    await page.getByTestId('clients-create').click();
    await page.getByTestId('form-fullName').fill(name);
    await page.getByTestId('form-phone-0').fill('12345');
    await page.getByTestId('form-save').click();
    // A bad phone is refused field by field, and nothing is saved.
    await expect(page.getByText('Неправильний номер телефону')).toBeVisible();
    await page.getByTestId('form-phone-0').fill('050 765 43 21');
    await page.getByTestId('form-save').click();
    await expect(page.getByTestId('client-card-name')).toHaveText(name);
    await expect(page.getByTestId('client-row').first()).toContainText(name);
    expect(
      await page.evaluate(() => (window as unknown as Record<string, unknown>)['__xss']),
    ).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  } finally {
    await app.close();
  }
});

test('import with an error report, then export with formulas neutralised', async ({}, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const csv = testInfo.outputPath('clients.csv');
  writeFileSync(
    csv,
    [
      'ПІБ;Телефон;Місто',
      'Коваль Ірина;067 111 22 33;Київ',
      'Поганий Номер;12;Київ',
      '=HYPERLINK("http://evil");050 222 33 44;Львів',
    ].join('\r\n'),
  );
  const exported = testInfo.outputPath('export.csv');
  const app = await launchPult({
    env: { PULT_HOST_OPEN_FILE: csv, PULT_HOST_SAVE_FILE: exported },
  });
  try {
    const page = await app.firstWindow();
    await openClients(page);
    await page.getByTestId('demo-dismiss').click();
    await page.getByTestId('clients-import').click();
    await expect(page.getByTestId('import-dialog')).toContainText('clients.csv');
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-status')).toHaveText('Імпорт завершено');
    await expect(page.getByTestId('import-result')).toContainText('Імпортовано: 2');
    await expect(page.getByTestId('import-errors')).toContainText('неправильний номер телефону');
    await expect(page.getByTestId('import-errors')).toContainText('3');
    await page.getByRole('button', { name: 'Закрити' }).click();
    await expect(page.getByTestId('client-count')).toHaveText('Усього клієнтів: 2');
    // The search index follows on the import's thread; then search finds the new clients.
    await expect(page.getByTestId('status-database')).toHaveText(/: готова$/);
    await page.getByTestId('client-search').fill('коваль');
    await expect(page.getByTestId('client-count')).toHaveText('Знайдено: 1');
    await page.getByTestId('client-search').fill('');
    await expect(page.getByTestId('client-count')).toHaveText('Усього клієнтів: 2');

    await page.getByTestId('clients-export').click();
    await expect(page.getByTestId('client-count')).toContainText('Експортовано рядків: 2');
    const text = readFileSync(exported, 'utf8');
    expect(text.startsWith('\uFEFFПІБ;Телефони')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('Коваль Ірина;067 111 22 33;Київ');
  } finally {
    await app.close();
  }
});

test('spreadsheets on the file worker: a zip bomb is refused in the preview with the reason, and the base goes to XLSX', async ({}, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  // 48 MB of sheet packed about a thousand to one: the preview names it, and nothing is parsed.
  const bomb = testInfo.outputPath('bomb.xlsx');
  const sheet = Buffer.concat([
    Buffer.from(sheetXml([['ПІБ', 'Телефон']]).replace('</sheetData>', '')),
    Buffer.alloc(48 * 1024 * 1024, ' '),
    Buffer.from('</sheetData></worksheet>'),
  ]);
  writeFileSync(bomb, zipArchive(xlsxEntries(sheet)));
  const exported = testInfo.outputPath('clients.xlsx');
  const app = await launchPult({
    env: { PULT_HOST_OPEN_FILE: bomb, PULT_HOST_SAVE_FILE: exported },
  });
  try {
    const page = await app.firstWindow();
    await openClients(page);
    await page.getByTestId('clients-import').click();
    await expect(page.getByTestId('import-file-problem')).toContainText(
      'розпаковується в набагато більше',
    );
    await expect(page.getByTestId('import-start')).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-dialog')).toBeHidden();

    await page.getByTestId('demo-load').click();
    await expect(page.getByTestId('client-count')).toHaveText('Усього клієнтів: 10000', {
      timeout: 60_000,
    });
    await page.getByTestId('clients-export-xlsx').click();
    await expect(page.getByTestId('client-count')).toContainText('Експортовано рядків: 10000', {
      timeout: 60_000,
    });
    const rows = await readSheet(exported);
    expect(rows).toHaveLength(10_001);
    expect(rows[0]?.slice(0, 2)).toEqual(['ПІБ', 'Телефони']);
  } finally {
    await app.close();
  }
});

test('an import without a phone column cannot start, and a job title mapped as the name is doubted', async ({}, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const csv = testInfo.outputPath('staff.csv');
  writeFileSync(
    csv,
    ['ПІБ;Посада', 'Коваль Ірина;admin.', 'Жук Петро;admin.', 'Бондар Олена;менеджер'].join('\r\n'),
  );
  const app = await launchPult({ env: { PULT_HOST_OPEN_FILE: csv } });
  try {
    const page = await app.firstWindow();
    await openClients(page);
    await page.getByTestId('demo-dismiss').click();
    await page.getByTestId('clients-import').click();
    await expect(page.getByTestId('import-missing-columns')).toContainText('телефон');
    await expect(page.getByTestId('import-start')).toBeDisabled();
    // Mapping the job title as the phone is allowed to start; the rows then fail as phones.
    await page.getByRole('combobox', { name: 'Посада' }).click();
    await page.getByRole('option', { name: 'Телефон', exact: true }).click();
    await expect(page.getByTestId('import-missing-columns')).toHaveCount(0);
    await expect(page.getByTestId('import-start')).toBeEnabled();
    await expect(page.getByTestId('import-doubtful-names')).toHaveCount(0);
    // The job title mapped as the name instead: the dialog doubts it, with the values it saw.
    await page.getByRole('combobox', { name: 'ПІБ' }).click();
    await page.getByRole('option', { name: 'Телефон', exact: true }).click();
    await page.getByRole('combobox', { name: 'Посада' }).click();
    await page.getByRole('option', { name: 'П.І.Б.', exact: true }).click();
    await expect(page.getByTestId('import-doubtful-names')).toContainText('«Посада»');
    await expect(page.getByTestId('import-doubtful-names')).toContainText('admin.');
  } finally {
    await app.close();
  }
});

test('a search index left unfinished (the app closed while indexing) is finished on the next start', async () => {
  const userDataDir = newUserDataDir();
  const first = await launchPult({ userDataDir });
  try {
    const page = await first.firstWindow();
    await expect(page.getByTestId('status-database')).toHaveText(/: готова$/);
  } finally {
    await first.close();
  }
  // What an import leaves when the app stops before its search rows are written.
  const db = openAppDatabase(userDataDir);
  try {
    const now = new Date().toISOString();
    db.transaction(() => {
      db.prepare('UPDATE search_control SET paused = 1').run();
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
         INSERT INTO clients (id, full_name, sort_key, city, created_at, updated_at)
         SELECT i, 'Відкладений Клієнт' || i, 'відкладений клієнт' || i, 'Рівне', ?, ? FROM n`,
      ).run(now, now);
      db.prepare('UPDATE search_control SET paused = 0').run();
      db.prepare('INSERT INTO search_backlog (first_id, last_id) VALUES (1, 40000)').run();
    })();
  } finally {
    db.close();
  }
  const second = await launchPult({ userDataDir });
  try {
    const page = await second.firstWindow();
    await openClients(page);
    await expect(page.getByTestId('client-count')).toHaveText('Усього клієнтів: 40000');
    // Searched while the index is still being built: the answer comes once it is done.
    await page.getByTestId('client-search').fill('Відкладений Клієнт39999');
    await expect(page.getByTestId('client-count')).toHaveText('Знайдено: 1', { timeout: 30_000 });
    await expect(page.getByTestId('status-database')).toHaveText(/: готова$/);
  } finally {
    await second.close();
  }
});

function readFileIfAny(file: string): Buffer {
  return existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
}
