import type Database from 'better-sqlite3';
import {
  listQuerySchema,
  type FacetQuery,
  type FilmPage,
  type FilmSummary,
  type ListQuery,
  type ResolvedListQuery,
  type SortKey,
} from '../../shared/browse';
import { recalled, remembered } from './browse-cache';
import { conditionsOf, fromWhere, oneSetFound, today, type Clause } from './browse-conditions';
import {
  addMatches,
  newestFound,
  RANK_UP_TO,
  rankedKeys,
  rankedPage,
  searchQueries,
  type Newest,
  type SearchQueries,
} from './browse-search';
import { prepared, type Row } from './film-rows';
import { ftsQuery, learnSearch } from './search-text';

export { facetCounts, facetSql } from './browse-facets';
export { bestSql, newestSql, titleTierSql } from './browse-search';

/**
 * Browse's reads: one sorted page of a search and filter, its total, and the films' summaries.
 * Written as SQL rather than through Kysely because the query plan is the feature here: every
 * condition is shaped so SQLite answers it from an index (migration 0002 adds one per sort key),
 * and tests pin the plans with EXPLAIN QUERY PLAN.
 */

type Sqlite = Database.Database;

/**
 * Up to this many films, a page is sorted from the films found (looked up by key); beyond it, a
 * walk along the sort index tests each film, which finds a page's worth quickly when matches abound.
 */
const SORT_FOUND_UP_TO = 2_000;

const SORT_COLUMNS: Record<Exclude<SortKey, 'relevance' | 'title'>, string> = {
  year: 'f.year',
  runtime: 'f.runtime_minutes',
  directors: 'f.sort_directors',
  genres: 'f.sort_genres',
  imdb: 'f.imdb_rating',
  rottenTomatoes: 'f.rotten_tomatoes',
  rating: 'f.user_rating',
  seen: 'f.seen',
  media: 'f.sort_media',
  location: 'f.sort_locations',
  added: 'f.added_at',
};

/**
 * The ORDER BY of a sort: the chosen column, then sort title, then year, then the key, so every
 * order is total and pages never overlap. Ties stay A to Z whichever way the column runs (newest
 * first, then by title); only the title sort turns wholly around.
 */
function orderBy(sort: Exclude<SortKey, 'relevance'>, descending: boolean, reversed: boolean): string {
  const way = (down: boolean) => (down !== reversed ? 'DESC' : 'ASC');
  if (sort === 'title') {
    return `f.sort_title ${way(descending)}, f.year ${way(descending)}, f.key ${way(descending)}`;
  }
  return `${SORT_COLUMNS[sort]} ${way(descending)}, f.sort_title ${way(false)}, f.year ${way(false)}, f.key ${way(false)}`;
}

type PageWindow = { offset: number; limit: number; reversed: boolean };

/**
 * Past the middle of a long result, reads the page from the other end with the order turned
 * around: OFFSET costs a walk over every skipped row, so the last page is as quick as the first.
 */
function pageWindow(total: number, offset: number, limit: number): PageWindow {
  const end = Math.min(offset + limit, total);
  if (offset <= total / 2 || end <= offset) return { offset, limit, reversed: false };
  return { offset: total - end, limit: end - offset, reversed: true };
}

/**
 * Every film of a search and filter in a sort's order, unpaged, as `column` (f.key or f.id). The
 * best-match order of a search is browse-search.ts's; without a search, relevance is the title order.
 */
function orderedSql(
  query: ResolvedListQuery,
  total: number,
  reversed: boolean,
  column = 'f.key',
  sqlite?: Sqlite,
): Clause {
  const fts = ftsQuery(query.search, sqlite);
  const sort = query.sort === 'relevance' ? 'title' : query.sort;
  const source = fromWhere(conditionsOf(fts, query.filter), total <= SORT_FOUND_UP_TO);
  return {
    sql: `SELECT ${column} FROM ${source.sql} ORDER BY ${orderBy(sort, query.descending, reversed)}`,
    params: source.params,
  };
}

/**
 * The SQL of one page of `total` films in a sort's order, and whether it reads them from the far
 * end (exported for the query-plan tests). A search by best match is paged by rankedPage instead.
 */
