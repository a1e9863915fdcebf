import type Database from 'better-sqlite3';
import { MATCH_END, MATCH_START, type FilmSummary, type ResolvedListQuery } from '../../shared/browse';
import { remembered } from './browse-cache';
import { conditionsOf, joined, membershipWhere, TRASHED_KEYS, type Clause } from './browse-conditions';
import { prepared } from './film-rows';
import { learnChars, matchingForm, phrasePattern, phrasesOf, snippet } from './search-marks';
import {
  ftsQueries,
  ftsTitleQuery,
  SEARCH_COLUMNS,
  searchWords,
  TITLE_COLUMN,
  titleText,
} from './search-text';

/**
 * Browse's "best match" order, and where each film of a page matched. Written so a page costs
 * about the same at 1,000 films and at 100,000, however many films a search finds:
 *
 * 1. Films whose title holds every word typed come first: whole words before prefixes, then by
 *    bm25 of the title (a short title that is nearly only the words typed first), then by title.
 *    These come from a title-only full-text query, so no film found elsewhere is scored for them.
 * 2. The other films found follow: ranked by bm25 over every field (a name outranks the story)
 *    when the search finds few enough for that to be quick (BM25_UP_TO); otherwise most recently added first,
 *    an order the full-text index gives as it reads, so a page stops reading after a page's worth
 *    instead of scoring tens of thousands of films.
 *
 * Descending relevance is the same order turned around. Every order ends on the key, so pages
 * never overlap.
 */

type Sqlite = Database.Database;

/** Column weights: a title match outranks a name, which outranks the story. */
const RANK = 'bm25(films_fts, 10.0, 4.0, 3.0, 2.0, 1.0, 1.0, 1.0, 3.0, 1.0)';

/**
 * Up to this many films whose title holds the words are ranked by bm25 of the title; more (a
 * letter or two typed) are listed newest first.
 */
export const TITLE_RANK_UP_TO = 500;
/**
 * Up to this many films found, a page comes with its exact count (counting them is as quick as the
 * page); beyond, the first page of the best-match order comes first and films:count after it.
 */
export const RANK_UP_TO = 500;
/**
 * Up to this many films found, the films below the title tier are ranked by bm25 over every field;
 * beyond, newest first. bm25 over the search index as it is now (fields, not positions: migration
 * 0007) costs about 25–30 µs a film found (ten times what it cost over positions), so this stays
 * at about 3 ms; 400 films found took 10–12 ms, the whole of a search's budget at 1,000 films.
 */
export const BM25_UP_TO = 100;

const keysJson = (keys: readonly number[]) => JSON.stringify(keys);

/**
 * The films found among which a tier's films are, as FTS5 queries: `fts` with typed words written
 * as the index's terms where that is quicker, `ranked` the same films in the form whose bm25 scores
 * are the prefix's (see ftsQueries).
 */
export type SearchQueries = { fts: string; ranked: string; titlePrefix: string; titleExact: string };

/** `sqlite`: the library, to write typed words as its terms (ftsQueries; without it, every word stays a prefix). */
export function searchQueries(search: string, sqlite?: Sqlite): SearchQueries | null {
  const queries = ftsQueries(search, sqlite);
  const titlePrefix = ftsTitleQuery(search, false);
  const titleExact = ftsTitleQuery(search, true);
  return queries && titlePrefix && titleExact ? { ...queries, titlePrefix, titleExact } : null;
}

const filterWhere = (query: ResolvedListQuery): Clause => membershipWhere(conditionsOf(null, query.filter));

/** The full-text indexes a tier reads: every field, or titles alone (migration 0006). */
type SearchIndex = 'films_fts' | 'films_title_fts';

/** Every film whose title holds the words (as prefixes, or whole): what the other tier leaves out. */
const TITLE_KEYS = 'SELECT rowid FROM films_title_fts WHERE films_title_fts MATCH ?';

/** At most one more title match than a small title tier holds: how a large tier is found out without scoring it. */
const TITLE_MATCHES = `${TITLE_KEYS} LIMIT ${TITLE_RANK_UP_TO + 1}`;

/** A small title tier (at most TITLE_RANK_UP_TO films), best first, filtered (exported for the query-plan tests). */
export function titleTierSql(query: ResolvedListQuery, search: SearchQueries): Clause {
  const where = filterWhere(query);
  return {
    sql: `WITH t AS MATERIALIZED (
        SELECT rowid AS key, bm25(films_title_fts) AS score FROM films_title_fts WHERE films_title_fts MATCH ?)
      SELECT f.key AS key FROM t CROSS JOIN films f ON f.key = t.key WHERE ${where.sql}
      ORDER BY (t.key IN (${TITLE_KEYS})) DESC, t.score, f.sort_title, f.year, f.key`,
    params: [search.titlePrefix, ...where.params, search.titleExact],
  };
}

