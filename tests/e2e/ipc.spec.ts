import { expect, test } from '@playwright/test';
import { launchPult } from './support/pultApp';

test('the exposed API refuses wrong payloads and unknown channels, and main keeps answering', async () => {
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('section-title')).toBeVisible();

    const outcomes = await page.evaluate(async () => {
      const api = window.pult as unknown as {
        invoke(channel: string, payload?: unknown): Promise<unknown>;
        on(event: string, cb: unknown): unknown;
      };
      const settle = async (p: () => Promise<unknown>) => {
        try {
          return { value: await p() };
        } catch (error) {
          return { thrown: String(error) };
        }
      };
      return {
        wrongType: await settle(() => api.invoke('settings.update', { language: 42 })),
        unknownKey: await settle(() =>
          api.invoke('settings.update', { language: 'en', isAdmin: true }),
        ),
        notAnObject: await settle(() => api.invoke('links.openExternal', 'https://example.org')),
        unknownChannel: await settle(() => api.invoke('fs.readFile', '/etc/passwd')),
        unknownEvent: await settle(() => Promise.resolve(api.on('sip.password', () => undefined))),
        replaceApi: await settle(() => {
          const hijack = () => 'hijacked';
          try {
            (api as { invoke: unknown }).invoke = hijack;
          } catch {
            // strict code throws; either way the bridge must stay as it was
          }
          return Promise.resolve((api.invoke as unknown) === hijack ? 'replaced' : 'intact');
        }),
      };
    });

    expect(outcomes.wrongType).toMatchObject({
      value: { ok: false, error: { code: 'invalidRequest', issues: [{ path: 'language' }] } },
    });
    expect(outcomes.unknownKey).toMatchObject({
      value: { ok: false, error: { code: 'invalidRequest' } },
    });
    expect(outcomes.notAnObject).toMatchObject({
      value: { ok: false, error: { code: 'invalidRequest' } },
    });
    expect(outcomes.unknownChannel).toEqual({
      thrown: expect.stringContaining('Unknown IPC channel: fs.readFile'),
    });
    expect(outcomes.unknownEvent).toEqual({ thrown: expect.stringContaining('Unknown IPC event') });
    expect(outcomes.replaceApi).toEqual({ value: 'intact' });

    // The bad calls changed nothing, and main still answers.
    const after = await page.evaluate(() => window.pult.invoke('settings.get'));
    expect(after).toMatchObject({
      ok: true,
      value: { values: { language: 'uk', theme: 'system' }, locked: [] },
    });
    const status = await page.evaluate(() => window.pult.invoke('status.get'));
    expect(status).toMatchObject({ ok: true, value: { agent: { state: 'notReady' } } });
    await page.getByTestId('nav-clients').click();
    await expect(page.getByTestId('section-title')).toHaveText('Клієнти');
  } finally {
    await app.close();
  }
});