export function pageSql(input: ListQuery, total: number, sqlite?: Sqlite): Clause & { reversed: boolean } {
  const query = listQuerySchema.parse(input);
  const window = pageWindow(total, query.offset, query.limit);
  const ordered = orderedSql(query, total, window.reversed, 'f.key', sqlite);
  return {
    sql: `${ordered.sql} LIMIT ? OFFSET ?`,
    params: [...ordered.params, window.limit, window.offset],
    reversed: window.reversed,
  };
}

/**
 * The SQL counting the films a search and filter find (exported for the query-plan tests);
 * `sqlite`, the library, to write typed words as its terms (see ftsQuery).
 */
export function countSql(input: FacetQuery, sqlite?: Sqlite): Clause {
  const { search = '', filter } = input;
  const conditions = conditionsOf(ftsQuery(search, sqlite), listQuerySchema.shape.filter.parse(filter));
  // One key set and nothing on the film row: count the set's own index, less the (few) trashed.
  const found = oneSetFound(conditions);
  if (found) return { sql: `SELECT count(*) FROM (${found.sql})`, params: found.params };
  const source = fromWhere(conditions, true);
  return { sql: `SELECT count(*) FROM ${source.sql}`, params: source.params };
}

const countKey = (query: Clause) => `count ${query.sql} ${JSON.stringify(query.params)}`;

/**
 * How many films a search and filter find, remembered while the library is unchanged. `known`:
 * the number, found by the caller another way, to remember.
 */
export function countFound(sqlite: Sqlite, input: FacetQuery, known?: number): number {
  learnSearch(sqlite, input.search ?? '');
  const query = countSql(input, sqlite);
  return remembered(sqlite, countKey(query), () => {
    return known ?? (prepared(sqlite, query.sql).pluck().get(query.params) as number);
  });
}

/** The count of a search and filter if it is remembered; nothing is counted. */
function knownCount(sqlite: Sqlite, input: FacetQuery): number | undefined {
  return recalled(sqlite, countKey(countSql(input, sqlite)));
}

/**
 * The total a page is read with. A first page by best match does not need the exact total, only
 * whether the search finds more than RANK_UP_TO (which is above BM25_UP_TO, the size that decides
 * how the lower tier is ranked), and counting every film a common prefix finds ("ligh" finds
 * 98,253 of 100,000) can cost several times the page: then the page comes back with `exact` false
 * and films:count answers the rest.
 */
function pageTotal(
  sqlite: Sqlite,
  query: ResolvedListQuery,
  search: SearchQueries | null,
): { total: number; exact: boolean; newest?: Newest } {
  const found = { search: query.search, filter: query.filter };
  const known = knownCount(sqlite, found);
  if (known !== undefined) return { total: known, exact: true };
  if (!search || query.offset > 0 || query.descending)
    return { total: countFound(sqlite, found), exact: true };
  // The films found newest first, up to one past the bound: their number, and the lower tier's page.
  const keys = newestFound(sqlite, query, search, RANK_UP_TO + 1);
  const newest = { keys, more: keys.length > RANK_UP_TO };
  if (!newest.more) return { total: countFound(sqlite, found, keys.length), exact: true, newest };
  return { total: Infinity, exact: false, newest };
}

/**
 * One page of browse: the films matching search and filter, sorted, with the total count (or, for
 * the first page of a search by best match that finds many, a lower bound: see pageTotal).
 */
export function listFilms(sqlite: Sqlite, _db: unknown, input: ListQuery): FilmPage {
  const query = listQuerySchema.parse(input);
  learnSearch(sqlite, query.search);
  const search = query.sort === 'relevance' ? searchQueries(query.search, sqlite) : null;
  const { total, exact, newest } = pageTotal(sqlite, query, search);
  if (total === 0 || query.offset >= total)
    return { total, totalExact: true, offset: query.offset, films: [] };
  const fts = ftsQuery(query.search);
  let keys: number[];
  if (search) {
    keys = rankedPage(sqlite, query, search, total, newest);
  } else {
    const page = pageSql(query, total, sqlite);
    keys = prepared(sqlite, page.sql).pluck().all(page.params) as number[];
    if (page.reversed) keys.reverse();
  }
  const { summaries, originalTitles } = summarise(sqlite, keys);
  if (fts !== null) addMatches(sqlite, query.search, summaries, originalTitles);
  return {
    total: exact ? total : Math.max(RANK_UP_TO + 1, query.offset + keys.length),
    totalExact: exact,
    offset: query.offset,
    films: keys.flatMap((key) => summaries.get(key) ?? []),
  };
}