/**
 * Films found by `match` in `index`, filtered, newest first (`reversed`: oldest first), leaving out
 * `except`: the index's own order read backwards, so nothing is sorted and LIMIT stops the
 * reading. Exported for the query-plan tests.
 */
export function newestSql(
  query: ResolvedListQuery,
  match: string,
  except: Clause | null,
  reversed: boolean | 'count',
  index: SearchIndex = 'films_fts',
): Clause {
  const { join, where } = filteredAsRead(query, index);
  const from = `FROM ${index}${join}
      WHERE ${index} MATCH ? AND ${where.sql}${except ? ` AND ${index}.rowid NOT IN (${except.sql})` : ''}`;
  return {
    sql:
      reversed === 'count'
        ? `SELECT count(*) ${from}`
        : `SELECT ${index}.rowid AS key ${from} ORDER BY ${index}.rowid ${reversed ? 'ASC' : 'DESC'} LIMIT ? OFFSET ?`,
    params: [match, ...where.params, ...(except?.params ?? [])],
  };
}

/**
 * The filter as tests of a film key alone, when it has nothing on the film row but the trash: then
 * a tier reads no film rows (a full-profile film row is a few hundred bytes to kilobytes, four to a
 * page: reading 500 of them to learn that none is in the trash cost more than the search). Null
 * when the filter tests the film row (years, seen, rating, loans). The key is written `+key`, so
 * the tests only test: left bare, SQLite hands a filter's key set to FTS5 to drive the search film
 * by film, and FTS5 then merges the typed words' entries again for each film and the page is
 * sorted (a genre of thousands at 10,000 full films: 450-570 ms a first page; 8-23 ms led by the
 * words).
 */
function keyWhere(query: ResolvedListQuery, key: string): Clause | null {
  const conditions = conditionsOf(null, query.filter);
  if (conditions.rows.length !== 1) return null;
  const tests = [
    { sql: `+${key} NOT IN (${TRASHED_KEYS})`, params: [] },
    ...conditions.sets.map((set) => ({ sql: `+${key} IN (${set.sql})`, params: set.params })),
  ];
  return joined(tests);
}

/**
 * The filter tested on `index`'s rows as they are read: on their keys alone when it can be
 * (keyWhere), else on the film rows joined to them (`join`, the films as `f`).
 */
function filteredAsRead(query: ResolvedListQuery, index: SearchIndex): { join: string; where: Clause } {
  const keys = keyWhere(query, `${index}.rowid`);
  if (keys) return { join: '', where: keys };
  return { join: ` CROSS JOIN films f ON f.key = ${index}.rowid`, where: filterWhere(query) };
}

/**
 * Films found, filtered, leaving out `except`, by bm25 over every field (exported for the plan
 * tests). The filter is tested as the index reads, before bm25 scores a film: scoring is the dear
 * part (tens of microseconds a film of long texts), and a search narrowed to a genre may find
 * thousands of films of which a few dozen are in it.
 */
export function bestSql(query: ResolvedListQuery, fts: string, except: Clause, reversed: boolean): Clause {
  const { join, where } = filteredAsRead(query, 'films_fts');
  const way = reversed ? 'DESC' : 'ASC';
  return {
    sql: `WITH m AS MATERIALIZED (SELECT films_fts.rowid AS key, ${RANK} AS score
        FROM films_fts${join} WHERE films_fts MATCH ? AND ${where.sql})
      SELECT f.key AS key FROM m CROSS JOIN films f ON f.key = m.key WHERE m.key NOT IN (${except.sql})
      ORDER BY m.score ${way}, f.sort_title ${way}, f.year ${way}, f.key ${way} LIMIT ? OFFSET ?`,
    params: [fts, ...where.params, ...except.params],
  };
}

/**
 * The films a search and filter find, newest first, no more than `limit`: how many there are up
 * to that bound, and, read in the order the lower tier reads its page, that page too (see
 * tiers). The index's entries are merged once for both: a word typed as a prefix makes FTS5 merge
 * every matching term's entries before the first row, which at 100,000 films costs as much as the
 * rest of the page, and reading the count and then the page merged them twice.
 */
