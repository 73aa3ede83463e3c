import { expect, test, type Page } from '@playwright/test';
import { anyHourPolicyFile } from './support/anyHourPolicy';
import { launchPult, type PultApp } from './support/pultApp';

// Outbound lists built in the app from the client base, every calling rule checked on a
// worker. IT's policy makes Ukrainian numbers callable at any hour, so the spec does not
// depend on when it runs; consent and do-not-call still apply.
let app: PultApp | undefined;
let page: Page;

test.beforeAll(async () => {
  app = await launchPult({ env: { PULT_POLICY_FILE: anyHourPolicyFile() } });
  page = await app.firstWindow();
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('demo-dismiss').click();
  await page.evaluate(async () => {
    const clients: [string, string][] = [
      ['Мельник Андрій', '+380671234567'],
      ['Шевченко Олена', '+380501112233'],
      ['Бондар Ігор', '+380931234567'],
    ];
    for (const [fullName, phone] of clients) {
      const created = await window.pult.invoke('clients.create', {
        fullName,
        phones: [{ raw: phone }],
      });
      if (!created.ok || !created.value.ok) throw new Error('not created');
    }
  });
  await page.getByTestId('nav-campaigns').click();
});

test.afterAll(async () => {
  await app?.close();
});

async function newList(name: string, purpose: string): Promise<void> {
  await page.getByTestId('campaign-name').fill(name);
  await page.getByTestId('campaign-purpose').selectOption({ label: purpose });
  await page.getByTestId('campaign-create').click();
  await expect(page.locator(`[data-testid="campaign-row"][data-name="${name}"]`)).toBeVisible();
}

test('a survey list from the whole base: every client with a phone is callable now', async () => {
  await expect(page.getByText('Списків ще немає.')).toBeVisible();
  await newList('Опитування задоволеності', 'Опитування');
  const row = page.locator('[data-testid="campaign-row"][data-name="Опитування задоволеності"]');
  await row.getByTestId('campaign-build').click();
  await expect(page.getByText('Додано 3, можна дзвонити зараз 3')).toBeVisible();
  await expect(row.getByTestId('campaign-total')).toHaveText('3');
  await expect(row.getByTestId('campaign-due-now')).toHaveText('3');
  // Built again: nobody twice.
  await row.getByTestId('campaign-build').click();
  await expect(page.getByText('Додано 0, можна дзвонити зараз 0')).toBeVisible();
  await expect(row.getByTestId('campaign-total')).toHaveText('3');
});

test('a sales list needs consent to advertising: without it every lead is held, and says why', async () => {
  await newList('Тариф «Домашній»', 'Продаж');
  const row = page.locator('[data-testid="campaign-row"][data-name="Тариф «Домашній»"]');
  await row.getByTestId('campaign-build').click();
  await expect(row.getByTestId('campaign-total')).toHaveText('3');
  await expect(row.getByTestId('campaign-due-now')).toHaveText('0');
  await expect(row.getByTestId('campaign-held')).toHaveText('немає згоди: 3');
});
