import { useCallback, useEffect, useRef, useState } from 'react';
import { BROWSE_PAGE_SIZE, type FilmPage, type FilmSummary } from '../../../shared/browse';
import { useApi } from '../shell/api-context';
import { queryKey, toListQuery, type BrowseQuery } from './browse-query';

/**
 * The result of a browse query, fetched a page at a time as rows come into view: the window never
 * holds the whole library. Pages are cached by offset under the query's key; a response for a query
 * that is no longer current is dropped, and the previous result stays on screen until the new one's
 * first page arrives, so typing never flashes an empty list.
 *
 * A search that finds much of the library answers its first page before its exact count (counting
 * every film a common prefix finds costs more than the page): the page is shown at once with the
 * lower bound as the result's length, the count is asked for after it, and the list grows when it
 * lands. A count for a result no longer shown is dropped, as pages are.
 */
export type FilmPages = {
  /** The key of the query whose films are shown. */
  shownKey: string | null;
  /** How many films the shown query finds (a lower bound until `totalExact`); null before its first page. */
  total: number | null;
  /** False while `total` is only a lower bound: the exact count is being asked for, or failed. */
  totalExact: boolean;
  /** The exact count of the shown result is on its way. */
  counting: boolean;
  /** A newer query than the one shown is on its way. */
  pending: boolean;
  error: string | null;
  filmAt: (index: number) => FilmSummary | undefined;
  /** Fetches the pages covering rows start..end (inclusive) that are not there yet. */
  requestRange: (start: number, end: number) => void;
  /** The ids of rows start..end (inclusive), fetching what is missing. */
  idsBetween: (start: number, end: number) => Promise<string[]>;
  /**
   * The exact number of films the shown result holds, once known (asking again if a count failed);
   * null when another result is shown by then or the count fails: an action waiting for it is moot.
   */
  exactTotal: () => Promise<number | null>;
  /** Fetches the shown query again (after films changed). */
  reload: () => void;
};

/** Rows a page holds. The first page is what the window waits for before painting a result. */
export const PAGE_SIZE = BROWSE_PAGE_SIZE;

type Cache = {
  key: string;
  query: BrowseQuery;
  /** Exact when `exact`; else a lower bound, raised by any later page that knows more. */
  total: number;
  exact: boolean;
  pages: Map<number, FilmSummary[]>;
  /** The count asked for this result, while it is on its way. */
  counting: Promise<void> | null;
};

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/** Takes what a page says about the result's length: an exact total settles it, a bound can only raise it. */
function learnTotal(shown: Cache, page: FilmPage): void {
  if (shown.exact) return;
  if (page.totalExact) {
    shown.total = page.total;
    shown.exact = true;
  } else shown.total = Math.max(shown.total, page.total);
}

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

  /** Asks for the exact count of `shown`; it lands only while `shown` is still the result on screen. */
  const count = useCallback(
    (shown: Cache): Promise<void> => {
      const { search, filter } = toListQuery(shown.query);
      const counting = api.films
        .count({ search, filter })
        .then((total) => {
          if (cache.current !== shown) return;
          learnTotal(shown, { total, totalExact: true, offset: 0, films: [] });
        })
        .catch((failure: unknown) => {
          if (cache.current === shown) setError(message(failure));
        })
        .finally(() => {
          if (shown.counting !== counting) return;
          shown.counting = null;
          if (cache.current === shown) rerender();
        });
      shown.counting = counting;
      return counting;
    },
    [api, rerender],
  );

  const start = useCallback(() => {
    const generation = ++latest.current.generation;
    const { key: wantedKey, query: wanted } = latest.current;
    setPending(true);
    fetchPage(wanted, 0)
      .then((first) => {
        if (latest.current.generation !== generation) return;
        const shown: Cache = {
          key: wantedKey,
          query: wanted,
          total: first.total,
          exact: first.totalExact,
          pages: new Map([[0, first.films]]),
          counting: null,
        };
        cache.current = shown;
        inFlight.current.clear();
        setError(null);
        setPending(false);
        // The page is painted now; its exact length follows (the list grows when it lands).
        if (!shown.exact) void count(shown);
        rerender();
      })
      .catch((failure: unknown) => {
        if (latest.current.generation !== generation) return;
        setError(message(failure));
        setPending(false);
      });
  }, [fetchPage, count, rerender]);

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
            learnTotal(shown, result);
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

  const exactTotal = useCallback(async (): Promise<number | null> => {
    const shown = cache.current;
    if (!shown) return null;
    if (!shown.exact) await (shown.counting ?? count(shown));
    return cache.current === shown && shown.exact ? shown.total : null;
  }, [count]);

  const shown = cache.current;
  return {
    shownKey: shown?.key ?? null,
    total: shown?.total ?? null,
    totalExact: shown?.exact ?? false,
    counting: !!shown && !shown.exact && shown.counting !== null,
    pending,
    error,
    filmAt: (index) => shown?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    requestRange,
    idsBetween,
    exactTotal,
    reload: start,
  };
}
