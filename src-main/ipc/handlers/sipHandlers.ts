import type { SipAccountService } from '../../core/telephony/sipAccountService';
import type { HandlersOf } from './handlerTypes';

/** The operator's SIP account and its connection test. */
export function sipHandlers(deps: { sipAccount: SipAccountService }): HandlersOf<'sip.'> {
  return {
    'sip.account.get': () => deps.sipAccount.view(),
    'sip.account.save': ({ account, password }) => deps.sipAccount.save(account, password),
    'sip.testConnection': ({ account, password }) => deps.sipAccount.test(account, password),
  };
}
