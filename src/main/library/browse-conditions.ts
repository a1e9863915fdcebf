import type { FilmFilter } from '../../shared/browse';

/**
 * How browse's search and filters become SQL over `films f`. Each filter on a child table (a
 * genre, a tag, a director, a medium) and the search are a set of film keys; the rest are
 * conditions on the film row. Counting drives from the smallest-looking set (a director's films,
 * say) and looks each film up by key, instead of reading the whole library to test each film.
 */

/** A piece of SQL and the values of its `?` placeholders, in order. */
export type Clause = { sql: string; params: unknown[] };

/** A set of film keys: `SELECT ... AS key`. */
export type KeySet = Clause;

export type Conditions = {
  /** Key sets, the most selective-looking first. */
  sets: KeySet[];
  /** Conditions on the film row (the trash always left out). */
  rows: Clause[];
};

/** The filters a list's counts may leave out (its own), so its other values stay choosable. */
export type FilterPart = 'years' | 'medium' | 'seen' | 'rating' | 'loan';

export const clause = (sql: string, ...params: unknown[]): Clause => ({ sql, params });

/** Today as the collector's calendar says (loans are due on local dates). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The kind is written into the SQL: the index of terms by value holds genres and tags only (0008). */
const termKeys = (kind: 'genre' | 'tag', value: string) =>
  clause(`SELECT DISTINCT film_key AS key FROM film_terms WHERE kind = '${kind}' AND value = ?`, value);

const creditKeys = (name: string, role: string | null) =>
  clause(
    `SELECT DISTINCT film_key AS key FROM film_credits
      WHERE person_key = (SELECT key FROM people WHERE name = ?)${role ? ' AND role = ?' : ''}`,
    ...(role ? [name, role] : [name]),
  );

/** The search as a key set; `fts` is an FTS5 query (see ftsQuery). */
export const searchKeys = (fts: string) =>
  clause('SELECT rowid AS key FROM films_fts WHERE films_fts MATCH ?', fts);

function keySets(fts: string | null, filter: FilmFilter, leaveOut?: FilterPart): KeySet[] {
  // A person's films are few, a tag's usually fewer than a genre's, a medium's many.
  return [
    ...(filter.director ? [creditKeys(filter.director, 'director')] : []),
    ...(filter.person ? [creditKeys(filter.person, null)] : []),
    ...filter.tags.map((tag) => termKeys('tag', tag)),
    ...(fts === null ? [] : [searchKeys(fts)]),
    ...filter.genres.map((genre) => termKeys('genre', genre)),
    ...(filter.medium && leaveOut !== 'medium'
      ? [clause('SELECT DISTINCT film_key AS key FROM film_copies WHERE medium = ?', filter.medium)]
      : []),
  ];
}

function rowConditions(filter: FilmFilter, leaveOut?: FilterPart): Clause[] {
  const rows: Clause[] = [clause('f.deleted_at IS NULL')];
  if (leaveOut !== 'years') {
    if (filter.yearFrom !== null) rows.push(clause('f.year >= ?', filter.yearFrom));
    if (filter.yearTo !== null) rows.push(clause('f.year <= ?', filter.yearTo));
  }
  if (filter.seen !== null && leaveOut !== 'seen') rows.push(clause('f.seen = ?', filter.seen ? 1 : 0));
  if (leaveOut !== 'rating') {
    if (filter.ratingFrom !== null) rows.push(clause('f.user_rating >= ?', filter.ratingFrom));
    if (filter.ratingTo !== null) rows.push(clause('f.user_rating <= ?', filter.ratingTo));
  }
  if (filter.loan && leaveOut !== 'loan') {
    rows.push(clause('f.open_loans > 0'));
    if (filter.loan === 'overdue') rows.push(clause('f.next_due_on < ?', today()));
  }
  return rows;
}

/** The conditions of a search (an FTS5 query or null) and filter, one filter left out if asked. */
export function conditionsOf(fts: string | null, filter: FilmFilter, leaveOut?: FilterPart): Conditions {
  return { sets: keySets(fts, filter, leaveOut), rows: rowConditions(filter, leaveOut) };
}

export function joined(parts: readonly Clause[], separator = ' AND '): Clause {
  return { sql: parts.map((part) => part.sql).join(separator), params: parts.flatMap((part) => part.params) };
}

/** WHERE over `films f` with every key set a membership test (suits a walk along an index). */
export function membershipWhere(conditions: Conditions): Clause {
  const tests = conditions.sets.map((set) => ({ sql: `f.key IN (${set.sql})`, params: set.params }));
  return joined([...conditions.rows, ...tests]);
}

/**
 * FROM and WHERE over `films f`. Driven: the first key set leads (CROSS JOIN keeps SQLite from
 * reordering) and each film is found by its key; otherwise every key set is a membership test.
 */
export function fromWhere(conditions: Conditions, driven: boolean): Clause {
  const [driver, ...others] = conditions.sets;
  if (!driven || !driver) {
    const where = membershipWhere(conditions);
    return { sql: `films f WHERE ${where.sql}`, params: where.params };
  }
  const where = membershipWhere({ ...conditions, sets: others });
  return {
    sql: `(${driver.sql}) d CROSS JOIN films f ON f.key = d.key WHERE ${where.sql}`,
    params: [...driver.params, ...where.params],
  };
}

/** The keys of the films in the trash: few, and a small index of them answers (migration 0003). */
export const TRASHED_KEYS = 'SELECT key FROM films WHERE deleted_at IS NOT NULL';

/**
 * The keys found when one key set alone narrows (a search, say, and no condition on the film row
 * but the trash): the set answers, the trash left out through its small index, without reading
 * each film's row. Null otherwise: with more sets, SQLite would push each membership test down
 * into the driving set and build its list twice, so those go through the film rows.
 */
export function oneSetFound(conditions: Conditions): Clause | null {
  const [driver, ...others] = conditions.sets;
  if (!driver || others.length > 0 || conditions.rows.length !== 1) return null;
  return {
    sql: `SELECT d.key FROM (${driver.sql}) d WHERE d.key NOT IN (${TRASHED_KEYS})`,
    params: driver.params,
  };
}

/** True when nothing narrows the library: every film not in the trash. */
export function isEverything(conditions: Conditions): boolean {
  return conditions.sets.length === 0 && conditions.rows.length === 1;
}