/**
 * The keys of every film a search and filter match, unsorted and unpaged (export uses them).
 * The middle argument is unused; it is kept so existing callers need not change.
 */
export function matchingKeys(sqlite: Sqlite, _db: unknown, input: ListQuery): number[] {
  const query = listQuerySchema.parse(input);
  learnSearch(sqlite, query.search);
  const source = fromWhere(conditionsOf(ftsQuery(query.search, sqlite), query.filter), true);
  return prepared(sqlite, `SELECT f.key FROM ${source.sql}`).pluck().all(source.params) as number[];
}

/**
 * The ids of every film a search and filter match, in browse's order, unpaged: what "select all"
 * hands to print, bulk edit and the trash.
 */
export function matchingIds(sqlite: Sqlite, input: ListQuery): string[] {
  const query = listQuerySchema.parse(input);
  learnSearch(sqlite, query.search);
  const total = countFound(sqlite, { search: query.search, filter: query.filter });
  const search = query.sort === 'relevance' ? searchQueries(query.search, sqlite) : null;
  if (search) {
    const keys = rankedKeys(sqlite, query, search, total, 0, total);
    if (query.descending) keys.reverse();
    const ids = new Map(
      (
        prepared(sqlite, 'SELECT key, id FROM films WHERE key IN (SELECT value FROM json_each(?))')
          .raw()
          .all(JSON.stringify(keys)) as [number, string][]
      ).map(([key, id]) => [key, id]),
    );
    return keys.flatMap((key) => ids.get(key) ?? []);
  }
  const ordered = orderedSql(query, total, false, 'f.id', sqlite);
  return prepared(sqlite, ordered.sql).pluck().all(ordered.params) as string[];
}

/**
 * Film keys as one JSON parameter (`IN (SELECT value FROM json_each(?))`): one prepared statement
 * serves a page of any length, where a `?` per key compiles a statement for each length met.
 */
const KEY_LIST = 'SELECT value FROM json_each(?)';

const SUMMARY_COLUMNS = `key, id, title, original_title, sort_title, year, runtime_minutes, user_rating,
  imdb_rating, rotten_tomatoes, seen, open_loans, next_due_on, added_at, summary_lists`;

/** Migration 0010's lists: directors, genres, and each copy's medium and place. */
type SummaryLists = [string[], string[], string[], (string | null)[]];

/**
 * Summaries of the films on one page, keyed by film key: the film rows alone (with their
 * summary_lists, migration 0010) and whether each has a poster; and each film's original title,
 * which addMatches needs to rebuild the search index's title value.
 */
function summarise(
  sqlite: Sqlite,
  keys: readonly number[],
): { summaries: Map<number, FilmSummary>; originalTitles: Map<number, string | null> } {
  const summaries = new Map<number, FilmSummary>();
  const originalTitles = new Map<number, string | null>();
  if (keys.length === 0) return { summaries, originalTitles };
  const list = KEY_LIST;
  const json = JSON.stringify(keys);
  const films = prepared(sqlite, `SELECT ${SUMMARY_COLUMNS} FROM films WHERE key IN (${list})`).all(
    json,
  ) as Row[];
  const posters = new Set(
    prepared(sqlite, `SELECT film_key FROM film_posters WHERE film_key IN (${list})`)
      .pluck()
      .all(json) as number[],
  );
  const now = today();
  for (const film of films) {
    const key = film.key as number;
    const [directors, genres, media, locations] = JSON.parse(film.summary_lists as string) as SummaryLists;
    const dueOn = film.next_due_on as string | null;
    originalTitles.set(key, film.original_title as string | null);
    summaries.set(key, {
      id: film.id as string,
      title: film.title as string,
      sortTitle: film.sort_title as string,
      year: film.year as number | null,
      runtimeMinutes: film.runtime_minutes as number | null,
      directors,
      genres,
      userRating: film.user_rating as number | null,
      imdbRating: film.imdb_rating as number | null,
      rottenTomatoes: film.rotten_tomatoes as number | null,
      seen: film.seen === 1,
      onLoan: (film.open_loans as number) > 0,
      overdue: dueOn !== null && dueOn < now,
      media: [...new Set(media)],
      locations: [...new Set(locations.filter((location): location is string => !!location))],
      hasPoster: posters.has(key),
      addedAt: film.added_at as string,
      match: null,
    });
  }
  return { summaries, originalTitles };
}
