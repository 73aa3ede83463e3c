import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientListItem, ClientQueryInput } from '../../../src-shared/clients/clientSchemas';
import { invoke, onEvent } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

export const pageSize = 100;
export type ClientFilter = Omit<ClientQueryInput, 'offset' | 'limit'>;

/**
 * The list over the whole base, fetched a page at a time as rows scroll into
 * view. A new filter starts a new generation; answers for an old one are dropped.
 */
export function useClientPages(filter: ClientFilter) {
  const [total, setTotal] = useState<number | undefined>();
  const [capped, setCapped] = useState(false);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, ClientListItem[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  const load = useCallback(
    (page: number, gen: number) => {
      if (loading.current.has(page) || pages.current.has(page)) return;
      loading.current.add(page);
      invoke('clients.find', {
        ...(JSON.parse(key) as ClientFilter),
        offset: page * pageSize,
        limit: pageSize,
      })
        .then((result) => {
          if (gen !== generation.current) return;
          pages.current.set(page, result.items);
          setTotal(result.total);
          setCapped(result.totalIsCapped);
          setVersion((v) => v + 1);
        })
        .catch((e: unknown) => {
          if (gen === generation.current) reportProblem('load', e);
        })
        .finally(() => loading.current.delete(page));
    },
    [key],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    pages.current = new Map();
    loading.current = new Set();
    load(0, generation.current);
  }, [load]);

  useEffect(() => {
    reload();
  }, [reload]);

  // Colleagues' edits landed by team sync: read again, at most every two seconds, as they may
  // come in bursts.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onEvent('clients.changed', () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        reload();
      }, 2_000);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [reload]);

  const itemAt = useCallback(
    (index: number): ClientListItem | undefined => {
      const page = Math.floor(index / pageSize);
      const items = pages.current.get(page);
      if (items === undefined) {
        load(page, generation.current);
        return undefined;
      }
      return items[index % pageSize];
    },
    [load],
  );

  return { total, capped, itemAt, reload };
}
