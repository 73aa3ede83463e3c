/**
 * protocol and session on the host. Each scheme the app handles is served on
 * a loopback HTTP origin of its own (the handler gets the app:// request, as
 * in Electron); the app's permission check handler becomes Chromium's grants.
 */
import type * as Electron from 'electron';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostState } from './hostState';

export function hostProtocol(state: HostState) {
  const { record, schemeServers, pendingServers } = state;
  const protocol = {
    registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]) {
      record.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      const server = http.createServer((req, res) => {
        void (async () => {
          const appUrl = state.toAppUrl(`${schemeServers.get(scheme)}${req.url ?? '/'}`);
          const headers = new Headers();
          for (const [key, value] of Object.entries(req.headers)) {
            if (typeof value === 'string') headers.set(key, value);
          }
          try {
            const response = await handler(new Request(appUrl, { method: req.method, headers }));
            const body = Buffer.from(await response.arrayBuffer());
            res.writeHead(response.status, Object.fromEntries(response.headers));
            res.end(body);
          } catch (error) {
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end(String(error));
          }
        })();
      });
      server.keepAliveTimeout = 1000;
      pendingServers.push(
        new Promise<void>((resolve) => {
          server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as AddressInfo;
            schemeServers.set(scheme, `http://127.0.0.1:${port}`);
            resolve();
          });
        }),
      );
      server.unref();
    },
    isProtocolHandled(scheme: string) {
      return schemeServers.has(scheme);
    },
  } satisfies Pick<
    Electron.Protocol,
    'registerSchemesAsPrivileged' | 'handle' | 'isProtocolHandled'
  >;
  return protocol;
}

/** The check main installs, as Electron types it. */
type PermissionCheck = NonNullable<Parameters<Electron.Session['setPermissionCheckHandler']>[0]>;
type Permission = Parameters<PermissionCheck>[1];
type CheckDetails = Parameters<PermissionCheck>[3];

export function hostSession(state: HostState) {
  let permissionCheck: PermissionCheck | undefined;
  const defaultSession = {
    setPermissionCheckHandler(handler: PermissionCheck | null) {
      permissionCheck = handler ?? undefined;
    },
    // Chromium asks at request time, which Playwright cannot hand to Node; the host
    // applies the app's check handler up front instead (applyPermissions).
    setPermissionRequestHandler() {},
    setSpellCheckerEnabled() {},
    async clearCache() {},
  } satisfies Pick<
    Electron.Session,
    | 'setPermissionCheckHandler'
    | 'setPermissionRequestHandler'
    | 'setSpellCheckerEnabled'
    | 'clearCache'
  >;

  /**
   * Chromium's own permission system is set from the app's check handler: for
   * each permission Electron would ask about, the handler's answer for the
   * page's origin becomes a grant (or, by omission, a refusal) in Chromium.
   */
  async function applyPermissions(httpUrl: string): Promise<void> {
    const httpOrigin = new URL(httpUrl).origin;
    const appOrigin = state.toAppOrigin(httpUrl);
    const page = { isMainFrame: true, requestingUrl: state.toAppUrl(httpUrl) };
    const asks: [Permission, CheckDetails, string][] = [
      ['media', { ...page, mediaType: 'audio' }, 'microphone'],
      ['media', { ...page, mediaType: 'video' }, 'camera'],
      ['geolocation', page, 'geolocation'],
      ['notifications', page, 'notifications'],
      ['clipboard-read', page, 'clipboard-read'],
      ['midi', page, 'midi'],
    ];
    const granted = asks
      .filter(
        ([permission, details]) => permissionCheck?.(null, permission, appOrigin, details) ?? true,
      )
      .map(([, , chromium]) => chromium);
    await state.options.context.grantPermissions(granted, { origin: httpOrigin });
  }

  // electron-updater downloads through a session of its own; on the host every session is the one.
  const fromPartition = () => defaultSession;
  return { session: { defaultSession, fromPartition }, defaultSession, applyPermissions };
}
