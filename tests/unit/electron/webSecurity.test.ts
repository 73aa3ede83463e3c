import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenWebContents, secureWebPreferences } from '../../../src-main/electron/webSecurity';

// The narrowest stand-in for Electron's WebContents: the events and the one
// method hardenWebContents uses. The e2e specs check the same rules in a page.
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function fire(contents: FakeContents, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  contents.emit(name, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

describe('hardenWebContents', () => {
  const setup = () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenWebContents(contents as unknown as WebContents, 'app://pult', (url) => opened.push(url));
    return { contents, opened };
  };

  it('blocks navigation and redirects away from the app, allows the app itself', () => {
    const { contents } = setup();
    expect(fire(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire(contents, 'will-navigate', 'app://pult/index.html')).toBe(false);
  });

  it('refuses every <webview>', () => {
    const { contents } = setup();
    expect(fire(contents, 'will-attach-webview', {}, { src: 'https://example.com' })).toBe(true);
  });

  it('denies every new window and hands the URL to the external-link check', () => {
    const { contents, opened } = setup();
    expect(contents.openHandler?.({ url: 'https://docs.example.org/' })).toEqual({
      action: 'deny',
    });
    expect(opened).toEqual(['https://docs.example.org/']);
  });
});

describe('secureWebPreferences', () => {
  it('turns isolation and the sandbox on, Node and webview off', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
    });
  });
});
