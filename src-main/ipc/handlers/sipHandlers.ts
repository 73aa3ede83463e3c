import {
  InsecurePbxAddressError,
  type SipAccountService,
} from '../../core/telephony/sipAccountService';
import { IpcRejection } from '../result';
import type { HandlersOf } from './handlerTypes';

/** The operator's SIP account and its connection test. */
export function sipHandlers(deps: { sipAccount: SipAccountService }): HandlersOf<'sip.'> {
  return {
    'sip.account.get': () => deps.sipAccount.view(),
    'sip.account.save': async ({ account, password }) => {
      try {
        return await deps.sipAccount.save(account, password);
      } catch (error) {
        if (error instanceof InsecurePbxAddressError)
          throw new IpcRejection('insecurePbxAddress', error.message);
        throw error;
      }
    },
    'sip.testConnection': ({ account, password }) => deps.sipAccount.test(account, password),
  };
}
