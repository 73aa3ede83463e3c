import { useEffect, useState } from 'react';
import type { OrderCatalogueView } from '../../../src-shared/orders/orderViews';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

let cached: Promise<OrderCatalogueView> | undefined;

/** The catalogue in use, read once per window (IT changes it between starts). */
export function loadOrderCatalogue(): Promise<OrderCatalogueView> {
  cached ??= invoke('orders.catalogue').catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

export function useOrderCatalogue(): OrderCatalogueView | undefined {
  const [catalogue, setCatalogue] = useState<OrderCatalogueView | undefined>();
  useEffect(() => {
    let live = true;
    loadOrderCatalogue().then(
      (found) => live && setCatalogue(found),
      (e: unknown) => reportProblem('load', e),
    );
    return () => {
      live = false;
    };
  }, []);
  return catalogue;
}
