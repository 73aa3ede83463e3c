import net from 'node:net';
import tls from 'node:tls';
import type { SipProblem } from '../../../src-shared/telephony/sipAccountSchema';

/**
 * Why a WebSocket to the PBX could not open, in terms an operator or IT can
 * act on: nothing listens there, or the TLS certificate is not trusted, or
 * it does not answer in time. A browser-style WebSocket does not say which.
 */
export async function probeSipServer(
  wsUrl: string,
  timeoutMs: number,
): Promise<{ problem: SipProblem; detail: string } | undefined> {
  const url = new URL(wsUrl);
  const secure = url.protocol === 'wss:';
  const port = Number(url.port === '' ? (secure ? 443 : 80) : url.port);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = secure
      ? tls.connect({ host, port, servername: net.isIP(host) === 0 ? host : undefined })
      : net.connect({ host, port });
    const done = (result: { problem: SipProblem; detail: string } | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        done({
          problem: 'timeout',
          detail: `${host}:${port} did not answer within ${timeoutMs} ms`,
        }),
      timeoutMs,
    );
    socket.once(secure ? 'secureConnect' : 'connect', () => done(undefined));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      const tlsProblem = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code);
      done({
        problem: tlsProblem ? 'tls' : 'unreachable',
        detail: `${host}:${port}: ${code === '' ? error.message : code}`,
      });
    });
  });
}
