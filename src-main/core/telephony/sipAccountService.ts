import type { JsonStore, SecretStore } from '../platform/ports';
import type { MachinePolicy } from '../settings/machinePolicy';
import {
  sipAccountSchema,
  type SipAccount,
  type SipAccountView,
  type SipConnectionTest,
} from '../../../src-shared/telephony/sipAccountSchema';
import { testSipConnection } from './sipConnectionTest';
import type { SipRegistration } from './sipRegistration';

const passwordSecret = 'sip.password';

/**
 * The operator's SIP account: settings in a plain file, the password through
 * the OS's secret store, the PBX address fixed by IT's policy when it says so.
 * Saving a complete account (re)starts registration at once.
 */
export class SipAccountService {
  constructor(
    private readonly store: JsonStore<SipAccount>,
    private readonly secrets: SecretStore,
    private readonly policy: MachinePolicy,
    private readonly registration: SipRegistration,
    private readonly userAgent: string,
  ) {}

  async view(): Promise<SipAccountView> {
    return {
      account: this.account() ?? null,
      hasPassword: (await this.secrets.get(passwordSecret)) !== undefined,
      wsUrlLocked: this.policy.sip.wsUrl !== undefined,
    };
  }

  /** A password of undefined keeps the stored one. */
  async save(account: SipAccount, password: string | undefined): Promise<SipAccountView> {
    this.store.write(this.withPolicy(account));
    if (password !== undefined) await this.secrets.set(passwordSecret, password);
    await this.startIfConfigured();
    return this.view();
  }

  async test(account: SipAccount, password: string | undefined): Promise<SipConnectionTest> {
    const secret = password ?? (await this.secrets.get(passwordSecret)) ?? '';
    return testSipConnection(this.withPolicy(account), secret, { userAgent: this.userAgent });
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
