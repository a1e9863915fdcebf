import { useCallback, useEffect, useRef, useState } from 'react';
import type { FilmPage, FilmSummary } from '../../../shared/browse';
import { useApi } from '../shell/api-context';
import { queryKey, toListQuery, type BrowseQuery } from './browse-query';

/**
 * The result of a browse query, fetched a page at a time as rows come into view: the window never
 * holds the whole library. Pages are cached by offset under the query's key; a response for a query
 * that is no longer current is dropped, and the previous result stays on screen until the new one's
 * first page arrives, so typing never flashes an empty list.
 */
export type FilmPages = {
  /** The key of the query whose films are shown. */
  shownKey: string | null;
  /** How many films the shown query finds; null before its first page. */
  total: number | null;
  /** A newer query than the one shown is on its way. */
  pending: boolean;
  error: string | null;
  filmAt: (index: number) => FilmSummary | undefined;
  /** Fetches the pages covering rows start..end (inclusive) that are not there yet. */
  requestRange: (start: number, end: number) => void;
  /** The ids of rows start..end (inclusive), fetching what is missing. */
  idsBetween: (start: number, end: number) => Promise<string[]>;
  /** Fetches the shown query again (after films changed). */
  reload: () => void;
};

export const PAGE_SIZE = 100;

type Cache = { key: string; query: BrowseQuery; total: number; pages: Map<number, FilmSummary[]> };

export function useFilmPages(query: BrowseQuery): FilmPages {
  const api = useApi();
  const key = queryKey(query);
  const cache = useRef<Cache | null>(null);
  const inFlight = useRef(new Set<string>());
  const latest = useRef({ key, query, generation: 0 });
  const [, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(true);
  const rerender = useCallback(() => setVersion((v) => v + 1), []);

  const fetchPage = useCallback(
    (wanted: BrowseQuery, page: number): Promise<FilmPage> =>
      api.films.list(toListQuery(wanted, page * PAGE_SIZE, PAGE_SIZE)),
    [api],
  );

  const start = useCallback(() => {
    const generation = ++latest.current.generation;
    const { key: wantedKey, query: wanted } = latest.current;
    setPending(true);
    fetchPage(wanted, 0)
      .then((first) => {
        if (latest.current.generation !== generation) return;
        cache.current = {
          key: wantedKey,
          query: wanted,
          total: first.total,
          pages: new Map([[0, first.films]]),
        };
        inFlight.current.clear();
        setError(null);
        setPending(false);
        rerender();
      })
      .catch((failure: unknown) => {
        if (latest.current.generation !== generation) return;
        setError(failure instanceof Error ? failure.message : String(failure));
        setPending(false);
      });
  }, [fetchPage, rerender]);

  useEffect(() => {
    latest.current = { ...latest.current, key, query };
    start();
    // The key stands for the query: a new object with the same meaning fetches nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, start]);

  const loadPage = useCallback(
    (shown: Cache, page: number): Promise<FilmSummary[]> => {
      const known = shown.pages.get(page);
      if (known) return Promise.resolve(known);
      const flightKey = `${shown.key}#${page}`;
      inFlight.current.add(flightKey);
      return fetchPage(shown.query, page)
        .then((result) => {
          if (cache.current === shown) {
            shown.pages.set(page, result.films);
            rerender();
          }
          return result.films;
        })
        .finally(() => inFlight.current.delete(flightKey));
    },
    [fetchPage, rerender],
  );

  const requestRange = useCallback(
    (first: number, last: number) => {
      const shown = cache.current;
      if (!shown || shown.total === 0) return;
      const lastPage = Math.floor(Math.min(last, shown.total - 1) / PAGE_SIZE);
      for (let page = Math.max(0, Math.floor(first / PAGE_SIZE)); page <= lastPage; page += 1) {
        if (!shown.pages.has(page) && !inFlight.current.has(`${shown.key}#${page}`)) {
          loadPage(shown, page).catch((failure: unknown) => setError(String(failure)));
        }
      }
    },
    [loadPage],
  );

  const idsBetween = useCallback(
    async (first: number, last: number) => {
      const shown = cache.current;
      if (!shown) return [];
      const [low, high] = [
        Math.max(0, Math.min(first, last)),
        Math.min(Math.max(first, last), shown.total - 1),
      ];
      const pages: Promise<FilmSummary[]>[] = [];
      for (let page = Math.floor(low / PAGE_SIZE); page <= Math.floor(high / PAGE_SIZE); page += 1) {
        pages.push(loadPage(shown, page));
      }
      const films = (await Promise.all(pages)).flat();
      const offset = Math.floor(low / PAGE_SIZE) * PAGE_SIZE;
      return films.slice(low - offset, high - offset + 1).map((film) => film.id);
    },
    [loadPage],
  );

  const shown = cache.current;
  return {
    shownKey: shown?.key ?? null,
    total: shown?.total ?? null,
    pending,
    error,
    filmAt: (index) => shown?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    requestRange,
    idsBetween,
    reload: start,
  };
}
