import type { SipAccount } from '../../src-shared/telephony/sipAccountSchema';

/** A test PBX's agent account (Kamailio's agent1 by default), with nothing optional set. */
export function agentAccount(wsUrl: string, user = 'agent1'): SipAccount {
  return {
    wsUrl,
    sipUri: `sip:${user}@127.0.0.1`,
    authorizationUser: '',
    displayName: '',
    iceServers: [],
    dtmfMode: 'rfc4733',
  };
}
