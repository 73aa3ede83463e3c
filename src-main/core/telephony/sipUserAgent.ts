import JsSIP from 'jssip';
import type { SipAccount, SipProblem } from '../../../src-shared/telephony/sipAccountSchema';
import { GuardedSipSocket } from './guardedSipSocket';
import { prepareJsSipEnvironment } from './jssipEnvironment';

export interface UserAgentOptions {
  userAgent: string;
  /** Seconds; JsSIP retries a dropped WebSocket between these, doubling. */
  recoveryMinSeconds?: number;
  recoveryMaxSeconds?: number;
  /** How often a registered agent checks that the PBX still answers, and how long it waits. */
  keepaliveSeconds?: number;
  keepaliveTimeoutSeconds?: number;
  /** A WebSocket handshake that has not finished by then is abandoned and tried again. */
  connectTimeoutSeconds?: number;
  /** Told about every message JsSIP could not handle and that was dropped. */
  onDroppedMessage?: (error: unknown) => void;
  /** Where the messages sent and received are traced for diagnostics. */
  trace?: { record(direction: 'in' | 'out', message: unknown): void };
  /** Told how long each registration took from the agent's start, and how it ended. */
  onRegistrationTimed?: (ms: number, result: string) => void;
}

/** One JsSIP user agent for an account. The password is passed in, never stored here. */
export function createUserAgent(
  account: SipAccount,
  password: string,
  options: UserAgentOptions,
): JsSIP.UA {
  prepareJsSipEnvironment();
  const socket = new GuardedSipSocket(
    account.wsUrl,
    options.onDroppedMessage ?? (() => undefined),
    options.trace,
  );
  return new JsSIP.UA({
    // JsSIP declares Socket as a class but takes any object with its shape (JsSIP.Socket.isSocket).
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    sockets: [socket],
    uri: account.sipUri,
    password,
    ...(account.authorizationUser === '' ? {} : { authorization_user: account.authorizationUser }),
    ...(account.displayName === '' ? {} : { display_name: account.displayName }),
    register: true,
    register_expires: 300,
    session_timers: false,
    user_agent: options.userAgent,
    connection_recovery_min_interval: options.recoveryMinSeconds ?? 1,
    connection_recovery_max_interval: options.recoveryMaxSeconds ?? 8,
  });
}

/** JsSIP's registration failure cause, as what the operator should be told. */
export function problemOfCause(cause: string | undefined): SipProblem {
  switch (cause) {
    case JsSIP.C.causes.AUTHENTICATION_ERROR:
      return 'auth';
    case JsSIP.C.causes.REQUEST_TIMEOUT:
      return 'timeout';
    case JsSIP.C.causes.CONNECTION_ERROR:
      return 'unreachable';
    default:
      return 'rejected';
  }
}
