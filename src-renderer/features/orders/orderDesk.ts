/**
 * What the order and complaint dialogs are asked to open, from wherever the
 * operator is (the card, the screen pop, the Orders section, a script's order
 * step), and what changed after (the card reads its history again). One
 * dialog of each kind, mounted once beside the sections.
 */

export type OrderRequest =
  { kind: 'new'; typeCode: string; clientId: number } | { kind: 'draft'; uid: string };

export interface ComplaintRequest {
  clientId: number;
  orderId?: number;
}

type Listener<T> = (value: T) => void;

function channel<T>() {
  const listeners = new Set<Listener<T>>();
  return {
    publish(value: T): void {
      for (const listener of listeners) listener(value);
    },
    subscribe(listener: Listener<T>): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const orderRequests = channel<OrderRequest>();
export const complaintRequests = channel<ComplaintRequest>();
/** An order or complaint of this client was stored or changed. */
export const clientWorkChanges = channel<{ clientId: number }>();
