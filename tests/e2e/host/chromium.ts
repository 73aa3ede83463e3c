import { existsSync } from 'node:fs';

/** Debian's Chromium: Playwright never downloads a browser here. */
export function chromiumExecutable(): string {
  const fromEnv = process.env['PULT_CHROMIUM'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  for (const candidate of [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error("No Chromium found: install Debian's chromium or set PULT_CHROMIUM");
}

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
  // WebRTC on loopback only (tests run in a namespace with nothing else) and a fake microphone;
  // no fake UI flag, so permission answers come from the app's own handlers.
  '--allow-loopback-in-peer-connection',
  '--use-fake-device-for-media-stream',
  // What Electron's windows do, and Pult's asks for (webPreferences.autoplayPolicy).
  '--autoplay-policy=no-user-gesture-required',
];
