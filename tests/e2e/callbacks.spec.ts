import { expect, test } from '@playwright/test';
import { launchPult } from './support/pultApp';

test('a callback: scheduled from the card, listed for the operator, a notification when due that opens the card', async () => {
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('demo-dismiss').click();
    const clientId = await page.evaluate(async () => {
      const created = await window.pult.invoke('clients.create', {
        fullName: 'Петренко Олег',
        phones: [{ raw: '0671234567' }],
      });
      if (!created.ok || !created.value.ok) throw new Error('not created');
      return created.value.id;
    });
    await page.getByTestId('client-search').fill('петренко');
    await page.getByTestId('client-row').first().click();
    await expect(page.getByTestId('client-card-name')).toHaveText('Петренко Олег');

    // Tomorrow at 10:00, from the card.
    await page.getByTestId('schedule-callback').click();
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const local = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}T10:00`;
    await page.getByTestId('schedule-callback-time').fill(local);
    await page.getByTestId('schedule-callback-save').click();
    await expect(page.getByTestId('callback-message')).toHaveText('Передзвін заплановано');

    // One more, due in two seconds (as a wrap-up would schedule it).
    const soon = await page.evaluate(
      async (id) =>
        window.pult.invoke('callbacks.create', {
          clientId: id,
          dueAt: new Date(Date.now() + 2000).toISOString(),
          note: 'щодо акції',
        }),
      clientId,
    );
    expect(soon).toMatchObject({ ok: true, value: { ok: true } });

    await page.getByTestId('nav-calls').click();
    await expect(page.getByTestId('callbacks-today')).toContainText('Петренко Олег');
    await expect(page.getByTestId('callbacks-later')).toContainText('Петренко Олег');

    await expect
      .poll(() => app.notifications(), { timeout: 15_000 })
      .toEqual([{ title: 'Час передзвонити', body: 'Петренко Олег: щодо акції' }]);
    await app.clickNotification(0);
    await expect(page.getByTestId('section-title')).toHaveText('Клієнти');
    await expect(page.getByTestId('client-card-name')).toHaveText('Петренко Олег');

    // Tomorrow's callback moves to a later day; a time in the past is refused.
    await page.getByTestId('nav-calls').click();
    const later = page.getByTestId('callbacks-later');
    await later.getByTestId('callback-reschedule').click();
    await page.getByTestId('callback-reschedule-time').fill('2020-01-01T10:00');
    await page.getByTestId('callback-reschedule-save').click();
    await expect(page.getByText('Цей час уже минув')).toBeVisible();
    const inTwoDays = new Date(Date.now() + 2 * 24 * 3600_000);
    const day = `${inTwoDays.getFullYear()}-${String(inTwoDays.getMonth() + 1).padStart(2, '0')}-${String(inTwoDays.getDate()).padStart(2, '0')}`;
    await page.getByTestId('callback-reschedule-time').fill(`${day}T11:30`);
    await page.getByTestId('callback-reschedule-save').click();
    await expect(later).toContainText('11:30');
    await expect(later).not.toContainText('10:00');
  } finally {
    await app.close();
  }
});
