import Database from 'better-sqlite3';
import { openLibrary, type Library } from '../../src/main/library';
import { warmCache } from '../../src/main/library/cache-warm';
import { ftsQuery, learnSearch } from '../../src/main/library/search-text';
import { BROWSE_PAGE_SIZE, sortKeys, type FilmFilterInput, type SortKey } from '../../src/shared/browse';
import { readThrough } from './library-file';
import { median, spread, timeCall, type Spread } from './stats';

/**
 * Browse's reads against a real library file, as the main process answers them: searches, a page
 * of every sort, and pairs of filters with the filter lists' counts. Browse remembers counts while
 * the library is unchanged, so each search and each filter pair is timed the first time it is
 * asked, as when a collector types or clicks something new; other searches run first, untimed, so
 * statements are prepared, and the file is read through first (readThrough) so it is in the
 * operating system's page cache, as in a window in use; the library's page cache is warmed as the
 * app warms it once the window has been quiet (cache-warm.ts).
 *
 * A search's figure is its first page, what the window waits for before painting the result. A
 * search that finds many films answers that page before its exact count; the window then asks
 * films:count, timed here right after the page, as a figure of its own.
 */

/** The page browse asks for. */
const PAGE = BROWSE_PAGE_SIZE;
const LIST_REPEATS = 3;
/** Searches unlike the timed ones, to warm up with (besides the caller's). */
const WARM_UP = ['warm', 'up the', 'zz', 'qx'];
const FILTER_GENRES = 5;

export type Latency = Spread & { cpu: Spread };
/** `found`: the exact count, whether the page carried it or films:count answered it after. */
export type SlowQuery = { query: string; ms: number; cpuMs: number; found: number };

export type BrowseFigures = {
  /** The first page of search results, best match first (what the window paints). */
  search: Latency;
  /**
   * The exact count of each search whose first page came without it (films:count, asked right
   * after the page); null when every page carried its count.
   */
  searchCount: Latency | null;
  /**
   * The raw limit of a search: the same searches, each the first time, as one plain FTS5
   * statement on a connection of its own (the same page cache size, warmed the same way) reading
   * the newest page of matches: what any search showing a page of films found by these words must
   * read from the index.
   */
  searchRaw: Latency;
  /** The filter lists' counts for the same searches (browse asks for both). */
  searchFacets: Latency;
  slowestSearches: SlowQuery[];
  /** The first page of each sort, and the middle page (the deepest a page is read from one end). */
  sortFirstPage: Latency;
  sortMiddlePage: Latency;
  slowestSorts: { sort: SortKey; page: 'first' | 'middle'; ms: number }[];
  /** Pairs of filters (a genre and a decade, a genre and a director): the page and the filter lists' counts. */
  filters: { name: string; found: number; pageMs: number; facetsMs: number }[];
  filtersWithFacets: Latency;
  /**
   * Searches narrowed to the busiest genre, best match first: the first page of the first
   * SEARCHES_FILTERED searches, each the first time (a filter's films must not drive the search).
   */
  searchFiltered: Latency;
  searchFilteredBy: string | null;
};

/** How many of the searches are also timed narrowed to a genre. */
const SEARCHES_FILTERED = 20;

const latency = (samples: readonly { ms: number; cpuMs: number }[]): Latency => ({
  ...spread(samples.map((s) => s.ms)),
  cpu: spread(samples.map((s) => s.cpuMs)),
});

function measureSearch(library: Library, queries: readonly string[], warmUp: readonly string[]) {
  const page = (search: string) => library.list({ search, sort: 'relevance', limit: PAGE });
  const facets = (search: string) => library.facets({ search });
  for (const query of warmUp) {
    page(query);
    facets(query);
  }
  const pages: SlowQuery[] = [];
  const exactCounts: { ms: number; cpuMs: number }[] = [];
  const counts: { ms: number; cpuMs: number }[] = [];
  for (const query of queries) {
    const timed = timeCall(() => page(query));
    let found = timed.value.total;
    if (!timed.value.totalExact) {
      const counted = timeCall(() => library.found({ search: query }));
      exactCounts.push(counted);
      found = counted.value;
    }
    pages.push({ query, ms: timed.ms, cpuMs: timed.cpuMs, found });
    counts.push(timeCall(() => facets(query)));
  }
  const slowest = [...pages].sort((a, b) => b.ms - a.ms).slice(0, 5);
  return {
    search: latency(pages),
    searchCount: exactCounts.length > 0 ? latency(exactCounts) : null,
    searchFacets: latency(counts),
    slowestSearches: slowest,
  };
}

