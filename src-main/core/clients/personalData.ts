import type { ClientCard } from '../../../src-shared/clients/clientSchemas';
import type { RevealedDetails } from '../../../src-shared/clients/personalData';
import { maskPhone } from '../phones/phoneMasking';

/** "o•••@ukr.net": whose it is can be confirmed with the client, not copied down. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email === '' ? '' : '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

/** "•••••123": the last three, as a client reads them back. */
export function maskAccount(account: string): string {
  if (account.length <= 3) return account === '' ? '' : '•••';
  return `${'•'.repeat(Math.min(5, account.length - 3))}${account.slice(-3)}`;
}

/**
 * The card as the window gets it by default: phones, e-mail and personal
 * account masked (the full values come only with a reason, see reveal), the
 * rest as it is. Phones keep their place, so one can still be called by it.
 */
export function maskedCard(card: ClientCard): ClientCard {
  return {
    ...card,
    masked: true,
    phones: card.phones.map((phone) => ({ ...phone, e164: maskPhone(phone.e164), raw: '' })),
    email: maskEmail(card.email),
    personalAccount: maskAccount(card.personalAccount),
  };
}

export function revealedDetails(card: ClientCard): RevealedDetails {
  return { phones: card.phones, email: card.email, personalAccount: card.personalAccount };
}
