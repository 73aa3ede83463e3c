import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { offerScript } from '../support/scriptFixtures';
import { launchPult, newUserDataDir } from './support/pultApp';

/**
 * Script files through the editor, as the OS dialogs give them: a bad file
 * is refused with its line and field and nothing is created; a good one is
 * a new script's draft; a version exported is the same script again.
 */
test('a script file: refused with its line and field when bad, taken as a draft when good, and exported as it is', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-script-files-'));
  const bad = path.join(dir, 'зламаний.json');
  writeFileSync(
    bad,
    '{\n  "name": "Зламаний",\n  "start": "a",\n  "nodes": [\n    { "id": "a", "type": "say", "text": 5 }\n  ]\n}\n',
  );
  const good = path.join(dir, 'тариф.json');
  writeFileSync(good, JSON.stringify({ ...offerScript(), name: 'Тариф з файлу' }, null, 2));
  const exported = path.join(dir, 'експорт.json');
  const userDataDir = newUserDataDir();

  const first = await launchPult({ userDataDir, env: { PULT_HOST_OPEN_FILE: bad } });
  try {
    const page = await first.firstWindow();
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('demo-dismiss').click();
    await page.getByTestId('nav-scripts').click();
    await page.getByTestId('script-import').click();
    await expect(page.getByTestId('script-import-refused')).toContainText('рядок 5');
    await expect(page.getByTestId('script-import-refused')).toContainText('nodes.0.text');
    await expect(page.getByTestId('script-listing')).toHaveCount(0);
  } finally {
    await first.close();
  }

  const second = await launchPult({
    userDataDir,
    env: { PULT_HOST_OPEN_FILE: good, PULT_HOST_SAVE_FILE: exported },
  });
  try {
    const page = await second.firstWindow();
    await page.getByTestId('nav-scripts').click();
    await page.getByTestId('script-import').click();
    const editor = page.getByTestId('script-editor');
    await expect(editor.getByTestId('editor-name')).toHaveValue('Тариф з файлу');
    await expect(editor.getByTestId('editor-node-offer')).toBeVisible();
    await editor.getByTestId('editor-versions-tab').click();
    await editor.getByTestId('editor-export').click();
    await expect
      .poll(() => (existsSync(exported) ? readFileSync(exported, 'utf8').length : 0))
      .toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toEqual({
      ...offerScript(),
      name: 'Тариф з файлу',
    });
  } finally {
    await second.close();
  }
});
