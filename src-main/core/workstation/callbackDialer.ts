import type { ClientBase } from '../clients/clientBase';
import type { Logger } from '../platform/ports';
import type { CallController } from '../telephony/callController';

/**
 * What one click on a due callback's reminder does besides opening the card:
 * it calls the client back on their first number, never one who asked not to
 * be called, and says in the log why a call did not start.
 */
export function callBackClient(
  clientId: number,
  deps: {
    clients: Pick<ClientBase, 'card'>;
    calls: Pick<CallController, 'dial'>;
    dialTarget: (typed: string) => string | undefined;
    logger: Logger;
  },
): 'dialled' | 'notDialled' {
  const card = deps.clients.card(clientId);
  const phone = card?.phones[0];
  if (card === null || card.doNotCall || phone === undefined) return 'notDialled';
  const target = deps.dialTarget(phone.e164);
  const result = target === undefined ? undefined : deps.calls.dial(target);
  if (result?.ok === true) return 'dialled';
  deps.logger.warn('callback: could not dial', { error: result?.error ?? 'invalidNumber' });
  return 'notDialled';
}
