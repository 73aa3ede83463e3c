import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAppProtocolHandler,
  pageStartFiles,
} from '../../../src-main/core/security/appProtocol';

let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'pult-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Pult</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'client database key');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  handle = createAppProtocolHandler(root);
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves the app with its CSP and content type', async () => {
    const response = await get('app://pult/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Pult</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await get('app://pult/assets/app.js');
    expect(js.headers.get('content-type')).toContain('text/javascript');
  });

  it.each([
    'app://pult/%2e%2e/secret.txt',
    'app://pult/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://pult/..%2fsecret.txt',
    'app://pult/%2e%2e%5csecret.txt',
    'app://pult/assets/link.txt',
  ])('never serves a file outside the app folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('client database key');
  });

  it('refuses other hosts, other methods and broken encodings', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://pult/index.html', 'POST')).status).toBe(405);
    expect((await get('app://pult/%E0%A4%A')).status).toBe(400);
    expect((await get('app://pult/a%00b')).status).toBe(400);
    expect((await get('app://pult/missing.js')).status).toBe(404);
  });
});

describe('the files a page needs before it runs', () => {
  it('are its script, the chunks it preloads and its styles, as the handler names them', () => {
    const html = `<!doctype html><html><head>
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'">
      <script type="module" crossorigin src="./assets/index-Nn6F.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/formatting-Vx.js">
      <link rel="modulepreload" crossorigin href="./assets/formatting-Vx.js">
      <link rel="stylesheet" crossorigin href="./assets/index-D5.css">
      <link rel="icon" href="data:,">
      </head><body><div id="root"></div></body></html>`;
    expect(pageStartFiles(html)).toEqual([
      '/assets/index-Nn6F.js',
      '/assets/formatting-Vx.js',
      '/assets/index-D5.css',
    ]);
    expect(pageStartFiles('')).toEqual([]);
  });
});
