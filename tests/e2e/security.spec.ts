import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { launchPult } from './support/pultApp';

test('the window is isolated, sandboxed and without Node', async () => {
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('section-title')).toBeVisible();
    const [prefs] = (await app.record()).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
    const page_globals = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>)['require'],
      process: typeof (globalThis as Record<string, unknown>)['process'],
      module: typeof (globalThis as Record<string, unknown>)['module'],
      Buffer: typeof (globalThis as Record<string, unknown>)['Buffer'],
      ipcRenderer: typeof (globalThis as Record<string, unknown>)['ipcRenderer'],
      bridgeKeys: Object.keys(window.pult).sort(),
      // A working <webview> has loadURL; with webviewTag off it is an inert element.
      webview: 'loadURL' in document.createElement('webview'),
    }));
    expect(page_globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
      bridgeKeys: ['invoke', 'on'],
      webview: false,
    });
  } finally {
    await app.close();
  }
});

test('the CSP stops inline scripts and eval', async () => {
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('section-title')).toBeVisible();
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(e.violatedDirective),
      );
      // A string timer is compiled by the page itself, under its CSP (code that
      // DevTools evaluates directly would be exempt from it).
      setTimeout('window.__evalRan = true' as unknown as () => void, 0);
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      const handler = document.createElement('img');
      handler.setAttribute('onerror', 'window.__handlerRan = true');
      handler.src = 'data:,broken';
      document.body.append(handler);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const w = window as unknown as Record<string, unknown>;
      const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      return {
        evalRan: w['__evalRan'] === true,
        inlineRan: w['__inlineRan'] === true,
        handlerRan: w['__handlerRan'] === true,
        violations: [...new Set(violations)].sort(),
        meta: meta?.getAttribute('content') ?? '',
      };
    });
    expect(result.evalRan).toBe(false);
    expect(result.inlineRan).toBe(false);
    expect(result.handlerRan).toBe(false);
    expect(result.violations.filter((v) => v.startsWith('script-src')).length).toBeGreaterThan(0);
    const scriptSrc = result.meta
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
  } finally {
    await app.close();
  }
});

test('navigation away and new windows are refused; allowed links open outside', async ({}, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const policyFile = testInfo.outputPath('policy.json');
  writeFileSync(policyFile, JSON.stringify({ externalLinkAllowlist: ['example.org'] }));
  const app = await launchPult({ env: { PULT_POLICY_FILE: policyFile } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('section-title')).toBeVisible();
    const appUrl = page.url();

    await page.evaluate(() => {
      window.location.href = 'https://evil.example/phish';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(appUrl);
    await expect(page.getByTestId('section-title')).toBeVisible();

    const pagesBefore = page.context().pages().length;
    await page.evaluate(() => {
      window.open('https://evil.example/popup');
      window.open('https://docs.example.org/manual');
    });
    await expect
      .poll(async () => (await app.record()).openedExternally)
      .toEqual(['https://docs.example.org/manual']);
    await expect.poll(() => page.context().pages().length).toBe(pagesBefore);

    const viaApi = await page.evaluate(async () => [
      await window.pult.invoke('links.openExternal', { url: 'https://example.org/help' }),
      await window.pult.invoke('links.openExternal', { url: 'file:///etc/passwd' }),
      await window.pult.invoke('links.openExternal', { url: 'http://example.org/' }),
    ]);
    expect(viaApi).toEqual([
      { ok: true, value: { opened: true } },
      { ok: true, value: { opened: false } },
      { ok: true, value: { opened: false } },
    ]);
    expect((await app.record()).openedExternally).toEqual([
      'https://docs.example.org/manual',
      'https://example.org/help',
    ]);
  } finally {
    await app.close();
  }
});

test('only the microphone is allowed', async () => {
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('section-title')).toBeVisible();
    const result = await page.evaluate(async () => {
      const media = async (constraints: MediaStreamConstraints) => {
        try {
          const stream = await navigator.mediaDevices.getUserMedia(constraints);
          const kinds = stream.getTracks().map((t) => t.kind);
          stream.getTracks().forEach((t) => t.stop());
          return `granted:${kinds.join(',')}`;
        } catch (error) {
          return `denied:${(error as Error).name}`;
        }
      };
      const geolocation = await new Promise<string>((resolve) => {
        navigator.geolocation.getCurrentPosition(
          () => resolve('granted'),
          (error) =>
            resolve(error.code === error.PERMISSION_DENIED ? 'denied' : `error:${error.code}`),
          { timeout: 5000 },
        );
      });
      return {
        microphone: await media({ audio: true }),
        camera: await media({ video: true }),
        geolocation,
        notifications: Notification.permission,
      };
    });
    expect(result).toEqual({
      microphone: 'granted:audio',
      camera: 'denied:NotAllowedError',
      geolocation: 'denied',
      notifications: 'denied',
    });
  } finally {
    await app.close();
  }
});

test('the app protocol serves nothing outside the app folder', async () => {
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('section-title')).toBeVisible();
    const statuses = await page.evaluate(async () => {
      const paths = [
        './%2e%2e/%2e%2e/package.json',
        './..%2f..%2fpackage.json',
        './%2e%2e%5cpackage.json',
      ];
      return Promise.all(
        paths.map(async (p) => {
          const response = await fetch(p);
          const text = await response.text();
          return { status: response.status, leaked: text.includes('"name": "pult"') };
        }),
      );
    });
    for (const { status, leaked } of statuses) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(leaked).toBe(false);
    }
  } finally {
    await app.close();
  }
});
