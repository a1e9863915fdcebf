import type Database from 'better-sqlite3';
import {
  listQuerySchema,
  MATCH_END,
  MATCH_START,
  searchFields,
  type FacetQuery,
  type FilmPage,
  type FilmSummary,
  type ListQuery,
  type ResolvedListQuery,
  type SearchField,
  type SortKey,
} from '../../shared/browse';
import { remembered } from './browse-cache';
import { conditionsOf, fromWhere, membershipWhere, today, type Clause } from './browse-conditions';
import { prepared, type Row } from './film-rows';
import { ftsQuery, ftsTitleQuery } from './search-text';

export { facetCounts, facetSql } from './browse-facets';

/**
 * Browse's reads: one sorted page of a search and filter, its total, and the films' summaries.
 * Written as SQL rather than through Kysely because the query plan is the feature here: every
 * condition is shaped so SQLite answers it from an index (migration 0002 adds one per sort key),
 * and tests pin the plans with EXPLAIN QUERY PLAN.
 */

type Sqlite = Database.Database;

/** Column weights for ranking within a tier: a title match outranks a name, which outranks the story. */
const RANK = 'bm25(films_fts, 10.0, 4.0, 3.0, 2.0, 1.0, 1.0, 1.0, 3.0, 1.0)';
const FIELDS = Object.keys(searchFields) as SearchField[];
const FTS_KEYS = 'SELECT rowid FROM films_fts WHERE films_fts MATCH ?';
/**
 * Up to this many films, a page is sorted from the films found (looked up by key); beyond it, a
 * walk along the sort index tests each film, which finds a page's worth quickly when matches abound.
 */
const SORT_FOUND_UP_TO = 2_000;
const RANK_UP_TO = 10_000;

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

/** The films of a search ranked: whole title words first, then title prefixes, then by bm25, then by title. */
function rankedSql(query: ResolvedListQuery, fts: string, reversed: boolean, column: string): Clause {
  const where = membershipWhere(conditionsOf(null, query.filter));
  const way = query.descending !== reversed ? 'DESC' : 'ASC';
  const rest = reversed ? 'DESC' : 'ASC';
  return {
    sql: `WITH m AS MATERIALIZED (
        SELECT rowid AS key, ${RANK} AS score, (rowid IN (${FTS_KEYS})) + (rowid IN (${FTS_KEYS})) AS tier
        FROM films_fts WHERE films_fts MATCH ?)
      SELECT ${column} FROM m CROSS JOIN films f ON f.key = m.key WHERE ${where.sql}
      ORDER BY m.tier ${way === 'ASC' ? 'DESC' : 'ASC'}, m.score ${way}, f.sort_title ${rest}, f.year ${rest}, f.key ${rest}`,
    params: [ftsTitleQuery(query.search, false), ftsTitleQuery(query.search, true), fts, ...where.params],
  };
}

/** Every film of a search and filter in browse's order, unpaged, as `column` (f.key or f.id). */
function orderedSql(query: ResolvedListQuery, total: number, reversed: boolean, column = 'f.key'): Clause {
  const fts = ftsQuery(query.search);
  // Past RANK_UP_TO matches the words typed are too few to rank by (a letter or two), and ranking
  // 100,000 films would cost more than a keystroke's time: such a search lists by title.
  if (query.sort === 'relevance' && fts !== null && total <= RANK_UP_TO) {
    return rankedSql(query, fts, reversed, column);
  }
  const sort = query.sort === 'relevance' ? 'title' : query.sort;
  const source = fromWhere(conditionsOf(fts, query.filter), total <= SORT_FOUND_UP_TO);
  return {
    sql: `SELECT ${column} FROM ${source.sql} ORDER BY ${orderBy(sort, query.descending, reversed)}`,
    params: source.params,
  };
}

/** The SQL of one page of `total` films, and whether it reads them from the far end (exported for the query-plan tests). */
export function pageSql(input: ListQuery, total: number): Clause & { reversed: boolean } {
  const query = listQuerySchema.parse(input);
  const window = pageWindow(total, query.offset, query.limit);
  const ordered = orderedSql(query, total, window.reversed);
  return {
    sql: `${ordered.sql} LIMIT ? OFFSET ?`,
    params: [...ordered.params, window.limit, window.offset],
    reversed: window.reversed,
  };
}

/** The SQL counting the films a search and filter find (exported for the query-plan tests). */
export function countSql(input: FacetQuery): Clause {
  const { search = '', filter } = input;
  const conditions = conditionsOf(ftsQuery(search), listQuerySchema.shape.filter.parse(filter));
  const [only] = conditions.sets;
  if (only && conditions.sets.length === 1 && conditions.rows.length === 1) {
    // One key set and nothing on the film row: count the set's own index, less the (few) trashed.
    return {
      sql: `SELECT count(*) FROM (${only.sql}) d WHERE d.key NOT IN (SELECT key FROM films WHERE deleted_at IS NOT NULL)`,
      params: only.params,
    };
  }
  const source = fromWhere(conditions, true);
  return { sql: `SELECT count(*) FROM ${source.sql}`, params: source.params };
}

/** How many films a search and filter find, remembered while the library is unchanged. */
export function countFound(sqlite: Sqlite, input: FacetQuery): number {
  const query = countSql(input);
  return remembered(sqlite, `count ${query.sql} ${JSON.stringify(query.params)}`, () => {
    return prepared(sqlite, query.sql).pluck().get(query.params) as number;
  });
}

