import type { CallAction } from '../../../src-shared/telephony/callView';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

const notDone = { notNow: 'errors.notDone', invalidNumber: 'errors.invalidNumber' } as const;

/**
 * The operator's action on a call (a button, a hotkey). One refused by main
 * (the call has moved on) or that fails on the way is said at once; what the
 * far end refuses later shows on the call itself.
 */
export function actOnCall(action: CallAction): void {
  invoke('calls.act', action).then(
    (result) => {
      if (!result.done) reportProblem('callAction', undefined, notDone[result.reason]);
    },
    (error: unknown) => reportProblem('callAction', error),
  );
}