export function newestFound(
  sqlite: Sqlite,
  query: ResolvedListQuery,
  search: SearchQueries,
  limit: number,
): number[] {
  const newest = newestSql(query, search.fts, null, false);
  return prepared(sqlite, newest.sql)
    .pluck()
    .all([...newest.params, limit, 0]) as number[];
}

/** The first films a search and filter find, newest first, and whether it found more than those. */
export type Newest = { keys: readonly number[]; more: boolean };

/** A run of the best-match order: how many films it holds, and `count` of them from `start`. */
type Tier = { size: () => number; read: (start: number, count: number) => number[] };

/** Reading from a tier's start walks this many films at most; further in, its size decides the nearer end. */
const NEAR_START = 1_000;

/** A tier read through `sql` (LIMIT ? OFFSET ?), from whichever end is nearer. */
function sqlTier(sqlite: Sqlite, size: () => number, sql: (reversed: boolean) => Clause): Tier {
  return {
    size,
    read: (start, count) => {
      // Past the middle, read from the far end with the order turned around (OFFSET walks what it
      // skips). Near the start the size is not needed, so a first page counts nothing.
      const reversed = start > NEAR_START && start > size() / 2;
      const clause = sql(reversed);
      const limit = reversed ? Math.min(count, size() - start) : count;
      const offset = reversed ? size() - start - limit : start;
      const keys = prepared(sqlite, clause.sql)
        .pluck()
        .all([...clause.params, limit, offset]) as number[];
      return reversed ? keys.reverse() : keys;
    },
  };
}

/**
 * The tiers of the best-match order of a search found `total` films (remembered per query).
 * `newest`: the first films found newest first (newestFound), when the caller has read them.
 */
function tiers(
  sqlite: Sqlite,
  query: ResolvedListQuery,
  search: SearchQueries,
  total: number,
  newest?: Newest,
): Tier[] {
  const small = titleTierSql(query, search);
  const titleKeys = remembered(sqlite, `title tier ${small.sql} ${JSON.stringify(small.params)}`, () => {
    // Whether the tier is small, from the index alone (keys only, at most one past the limit);
    // a search that found few needs no asking.
    const matches =
      total <= TITLE_RANK_UP_TO
        ? total
        : (prepared(sqlite, `SELECT count(*) FROM (${TITLE_MATCHES})`)
            .pluck()
            .get(search.titlePrefix) as number);
    if (matches > TITLE_RANK_UP_TO) return null;
    return prepared(sqlite, small.sql).pluck().all(small.params) as number[];
  });
  let title: Tier;
  let except: Clause;
  if (titleKeys) {
    title = { size: () => titleKeys.length, read: (start, count) => titleKeys.slice(start, start + count) };
    except = { sql: 'SELECT value FROM json_each(?)', params: [keysJson(titleKeys)] };
  } else {
    const count = newestSql(query, search.titlePrefix, null, 'count', 'films_title_fts');
    const size = () =>
      remembered(sqlite, `title tier ${count.sql} ${JSON.stringify(count.params)}`, () => {
        return prepared(sqlite, count.sql).pluck().get(count.params) as number;
      });
    title = sqlTier(sqlite, size, (reversed) =>
      newestSql(query, search.titlePrefix, null, reversed, 'films_title_fts'),
    );
    except = { sql: TITLE_KEYS, params: [search.titlePrefix] };
  }
  const restSize = () => total - title.size();
  const rest = sqlTier(sqlite, restSize, (reversed) =>
    total <= BM25_UP_TO
      ? bestSql(query, search.ranked, except, reversed)
      : newestSql(query, search.fts, except, reversed),
  );
  if (total <= BM25_UP_TO || !titleKeys || !newest) return [title, rest];
  // Newest first, less a small title tier: the start of the films already read newest first.
  const inTitle = new Set(titleKeys);
  return [
    title,
    {
      size: rest.size,
      read: (start, count) => {
        if (start === 0) {
          const keys: number[] = [];
          for (const key of newest.keys) {
            if (keys.length === count) break;
            if (!inTitle.has(key)) keys.push(key);
          }
          // Every film found was read, or enough of them: otherwise the index answers.
          if (keys.length === count || !newest.more) return keys;
        }
        return rest.read(start, count);
      },
    },
  ];
}

/**
 * `count` films from position `start` of the best-match order (ascending) of a search that found
 * `total`: Infinity when the total is not counted yet, only known to be above RANK_UP_TO (enough
 * for a first page, which reads each tier from its start).
 */
