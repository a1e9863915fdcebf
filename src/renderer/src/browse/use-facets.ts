import { useEffect, useState } from 'react';
import type { Facets } from '../../../shared/browse';
import { useApi } from '../shell/api-context';
import { findKey, type BrowseQuery } from './browse-query';

/**
 * Counts a little after the list: the page a person is waiting for goes first, and a burst of
 * typing asks for counts once, when it pauses.
 */
export const FACETS_DELAY_MS = 250;

/**
 * The filter lists' counts for what the query finds; the last counts stay until new ones arrive.
 * Asked only while the filters show (`enabled`): hidden counts cost the library work for nothing.
 */
export function useFacets(query: BrowseQuery, refresh: number, enabled: boolean): Facets | null {
  const api = useApi();
  const [facets, setFacets] = useState<Facets | null>(null);
  const key = findKey(query);
  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    const [search, filter] = JSON.parse(key) as [string, BrowseQuery['filter']];
    const timer = setTimeout(() => {
      api.films
        .facets({ search, filter })
        .then((counted) => {
          if (current) setFacets(counted);
        })
        .catch((failure: unknown) => console.error('The filter counts could not be read:', failure));
    }, FACETS_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key, refresh, enabled]);
  return facets;
}
