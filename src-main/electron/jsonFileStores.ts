import Store from 'electron-store';
import type { JsonStore } from '../core/platform/ports';

/**
 * One electron-store file per document, in the user-data folder. The core sees
 * only JsonStore, so it never learns where or how settings are kept.
 */
export function electronJsonStore<T>(name: string): JsonStore<T> {
  // Typed loosely here: the core validates what it reads, so the file may hold anything.
  const store = new Store<Record<string, unknown>>({ name, clearInvalidConfig: true });
  return {
    read: () => store.get('value'),
    write: (value) => {
      store.set('value', value);
    },
  };
}
