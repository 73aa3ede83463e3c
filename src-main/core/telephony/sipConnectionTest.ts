import type { SipAccount, SipConnectionTest } from '../../../src-shared/telephony/sipAccountSchema';
import { probeSipServer } from './sipProbe';
import { createUserAgent, problemOfCause } from './sipUserAgent';

/**
 * "Test connection": registers once with the given settings, then
 * unregisters, and says in plain terms what went wrong if it did.
 */
export async function testSipConnection(
  account: SipAccount,
  password: string,
  options: { userAgent: string; timeoutMs?: number },
): Promise<SipConnectionTest> {
  const timeoutMs = options.timeoutMs ?? 8000;
  const reachable = await probeSipServer(account.wsUrl, Math.min(timeoutMs, 5000));
  if (reachable !== undefined) return { ok: false, ...reachable };
  const ua = createUserAgent(account, password, {
    userAgent: options.userAgent,
    recoveryMinSeconds: 60,
    recoveryMaxSeconds: 60,
  });
  try {
    return await new Promise<SipConnectionTest>((resolve) => {
      const timer = setTimeout(
        () =>
          resolve({
            ok: false,
            problem: 'timeout',
            detail: `no answer to REGISTER within ${timeoutMs} ms`,
          }),
        timeoutMs,
      );
      ua.on('registered', () => {
        clearTimeout(timer);
        resolve({ ok: true });
      });
      ua.on(
        'registrationFailed',
        (event: {
          cause?: string;
          response?: { status_code?: number; reason_phrase?: string };
        }) => {
          clearTimeout(timer);
          const response = event.response;
          resolve({
            ok: false,
            problem: problemOfCause(event.cause),
            detail:
              response?.status_code === undefined
                ? (event.cause ?? '')
                : `${response.status_code} ${response.reason_phrase ?? ''}`.trim(),
          });
        },
      );
      ua.on('disconnected', () => {
        clearTimeout(timer);
        resolve({
          ok: false,
          problem: 'unreachable',
          detail: 'the WebSocket closed (is it a SIP WebSocket with subprotocol "sip"?)',
        });
      });
      ua.start();
    });
  } finally {
    ua.removeAllListeners();
    ua.stop();
  }
}