/** One page of browse: the films matching search and filter, sorted, with the total count. */
export function listFilms(sqlite: Sqlite, _db: unknown, input: ListQuery): FilmPage {
  const query = listQuerySchema.parse(input);
  const total = countFound(sqlite, { search: query.search, filter: query.filter });
  if (total === 0 || query.offset >= total) return { total, offset: query.offset, films: [] };
  const page = pageSql(query, total);
  const keys = prepared(sqlite, page.sql).pluck().all(page.params) as number[];
  if (page.reversed) keys.reverse();
  const summaries = summarise(sqlite, keys);
  const fts = ftsQuery(query.search);
  if (fts !== null) addMatches(sqlite, fts, summaries);
  return { total, offset: query.offset, films: keys.flatMap((key) => summaries.get(key) ?? []) };
}

/**
 * The keys of every film a search and filter match, unsorted and unpaged (export uses them).
 * The middle argument is unused; it is kept so existing callers need not change.
 */
export function matchingKeys(sqlite: Sqlite, _db: unknown, input: ListQuery): number[] {
  const query = listQuerySchema.parse(input);
  const source = fromWhere(conditionsOf(ftsQuery(query.search), query.filter), true);
  return prepared(sqlite, `SELECT f.key FROM ${source.sql}`).pluck().all(source.params) as number[];
}

/**
 * The ids of every film a search and filter match, in browse's order, unpaged: what "select all"
 * hands to print, bulk edit and the trash.
 */
export function matchingIds(sqlite: Sqlite, input: ListQuery): string[] {
  const query = listQuerySchema.parse(input);
  const total = countFound(sqlite, { search: query.search, filter: query.filter });
  const ordered = orderedSql(query, total, false, 'f.id');
  return prepared(sqlite, ordered.sql).pluck().all(ordered.params) as string[];
}

function placeholders(keys: readonly number[]): string {
  return keys.map(() => '?').join(', ');
}

function rowsByFilm(rows: Row[]): Map<number, Row[]> {
  const map = new Map<number, Row[]>();
  for (const row of rows) {
    const key = row.film_key as number;
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

const SUMMARY_COLUMNS = `key, id, title, sort_title, year, runtime_minutes, user_rating, imdb_rating,
  rotten_tomatoes, seen, open_loans, next_due_on, added_at`;

/** Summaries of the films on one page, keyed by film key. */
function summarise(sqlite: Sqlite, keys: readonly number[]): Map<number, FilmSummary> {
  const summaries = new Map<number, FilmSummary>();
  if (keys.length === 0) return summaries;
  const list = placeholders(keys);
  const select = (sqlText: string) => rowsByFilm(prepared(sqlite, sqlText).all(keys) as Row[]);
  const films = prepared(sqlite, `SELECT ${SUMMARY_COLUMNS} FROM films WHERE key IN (${list})`).all(
    keys,
  ) as Row[];
  const directors = select(
    `SELECT c.film_key, p.name FROM film_credits c JOIN people p ON p.key = c.person_key
     WHERE c.film_key IN (${list}) AND c.role = 'director' ORDER BY c.film_key, c.position`,
  );
  const genres = select(
    `SELECT film_key, value FROM film_terms WHERE film_key IN (${list}) AND kind = 'genre' ORDER BY film_key, position`,
  );
  const copies = select(
    `SELECT film_key, medium, location FROM film_copies WHERE film_key IN (${list}) ORDER BY film_key, position`,
  );
  const posters = select(`SELECT film_key FROM film_posters WHERE film_key IN (${list})`);
  const now = today();
  for (const film of films) {
    const key = film.key as number;
    const filmCopies = copies.get(key) ?? [];
    const dueOn = film.next_due_on as string | null;
    summaries.set(key, {
      id: film.id as string,
      title: film.title as string,
      sortTitle: film.sort_title as string,
      year: film.year as number | null,
      runtimeMinutes: film.runtime_minutes as number | null,
      directors: (directors.get(key) ?? []).map((r) => r.name as string),
      genres: (genres.get(key) ?? []).map((r) => r.value as string),
      userRating: film.user_rating as number | null,
      imdbRating: film.imdb_rating as number | null,
      rottenTomatoes: film.rotten_tomatoes as number | null,
      seen: film.seen === 1,
      onLoan: (film.open_loans as number) > 0,
      overdue: dueOn !== null && dueOn < now,
      media: [...new Set(filmCopies.map((c) => c.medium as string))],
      locations: [
        ...new Set(filmCopies.map((c) => c.location as string | null).filter((l): l is string => !!l)),
      ],
      hasPoster: posters.has(key),
      addedAt: film.added_at as string,
      match: null,
    });
  }
  return summaries;
}

/** Finds, for each film on the page, the first field the search matched and a snippet of it. */
function addMatches(sqlite: Sqlite, search: string, summaries: Map<number, FilmSummary>): void {
  const keys = [...summaries.keys()];
  if (keys.length === 0) return;
  const snippets = FIELDS.map(
    (_, i) => `snippet(films_fts, ${i}, '${MATCH_START}', '${MATCH_END}', '…', 10) AS s${i}`,
  );
  const rows = prepared(
    sqlite,
    `SELECT rowid, ${snippets.join(', ')} FROM films_fts WHERE films_fts MATCH ? AND rowid IN (${placeholders(keys)})`,
  ).all([search, ...keys]) as Row[];
  for (const row of rows) {
    const index = FIELDS.findIndex((_, i) => String(row[`s${i}`] ?? '').includes(MATCH_START));
    const summary = summaries.get(row.rowid as number);
    if (summary && index >= 0) {
      summary.match = { field: FIELDS[index]!, snippet: String(row[`s${index}`]) };
    }
  }
}
