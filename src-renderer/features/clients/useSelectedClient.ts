import { useEffect, useState } from 'react';
import type { ClientCard } from '../../../src-shared/clients/clientSchemas';
import { invoke, onEvent } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';
import { clientWorkChanges } from '../orders';

/**
 * The client whose card is open. It follows what is asked from elsewhere (a
 * callback's notification, a screen pop, whose card came with it and shows at
 * once) and the calls: a call starting, ending or its wrap-up saved shows in
 * the card's history.
 */
export function useSelectedClient(openClientId: number | undefined, poppedCard?: ClientCard) {
  const [selectedId, setSelectedId] = useState(openClientId);
  const [card, setCard] = useState<ClientCard | undefined>(
    poppedCard !== undefined && poppedCard.id === openClientId ? poppedCard : undefined,
  );
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const stopCalls = onEvent('calls.changed', bump);
    const stopStatus = onEvent('status.changed', bump);
    // An order or complaint stored for a client shows in their card's history at once.
    const stopWork = clientWorkChanges.subscribe(bump);
    // A colleague's edit, landed by team sync: the open card shows it without a reload.
    const stopTeam = onEvent('clients.changed', bump);
    return () => {
      stopTeam();
      stopCalls();
      stopStatus();
      stopWork();
    };
  }, []);
  // Asked for before the list (this hook's effect runs first), so a screen pop shows
  // the caller without waiting behind a count over the whole base.
  useEffect(() => {
    if (selectedId === undefined) return;
    let live = true;
    invoke('clients.card', { id: selectedId }).then(
      (c) => live && setCard(c ?? undefined),
      (e: unknown) => {
        if (!live) return;
        setCard(undefined);
        reportProblem('load', e);
      },
    );
    return () => {
      live = false;
    };
  }, [selectedId, version]);

  // Adjusted while rendering, as React recommends for state that follows a prop.
  const [followedOpen, setFollowedOpen] = useState(openClientId);
  const [followedPop, setFollowedPop] = useState(poppedCard);
  if (openClientId !== followedOpen || poppedCard !== followedPop) {
    setFollowedOpen(openClientId);
    setFollowedPop(poppedCard);
    if (openClientId !== undefined) setSelectedId(openClientId);
    if (poppedCard !== undefined && poppedCard.id === openClientId) setCard(poppedCard);
  }

  /** After a save: the saved client's card, read again if it is the one open. */
  const showSaved = (id: number) => {
    if (id === selectedId) setVersion((v) => v + 1);
    else setSelectedId(id);
  };
  return { selectedId, select: setSelectedId, card, showSaved };
}
