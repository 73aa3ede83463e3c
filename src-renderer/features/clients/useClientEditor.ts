import { useState } from 'react';

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
    startEdit: () => setEditing('edit'),
    close: () => {
      setEditing(undefined);
      setInitialPhone(undefined);
    },
  };
}