export function rankedKeys(
  sqlite: Sqlite,
  query: ResolvedListQuery,
  search: SearchQueries,
  total: number,
  start: number,
  count: number,
  newest?: Newest,
): number[] {
  const keys: number[] = [];
  let at = start;
  let wanted = Math.min(count, total - start);
  for (const tier of tiers(sqlite, query, search, total, newest)) {
    if (wanted <= 0) break;
    // A tier's size is needed only to skip it (a large title tier is then counted): a first page
    // reads each tier from its start until the page is full.
    if (at > 0 && at >= tier.size()) {
      at -= tier.size();
      continue;
    }
    const read = tier.read(at, wanted);
    keys.push(...read);
    wanted -= read.length;
    at = 0;
  }
  return keys;
}

/**
 * One page of the best-match order (`offset`, `limit` as the query asks, descending turning it
 * around). `newest`: the first films found newest first, if the caller read them (newestFound).
 */
export function rankedPage(
  sqlite: Sqlite,
  query: ResolvedListQuery,
  search: SearchQueries,
  total: number,
  newest?: Newest,
): number[] {
  if (!query.descending) return rankedKeys(sqlite, query, search, total, query.offset, query.limit, newest);
  const end = Math.min(total, query.offset + query.limit);
  const start = Math.max(0, total - end);
  return rankedKeys(sqlite, query, search, total, start, total - query.offset - start).reverse();
}

/** snippet()'s marks and length, as browse has always shown them. */
const MARKS = { open: MATCH_START, close: MATCH_END, ellipsis: '…', size: 10 };

/** One statement per field: the field's text of a set of films (non-empty only). */
const FIELD_TEXTS = SEARCH_COLUMNS.map(
  (_, column) =>
    `SELECT id, c${column} FROM films_fts_content WHERE id IN (SELECT value FROM json_each(?)) AND c${column} != ''`,
);

/**
 * Finds, for each film on the page, the first field (in index order) holding a word typed, and a
 * snippet of it with the words marked. Only the page's films are read, a field at a time and only
 * for films not placed yet; the words are found and marked in JavaScript (search-marks.ts) with
 * the index's own tokenizer rules, so accents fold as they do in search and the snippet is the one
 * FTS5's snippet() gives, without writing the texts into a full-text index per search.
 *
 * The title field's value is rebuilt (search-text.ts titleText) from each summary's title and
 * `originalTitles`, read with the film rows the page was summarised from, and only when a search
 * asks for matches. A film's search-index row holds every field, kilobytes for a full record, one
 * or two pages each: reading the title from it read a page a film (3.5-6 ms of a 60-film page at
 * 100,000 full films), and most searches that find many are placed by the title.
 */
export function addMatches(
  sqlite: Sqlite,
  search: string,
  summaries: Map<number, FilmSummary>,
  originalTitles: ReadonlyMap<number, string | null>,
): void {
  if (summaries.size === 0) return;
  const phrases = phrasesOf(sqlite, searchWords(search));
  if (phrases.length === 0) return;
  const pattern = phrasePattern(phrases);
  let unplaced = [...summaries.keys()];
  for (const [column, field] of SEARCH_COLUMNS.entries()) {
    if (unplaced.length === 0) break;
    const texts =
      column === TITLE_COLUMN
        ? unplaced.flatMap((key): [number, string][] => {
            const summary = summaries.get(key);
            return summary ? [[key, titleText(summary.title, originalTitles.get(key))]] : [];
          })
        : (prepared(sqlite, FIELD_TEXTS[column] as string)
            .raw()
            .all(keysJson(unplaced)) as [number, string][]);
    if (texts.length === 0) continue;
    const placed = new Set<number>();
    const unknown = new Set<number>();
    const check = texts.map(([key, text]) => [key, text, matchingForm(text, unknown)] as const);
    if (unknown.size > 0)
      learnChars(
        sqlite,
        [...unknown].map((code) => String.fromCodePoint(code)),
      );
    for (const [key, text, form] of check) {
      // The quick test rules a text out only where it is exact; the snippet decides the rest.
      if (form !== undefined && !pattern.test(form)) continue;
      const marked = snippet(text, phrases, MARKS, form);
      const summary = summaries.get(key);
      if (marked === null || !summary) continue;
      summary.match = { field, snippet: marked };
      placed.add(key);
    }
    unplaced = unplaced.filter((key) => !placed.has(key));
  }
}
