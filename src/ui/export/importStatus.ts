import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlaygroundStore } from '../store/playgroundStore.ts';

/** What the last file opened (chosen or dropped) came to: why it was refused, or a note on what was opened. */
export interface ImportStatus {
  error: string | null;
  note: string | null;
}

const statuses = new WeakMap<PlaygroundStore, StoreApi<ImportStatus>>();

/**
 * The import status of a page (one per playground store), shared by the Open button, which
 * shows it, and the page-wide file drop, which opens files through the same path.
 */
export function importStatusOf(store: PlaygroundStore): StoreApi<ImportStatus> {
  let status = statuses.get(store);
  if (status === undefined) {
    status = createStore<ImportStatus>()(() => ({ error: null, note: null }));
    statuses.set(store, status);
  }
  return status;
}
