import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import type { MediaBridge } from '../../src-main/core/telephony/media/mediaBridge';
import type { MediaEvent, MediaResponse } from '../../src-shared/telephony/mediaBridgeSchema';
import { chromiumExecutable, chromiumFlags } from '../../tests/e2e/host/chromium';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'test-results/.bench-media');

// The preload's two functions, as the page sees them; answers go to the bridge.
const bridgeShim = `
window.__listeners = {};
window.pult = {
  invoke: async (channel, payload) => ({ ok: true, value: await window.__benchInvoke(channel, payload) }),
  on: (event, listener) => {
    (window.__listeners[event] = window.__listeners[event] || []).push(listener);
    return () => {};
  },
};
window.__deliver = (event, payload) => (window.__listeners[event] || []).forEach((l) => l(payload));
`;

/**
 * Chromium with the renderer's MediaHost serving a MediaBridge in this
 * process: the same split as the app (JsSIP here, WebRTC there), with a CDP
 * round trip where Electron has its IPC.
 */
export async function startMediaPage(media: MediaBridge): Promise<Browser> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: path.join(root, 'bench/calls/mediaPageEntry.ts'),
        name: 'mediaPage',
        formats: ['iife'],
        fileName: () => 'media.js',
      },
    },
  });
  const script = readFileSync(path.join(outDir, 'media.js'), 'utf8');
  const server = http.createServer((_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.end('<!doctype html><title>media</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...chromiumFlags, '--use-fake-ui-for-media-stream'],
  });
  browser.on('disconnected', () => server.close());
  const page = await browser.newPage();
  await page.exposeBinding('__benchInvoke', (_source, channel: string, payload: unknown) => {
    if (channel === 'media.attach') {
      media.attach((request) => {
        void page
          .evaluate(
            ([e, p]) => {
              (window as unknown as { __deliver(e: string, p: unknown): void }).__deliver(e, p);
            },
            ['media.request', request] as const,
          )
          .catch(() => undefined);
      });
    }
    if (channel === 'media.respond') media.respond(payload as MediaResponse);
    if (channel === 'media.event') media.event(payload as MediaEvent);
    return { ok: true };
  });
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.addScriptTag({ content: bridgeShim });
  await page.addScriptTag({ content: script });
  await page.evaluate(() => {
    (window as unknown as { startMediaHost(): void }).startMediaHost();
  });
  for (let i = 0; i < 100 && !media.isAttached(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!media.isAttached()) throw new Error('the media page did not attach');
  return browser;
}
