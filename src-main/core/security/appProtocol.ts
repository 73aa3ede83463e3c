import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { appHost } from './appOrigin';
import { contentSecurityPolicy } from './contentSecurityPolicy';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

/**
 * Serves the built renderer for app://pult/. Written against the web Request and
 * Response types that Electron's protocol.handle uses, without importing
 * Electron, so the traversal checks are tested in plain Node.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  /** Told of each file served (its path under the folder), e.g. for the start's order of work. */
  onServed?: (file: string) => void,
): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.host !== appHost) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method not allowed');
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, 'Bad request');
    }
    if (relative.includes('\0') || relative.includes('\\')) return plain(400, 'Bad request');
    if (relative === '/' || relative === '') relative = '/index.html';
    const candidate = path.resolve(root, `.${relative}`);
    if (!isInside(root, candidate)) return plain(403, 'Forbidden');
    let real: string;
    try {
      // A symlink inside the folder must not lead outside it either.
      real = await realpath(candidate);
    } catch {
      return plain(404, 'Not found');
    }
    const realRoot = await realpath(root);
    if (!isInside(realRoot, real)) return plain(403, 'Forbidden');
    let body: Buffer;
    try {
      body = await readFile(real);
    } catch {
      return plain(404, 'Not found');
    }
    const type = contentTypes[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
    onServed?.(relative);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': type,
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}

/**
 * The files the page asks for before it can run (its script, the chunks it
 * preloads, its styles), as the protocol handler names them: main's start
 * holds its event loop for a while, and lets these out first.
 */
export function pageStartFiles(indexHtml: string): string[] {
  const found = indexHtml.matchAll(
    /<(?:script|link)\b[^>]*?\b(?:src|href)="\.?(\/assets\/[^"?#]+)"/g,
  );
  return [...new Set([...found].map((match) => match[1] as string))];
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root + path.sep);
}