function measureSorts(library: Library) {
  const total = library.count();
  const first: { ms: number; cpuMs: number }[] = [];
  const middle: { ms: number; cpuMs: number }[] = [];
  const slowest: BrowseFigures['slowestSorts'] = [];
  for (const sort of sortKeys.filter((key) => key !== 'relevance')) {
    for (const [page, offset, into] of [
      ['first', 0, first],
      ['middle', Math.max(0, Math.floor(total / 2) - PAGE), middle],
    ] as const) {
      const run = () => library.list({ sort, offset, limit: PAGE });
      run();
      const samples = Array.from({ length: LIST_REPEATS }, () => timeCall(run));
      const ms = median(samples.map((s) => s.ms));
      into.push({ ms, cpuMs: median(samples.map((s) => s.cpuMs)) });
      slowest.push({ sort, page, ms });
    }
  }
  slowest.sort((a, b) => b.ms - a.ms);
  return {
    sortFirstPage: latency(first),
    sortMiddlePage: latency(middle),
    slowestSorts: slowest.slice(0, 3),
  };
}

/** Pairs of filters a collector combines: a genre and a decade; a genre and its busiest director. */
function filterPairs(library: Library): { name: string; filter: FilmFilterInput }[] {
  const genres = library
    .facets()
    .genres.slice(0, FILTER_GENRES)
    .map((genre) => genre.value);
  return genres.flatMap((genre) => {
    const director = library.facets({ filter: { genres: [genre] } }).directors[0]?.value ?? null;
    return [
      { name: `${genre}, 1990s`, filter: { genres: [genre], yearFrom: 1990, yearTo: 1999 } },
      { name: `${genre}, directed by ${director ?? 'anyone'}`, filter: { genres: [genre], director } },
    ];
  });
}

/** Each pair once, the first time it is asked: a page by title and the filter lists' counts. */
function measureFilters(library: Library) {
  const filters: BrowseFigures['filters'] = [];
  const both: { ms: number; cpuMs: number }[] = [];
  for (const { name, filter } of filterPairs(library)) {
    const listed = timeCall(() => library.list({ filter, sort: 'title', limit: PAGE }));
    const counted = timeCall(() => library.facets({ filter }));
    filters.push({ name, found: listed.value.total, pageMs: listed.ms, facetsMs: counted.ms });
    both.push({ ms: listed.ms + counted.ms, cpuMs: listed.cpuMs + counted.cpuMs });
  }
  return { filters, filtersWithFacets: latency(both) };
}

/** The first searches again, narrowed to the busiest genre: the page by best match, the first time. */
function measureSearchFiltered(library: Library, queries: readonly string[]) {
  const genre = library.facets().genres[0]?.value ?? null;
  const filter = genre === null ? {} : { genres: [genre] };
  const pages = queries
    .slice(0, SEARCHES_FILTERED)
    .map((search) => timeCall(() => library.list({ search, filter, sort: 'relevance', limit: PAGE })));
  return { searchFiltered: latency(pages), searchFilteredBy: genre };
}

/** The searches as plain FTS5 statements, on a connection of their own (see BrowseFigures.searchRaw). */
function measureRawSearch(path: string, queries: readonly string[], warmUp: readonly string[]): Latency {
  const sqlite = new Database(path, { readonly: true });
  try {
    sqlite.pragma('cache_size = -65536');
    warmCache(sqlite);
    const statement = sqlite
      .prepare(`SELECT rowid FROM films_fts WHERE films_fts MATCH ? ORDER BY rowid DESC LIMIT ${PAGE}`)
      .pluck();
    const read = (search: string) => {
      const match = ftsQuery(search);
      return match === null ? [] : statement.all(match);
    };
    // Characters are learnt (a temp table) before the timing, as the app has learnt them.
    for (const query of [...warmUp, ...queries]) learnSearch(sqlite, query);
    for (const query of warmUp) read(query);
    return latency(queries.map((query) => timeCall(() => read(query))));
  } finally {
    sqlite.close();
  }
}

/**
 * Opens the library at `path` and times browse's reads on it. `otherSearches`: searches unlike
 * `queries` (the other list), run first, untimed, with a few more (WARM_UP): a process that has
 * answered a few dozen searches, as the app's main process has after a minute of use. In a process
 * that had answered four, the first searches timed paid for the process's own warming up (its
 * heap growing, the searching code compiled): light 1,000 films p95 11.4 ms, CPU p95 15.0 ms (V8's
 * optimizing compiler at work on a thread of its own), against 4.9-6.2 ms in the bench's own
 * warmed process.
 */
export async function measureBrowse(
  path: string,
  queries: readonly string[],
  otherSearches: readonly string[] = [],
): Promise<BrowseFigures> {
  readThrough(path);
  const warmUp = [...WARM_UP, ...otherSearches.filter((query) => !queries.includes(query))];
  const searchRaw = measureRawSearch(path, queries, warmUp);
  const library = await openLibrary(path);
  try {
    // What the app reads into its page cache once the window has been quiet for 10 s (search-tidier.ts).
    warmCache(library.sqlite);
    return {
      ...measureSearch(library, queries, warmUp),
      searchRaw,
      ...measureSorts(library),
      ...measureFilters(library),
      ...measureSearchFiltered(library, queries),
    };
  } finally {
    await library.close();
  }
}
