import { useSyncExternalStore } from 'react';
import type { ListQuery } from '../../../shared/browse';
import type { FilmfolioApi } from '../../../shared/contract';

/**
 * What browse has chosen, for the views that act on it (export, print, bulk edit): either films by
 * id, or the whole result of a query (minus some), which may be 100,000 films and is resolved to
 * ids only when something acts on it. Kept outside React's tree so a view on another route still
 * finds it after navigating there.
 */
export type BrowseSelection =
  { kind: 'ids'; ids: string[] } | { kind: 'query'; query: ListQuery; count: number; except: string[] };

let current: BrowseSelection | null = null;
const listeners = new Set<() => void>();

export function setBrowseSelection(selection: BrowseSelection | null): void {
  if (JSON.stringify(selection) === JSON.stringify(current)) return;
  current = selection;
  for (const listener of listeners) listener();
}

/** The current selection, or null when nothing is chosen. */
export function getBrowseSelection(): BrowseSelection | null {
  return current;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The current selection, following changes. */
export function useBrowseSelection(): BrowseSelection | null {
  return useSyncExternalStore(subscribe, getBrowseSelection, getBrowseSelection);
}

/** How many films a selection holds. */
export function selectionSize(selection: BrowseSelection | null): number {
  if (!selection) return 0;
  return selection.kind === 'ids' ? selection.ids.length : selection.count;
}

/** The ids a selection stands for, in browse's order for a whole result. */
export async function selectionIds(api: FilmfolioApi, selection: BrowseSelection): Promise<string[]> {
  if (selection.kind === 'ids') return selection.ids;
  const except = new Set(selection.except);
  const ids = await api.films.ids({ ...selection.query, offset: 0, limit: 1 });
  return ids.filter((id) => !except.has(id));
}
