/**
 * net on the host: Electron's net.request made with Node's http(s), for
 * electron-updater's HTTP client (the one place Pult uses net). Node's
 * ClientRequest emits what that client listens to ('response', 'socket',
 * 'error'); a redirect arrives as a 3xx response, which electron-updater
 * follows itself. Electron would go through Chromium's network stack (and
 * the system proxy); the host, on loopback, needs no proxy.
 */
import type * as Electron from 'electron';
import http from 'node:http';
import https from 'node:https';

type NetOptions = http.RequestOptions & { session?: unknown; redirect?: string };

export function hostNet() {
  return {
    request(options: NetOptions) {
      // Electron's own options (its session, redirect mode) mean nothing to Node's http.
      const rest: http.RequestOptions = { ...options };
      delete (rest as NetOptions).session;
      delete (rest as NetOptions).redirect;
      return (rest.protocol === 'https:' ? https : http).request(rest);
    },
  } as unknown as Pick<typeof Electron.net, 'request'>;
}
