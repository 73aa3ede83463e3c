import type { JsonStore, SecretStore } from '../platform/ports';
import type { MachinePolicy } from '../settings/machinePolicy';
import {
  sipAccountSchema,
  type SipAccount,
  type SipAccountView,
  type SipConnectionTest,
} from '../../../src-shared/telephony/sipAccountSchema';
import { plainWebSocketRefused } from './pbxAddressPolicy';
import { testSipConnection } from './sipConnectionTest';
import type { SipRegistration } from './sipRegistration';

const passwordSecret = 'sip.password';

/** A PBX address that would carry the password and the calls in the clear. */
export class InsecurePbxAddressError extends Error {
  constructor(readonly host: string) {
    super(`Plain ws:// to ${host} is not allowed: use wss://, or IT's policy must name the host`);
    this.name = 'InsecurePbxAddressError';
  }
}

/**
 * The operator's SIP account: settings in a plain file, the password through
 * the OS's secret store, the PBX address fixed by IT's policy when it says so.
 * Saving a complete account (re)starts registration at once. The stored
 * password only ever answers the server it was saved for.
 */
export class SipAccountService {
  constructor(
    private readonly store: JsonStore<SipAccount>,
    private readonly secrets: SecretStore,
    private readonly policy: MachinePolicy,
    private readonly registration: SipRegistration,
    private readonly userAgent: string,
    private readonly connectionTest: typeof testSipConnection = testSipConnection,
  ) {}

  async view(): Promise<SipAccountView> {
    return {
      account: this.account() ?? null,
      hasPassword: (await this.secrets.get(passwordSecret)) !== undefined,
      wsUrlLocked: this.policy.sip.wsUrl !== undefined,
      passwordStoreWeak: this.secrets.weak(),
    };
  }

  /** A password of undefined keeps the stored one. */
  async save(account: SipAccount, password: string | undefined): Promise<SipAccountView> {
    const inForce = this.withPolicy(account);
    const refused = plainWebSocketRefused(inForce.wsUrl, this.policy.sip.plainWebSocketHosts);
    if (refused !== undefined) throw new InsecurePbxAddressError(refused);
    this.store.write(inForce);
    if (password !== undefined) await this.secrets.set(passwordSecret, password);
    await this.startIfConfigured();
    return this.view();
  }

  /**
   * Tries the account as typed. Without a new password it uses the stored one,
   * but only for the very account it was saved with: a window (or a page that
   * took it over) must not get the password's digest answered by any server it names.
   */
  async test(account: SipAccount, password: string | undefined): Promise<SipConnectionTest> {
    const inForce = this.withPolicy(account);
    const refused = plainWebSocketRefused(inForce.wsUrl, this.policy.sip.plainWebSocketHosts);
    if (refused !== undefined) return { ok: false, problem: 'insecure', detail: refused };
    let secret = password;
    if (secret === undefined) {
      const saved = this.account();
      const stored = await this.secrets.get(passwordSecret);
      if (saved === undefined || stored === undefined || !sameAccount(saved, inForce))
        return { ok: false, problem: 'passwordNeeded', detail: '' };
      secret = stored;
    }
    return this.connectionTest(inForce, secret, { userAgent: this.userAgent });
  }

  async startIfConfigured(): Promise<void> {
    const account = this.account();
    const password = await this.secrets.get(passwordSecret);
    if (account === undefined || password === undefined) {
      this.registration.stop();
      return;
    }
    this.registration.start(account, password);
  }

  /** The saved account as in force (policy applied), for the call controller. */
  current(): SipAccount | undefined {
    return this.account();
  }

  private account(): SipAccount | undefined {
    const parsed = sipAccountSchema.safeParse(this.store.read());
    return parsed.success ? this.withPolicy(parsed.data) : undefined;
  }

  private withPolicy(account: SipAccount): SipAccount {
    const wsUrl = this.policy.sip.wsUrl;
    return wsUrl === undefined ? account : { ...account, wsUrl };
  }
}

/** The same server and the same login: where a stored password may be sent. */
function sameAccount(a: SipAccount, b: SipAccount): boolean {
  return (
    a.wsUrl.toLowerCase() === b.wsUrl.toLowerCase() &&
    a.sipUri === b.sipUri &&
    a.authorizationUser === b.authorizationUser
  );
}
