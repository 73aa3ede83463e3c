import { describe, expect, it } from 'vitest';
import type { JsonStore, SecretStore } from '../../../src-main/core/platform/ports';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { parseMachinePolicy } from '../../../src-main/core/settings/machinePolicy';
import { WorkstationStatusBoard } from '../../../src-main/core/status/workstationStatusBoard';
import { plainWebSocketRefused } from '../../../src-main/core/telephony/pbxAddressPolicy';
import {
  InsecurePbxAddressError,
  SipAccountService,
} from '../../../src-main/core/telephony/sipAccountService';
import { SipRegistration } from '../../../src-main/core/telephony/sipRegistration';
import type { SipAccount } from '../../../src-shared/telephony/sipAccountSchema';

const saved: SipAccount = {
  wsUrl: 'wss://pbx.center.example:8089/ws',
  sipUri: 'sip:operator7@center.example',
  authorizationUser: '',
  displayName: '',
  iceServers: [],
  dtmfMode: 'rfc4733',
};

/** The account service over memory stores; the connection test only records what it was given. */
function service(options: { policy?: object; weak?: boolean } = {}) {
  let stored: unknown = saved;
  const store: JsonStore<SipAccount> = { read: () => stored, write: (v) => (stored = v) };
  const secrets = new Map([['sip.password', 'stored-secret']]);
  const secretStore: SecretStore = {
    get: (name) => Promise.resolve(secrets.get(name)),
    set: (name, value) => Promise.resolve(void secrets.set(name, value)),
    delete: (name) => void secrets.delete(name),
    weak: () => options.weak ?? false,
  };
  const tried: { wsUrl: string; password: string }[] = [];
  const policy = parseMachinePolicy(JSON.stringify(options.policy ?? {}));
  if (!policy.ok) throw new Error(policy.problem);
  const registration = new SipRegistration(
    new WorkstationStatusBoard({ now: () => new Date() }),
    silentLogger,
    { userAgent: 'Pult-test' },
  );
  const accounts = new SipAccountService(
    store,
    secretStore,
    policy.policy,
    registration,
    'Pult-test',
    (account, password) => {
      tried.push({ wsUrl: account.wsUrl, password });
      return Promise.resolve({ ok: true });
    },
  );
  return { accounts, tried, stored: () => stored };
}

describe('the SIP account', () => {
  it('sends the stored password only to the server and login it was saved for', async () => {
    const { accounts, tried } = service();
    expect(await accounts.test(saved, undefined)).toEqual({ ok: true });
    const elsewhere = { ...saved, wsUrl: 'wss://attacker.example/ws' };
    expect(await accounts.test(elsewhere, undefined)).toMatchObject({
      ok: false,
      problem: 'passwordNeeded',
    });
    const otherLogin = { ...saved, authorizationUser: 'admin' };
    expect(await accounts.test(otherLogin, undefined)).toMatchObject({ problem: 'passwordNeeded' });
    // A password typed for the test goes where the operator sends it.
    expect(await accounts.test(elsewhere, 'typed-now')).toEqual({ ok: true });
    expect(tried).toEqual([
      { wsUrl: saved.wsUrl, password: 'stored-secret' },
      { wsUrl: 'wss://attacker.example/ws', password: 'typed-now' },
    ]);
  });

  it('refuses plain ws:// to a PBX elsewhere, for a test and for saving, and keeps what was saved', async () => {
    const { accounts, tried, stored } = service();
    const plain = { ...saved, wsUrl: 'ws://pbx.center.example:8080/ws' };
    expect(await accounts.test(plain, 'secret')).toEqual({
      ok: false,
      problem: 'insecure',
      detail: 'pbx.center.example',
    });
    await expect(accounts.save(plain, 'secret')).rejects.toThrow(InsecurePbxAddressError);
    expect(tried).toEqual([]);
    expect(stored()).toEqual(saved);
  });

  it("allows plain ws:// to the hosts IT's policy names", async () => {
    const { accounts, tried } = service({
      policy: { sip: { plainWebSocketHosts: ['PBX.lab.example'] } },
    });
    const lab = { ...saved, wsUrl: 'ws://pbx.lab.example:8080' };
    expect(await accounts.test(lab, 'secret')).toEqual({ ok: true });
    expect(tried).toHaveLength(1);
  });

  it('says in Settings when the OS keeps no secrets (Linux without a keyring)', async () => {
    expect((await service({ weak: true }).accounts.view()).passwordStoreWeak).toBe(true);
    expect((await service().accounts.view()).passwordStoreWeak).toBe(false);
  });
});

describe('plain ws://', () => {
  it.each([
    ['ws://127.0.0.1:8080', undefined],
    ['ws://localhost:8080/ws', undefined],
    ['ws://[::1]:8080', undefined],
    ['wss://pbx.example', undefined],
    ['ws://10.0.0.5:8080', '10.0.0.5'],
    ['ws://127.example.com', '127.example.com'],
    ['WS://PBX.EXAMPLE', 'pbx.example'],
  ])('%s: the host refused is %s', (url, refused) => {
    expect(plainWebSocketRefused(url, [])).toBe(refused);
  });
});
