import { useState } from 'react';
import type { ClientCard } from '../../../src-shared/clients/clientSchemas';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

/** The call bar's "new client" for an unknown caller's number. */
export interface NewClientRequest {
  phone: string;
  /** Distinguishes two requests for the same number. */
  seq: number;
}

/**
 * The client form: closed, a new client (with the number of an unknown
 * caller when the call bar asked for one), or the open card being edited.
 */
export function useClientEditor(newClient: NewClientRequest | undefined) {
  const [editing, setEditing] = useState<'new' | 'edit' | undefined>();
  const [initialPhone, setInitialPhone] = useState<string | undefined>();
  const [editCard, setEditCard] = useState<ClientCard | undefined>();
  // Adjusted while rendering, as React recommends for state that follows a prop.
  const [followedNew, setFollowedNew] = useState<NewClientRequest | undefined>();
  if (newClient !== followedNew) {
    setFollowedNew(newClient);
    if (newClient !== undefined) {
      setInitialPhone(newClient.phone);
      setEditing('new');
    }
  }
  return {
    editing,
    initialPhone: editing === 'new' ? initialPhone : undefined,
    startNew: () => {
      setInitialPhone(undefined);
      setEditing('new');
    },
    /** The card in full: editing a masked card reveals it, with correcting the data as the reason. */
    editCard,
    startEdit: (card: ClientCard) => {
      if (!card.masked) {
        setEditCard(card);
        setEditing('edit');
        return;
      }
      invoke('clients.reveal', { id: card.id, reason: 'dataCorrection' }).then(
        (details) => {
          setEditCard({ ...card, ...details, masked: false });
          setEditing('edit');
        },
        (e: unknown) => reportProblem('save', e),
      );
    },
    close: () => {
      setEditing(undefined);
      setEditCard(undefined);
      setInitialPhone(undefined);
    },
  };
}
