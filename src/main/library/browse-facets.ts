import type Database from 'better-sqlite3';
import { facetQuerySchema, type FacetCount, type FacetQuery, type Facets } from '../../shared/browse';
import { noteOwnChanges, remembered } from './browse-cache';
import {
  conditionsOf,
  fromWhere,
  isEverything,
  joined,
  oneSetFound,
  today,
  TRASHED_KEYS,
  type Clause,
  type Conditions,
  type FilterPart,
} from './browse-conditions';
import { prepared } from './film-rows';
import { countFilms } from './films';
import { ftsQuery, learnSearch } from './search-text';

/**
 * Counts for browse's filter lists over the films the search and filter find. The films found are
 * gathered once into a temp table of keys; each list then either walks its own index testing each
 * entry against them (many films found) or looks up each found film's entries by key (few found).
 * With nothing narrowing the library, the lists walk their indexes leaving out the (small) trash.
 */

type Sqlite = Database.Database;

/**
 * Up to how many films found each list looks their entries up by key; beyond, it walks its own
 * covering index testing each entry against them. Directors and the film-row lists look up rows
 * no index covers (a credit's person, a film's year and rating), so for directors the walk (200k
 * entries at 100k films) pays off sooner, and for the film rows (three walks) later; measured at
 * 100k films. Tests pass other limits to check every way on a small library.
 *
 * `leftOut`: when the films found are too many to look up, but those left out number at most this,
 * each list is counted over the whole library less the films left out (Base's all-but); directors
 * too while the films left out have at most `directorsLeftOut` of them (wholeDirectorsSql).
 * Measured at 100k full films, after a first count of the whole library, lists without directors:
 * leaving out 19–2,973 films, 129–176 ms instead of 249–261; 5,635, 182 instead of 249; 14,251, 312
 * instead of 247; 20,310, 340–351 instead of 236 (looking that many up costs more than the walks).
 * Directors too: those leaving out 6–2,973 films 47–163 ms (the slowest, "li", gathering the keys
 * its 99,981 films are found by); with at most 2,000 directors subtracted, searches leaving out
 * 1,800–3,000 films took 15–50 ms longer than walking (asking for the directors left out, then
 * walking after all); with 10,000 (the whole library's list then 10,069 rows) they are quicker.
 */
export type LookUpLimits = {
  lists: number;
  directors: number;
  films: number;
  leftOut: number;
  /** At most this many directors of the films left out are subtracted; with more, directors walk. */
  directorsLeftOut: number;
};
const LOOK_UP_UP_TO: LookUpLimits = {
  lists: 15_000,
  directors: 4_000,
  films: 20_000,
  leftOut: 10_000,
  directorsLeftOut: 10_000,
};

type Found = { kind: 'found'; table: string; size: number; limits: LookUpLimits };
/**
 * The films a list counts over. `all-but`: found, but so nearly the whole library that the films
 * left out (in `leftOut`) are few: a list is counted over the whole library (remembered while the
 * library is unchanged) less its count over the films left out, looked up by key. A search by a
 * short prefix ("fr", "wh") finds over 95 % of a library.
 */
type Base = { kind: 'everything' } | Found | { kind: 'all-but'; found: Found; leftOut: Found };

/** Gathers each distinct set of films found into its own temp table, once per count. */
function baseMaker(sqlite: Sqlite, limits: LookUpLimits, byYear: boolean) {
  const made = new Map<string, Base>();
  return (conditions: Conditions): Base => {
    if (isEverything(conditions)) return { kind: 'everything' };
    const source = fromWhere(conditions, true);
    const key = `${source.sql} ${JSON.stringify(source.params)}`;
    const known = made.get(key);
    if (known) return known;
    const table = `browse_found_${made.size}`;
    const found = oneSetFound(conditions) ??
      (byYear ? yearWalk(conditions) : null) ?? {
        sql: `SELECT f.key FROM ${source.sql}`,
        params: source.params,
      };
    sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (key INTEGER PRIMARY KEY)`);
    const cleared = prepared(sqlite, `DELETE FROM temp.${table}`).run().changes;
    const size = prepared(sqlite, `INSERT OR IGNORE INTO temp.${table} ${found.sql}`).run(
      found.params,
    ).changes;
    noteOwnChanges(sqlite, cleared + size);
    const foundHere: Found = { kind: 'found', table, size, limits };
    const base = allBut(sqlite, foundHere) ?? foundHere;
    made.set(key, base);
    return base;
  };
}

/** Films not in the trash; remembered while the library is unchanged. */
const filmsKept = (sqlite: Sqlite) => remembered(sqlite, 'facets films kept', () => countFilms(sqlite));

/**
 * The films left out of `found`, gathered into a table of their own, when they are few enough to
 * look up by key and the films found too many to (see Base); null otherwise.
 */
function allBut(sqlite: Sqlite, found: Found): Base | null {
  const { limits } = found;
  if (found.size <= Math.min(limits.lists, limits.films)) return null;
  const leftOutSize = filmsKept(sqlite) - found.size;
  if (leftOutSize > limits.leftOut) return null;
  const table = `${found.table}_left_out`;
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (key INTEGER PRIMARY KEY)`);
  const cleared = prepared(sqlite, `DELETE FROM temp.${table}`).run().changes;
  const size = prepared(
    sqlite,
    `INSERT INTO temp.${table} SELECT f.key FROM films f
      WHERE f.deleted_at IS NULL AND +f.key NOT IN (SELECT key FROM temp.${found.table})`,
  ).run().changes;
  noteOwnChanges(sqlite, cleared + size);
  // Every limit at its largest: the films left out are always looked up by key.
  const byKey = { ...limits, lists: Infinity, directors: Infinity, films: Infinity, leftOut: 0 };
  return { kind: 'all-but', found, leftOut: { kind: 'found', table, size, limits: byKey } };
}

/**
 * The keys found when a decade narrows films of a genre or medium (large sets): walking the
 * decade along the year index, testing each film against the sets, beats looking up each of the
 * genre's films to read its year. (A search or a person may find few films: those lead instead.)
 */
function yearWalk(conditions: Conditions): Clause | null {
  if (!conditions.rows.some((row) => row.sql.startsWith('f.year'))) return null;
  const tests = conditions.sets.map((set) => ({ sql: `+f.key IN (${set.sql})`, params: set.params }));
  const where = joined([...conditions.rows, ...tests]);
  return { sql: `SELECT f.key FROM films f WHERE ${where.sql}`, params: where.params };
}

/** FROM and a condition over a child table `alias` with a `film_key`, limited to the base's films. */
function childOf(
  base: Exclude<Base, { kind: 'all-but' }>,
  table: string,
  alias: string,
  limit: keyof LookUpLimits = 'lists',
): { from: string; where: string } {
  if (base.kind === 'everything')
    return { from: `${table} ${alias}`, where: `${alias}.film_key NOT IN (${TRASHED_KEYS})` };
  if (base.size <= base.limits[limit]) {
    return {
      from: `temp.${base.table} k CROSS JOIN ${table} ${alias} ON ${alias}.film_key = k.key`,
      where: '1',
    };
  }
  // The unary + keeps SQLite walking the list's own (covering) index, testing each entry against
  // the films found, instead of probing the table by film key and reading each row.
  return { from: `${table} ${alias}`, where: `+${alias}.film_key IN (SELECT key FROM temp.${base.table})` };
}

/** FROM and a condition over `films f`, limited to the base's films. */
function filmsOf(base: Exclude<Base, { kind: 'all-but' }>): { from: string; where: string } {
  if (base.kind === 'everything') return { from: 'films f', where: 'f.deleted_at IS NULL' };
  if (base.size <= base.limits.films)
    return { from: `temp.${base.table} k CROSS JOIN films f ON f.key = k.key`, where: '1' };
  return {
    from: 'films f',
    where: `f.deleted_at IS NULL AND +f.key IN (SELECT key FROM temp.${base.table})`,
  };
}

/** The kind is written into the SQL: the index of terms by value holds genres and tags only (0008). */
function termsSql(base: Exclude<Base, { kind: 'all-but' }>, kind: 'genre' | 'tag'): Clause {
  const { from, where } = childOf(base, 'film_terms', 't');
  return {
    sql: `SELECT t.value AS value, count(*) AS count FROM ${from} WHERE t.kind = '${kind}' AND ${where}
      GROUP BY t.value ORDER BY count DESC, t.value`,
    params: [],
  };
}

function mediaSql(base: Exclude<Base, { kind: 'all-but' }>): Clause {
  const { from, where } = childOf(base, 'film_copies', 'c');
  return {
    sql: `SELECT c.medium AS value, count(DISTINCT c.film_key) AS count FROM ${from} WHERE ${where}
      GROUP BY c.medium ORDER BY count DESC, c.medium`,
    params: [],
  };
}

function directorsSql(base: Exclude<Base, { kind: 'all-but' }>): Clause {
  const { from, where } = childOf(base, 'film_credits', 'c', 'directors');
  // Looking films up by key, the role must not steer SQLite to the role index (a walk per film).
  const role = from.startsWith('temp.') ? '+c.role' : 'c.role';
  // The 40 kept are the first by count and then name, so ties at the cut do not depend on the plan;
  // only directors with at least the 40th count have their name looked up.
  return {
    sql: `WITH d AS MATERIALIZED (
        SELECT c.person_key AS person_key, count(*) AS count FROM ${from} WHERE ${role} = 'director' AND ${where}
        GROUP BY c.person_key
      )
      SELECT p.name AS value, d.count AS count FROM d JOIN people p ON p.key = d.person_key
      WHERE d.count >= coalesce((SELECT count FROM d ORDER BY count DESC LIMIT 1 OFFSET 39), 0)
      ORDER BY d.count DESC, p.name LIMIT 40`,
    params: [],
  };
}

/**
 * Over the whole library, every director who could still be among the top 40 once the counts of
 * at most `leftOut` directors are lowered: all with at least the count of the (40 + leftOut)th.
 * At least 40 of them keep their counts, and every director below them counts fewer than those
 * 40 did, so no one below can reach the 40th. The same for every search, it is remembered while
 * the library is unchanged.
 */
function wholeDirectorsSql(leftOut: number): Clause {
  const { from, where } = childOf({ kind: 'everything' }, 'film_credits', 'c', 'directors');
  return {
    sql: `WITH d AS MATERIALIZED (
        SELECT c.person_key AS person_key, count(*) AS count FROM ${from} WHERE c.role = 'director' AND ${where}
        GROUP BY c.person_key
      )
      SELECT p.name AS value, d.count AS count FROM d JOIN people p ON p.key = d.person_key
      WHERE d.count >= coalesce(
        (SELECT count FROM d ORDER BY count DESC LIMIT 1 OFFSET ${39 + leftOut}), 0)`,
    params: [],
  };
}

/** The directors of the films left out, with their counts there (one more row than subtracted, at most). */
function leftOutDirectorsSql(leftOut: Found): Clause {
  const { from, where } = childOf(leftOut, 'film_credits', 'c', 'directors');
  return {
    sql: `SELECT p.name AS value, count(*) AS count FROM ${from} JOIN people p ON p.key = c.person_key
      WHERE +c.role = 'director' AND ${where} GROUP BY c.person_key LIMIT ${leftOut.limits.directorsLeftOut + 1}`,
    params: [],
  };
}

/** The lists counted on the film row itself. */
type FilmsPart = 'years' | 'ratings' | 'seen' | 'loans';
const FILMS_PARTS: { part: FilmsPart; leaveOut: FilterPart }[] = [
  { part: 'years', leaveOut: 'years' },
  { part: 'ratings', leaveOut: 'rating' },
  { part: 'seen', leaveOut: 'seen' },
  { part: 'loans', leaveOut: 'loan' },
];

/** What each films-row list groups by; the others read NULL in its rows. */
const FILMS_GROUPS: Record<FilmsPart, string> = {
  years: 'f.year',
  ratings: 'f.user_rating',
  seen: 'f.seen',
  loans: 'f.open_loans > 0, f.open_loans > 0 AND f.next_due_on < ?',
};

/** True when a base's film-row lists each walk their own covering index (one query per list). */
const walksFilms = (base: Base): boolean => base.kind !== 'found' || base.size > base.limits.films;

/**
 * Film-row counts for the lists that share one base. Over the whole library, or most of it, each
 * list walks its own covering index (testing each entry against the films found); over fewer
 * films found, one pass looks each of them up once and counts every list at once.
 */
function filmsSql(base: Exclude<Base, { kind: 'all-but' }>, parts: readonly FilmsPart[]): Clause {
  const due = today();
  const column = (part: FilmsPart, sql: string) => (parts.includes(part) ? sql : 'NULL');
  const select = `SELECT ${column('years', 'f.year')} AS year, ${column('ratings', 'f.user_rating')} AS rating,
    ${column('seen', 'f.seen')} AS seen, ${column('loans', 'f.open_loans > 0')} AS onLoan,
    ${column('loans', 'f.open_loans > 0 AND f.next_due_on < ?')} AS overdue, count(*) AS count`;
  const groups = parts.map((part) => FILMS_GROUPS[part]).join(', ');
  const params = parts.includes('loans') ? [due, due] : [];
  const { from, where } = filmsOf(base);
  if (!walksFilms(base)) return { sql: `${select} FROM ${from} GROUP BY ${groups}`, params };
  // Counting loans alone, only films on loan matter: the small index of them answers.
  const onLoan = parts.length === 1 && parts[0] === 'loans' ? ' AND f.open_loans > 0' : '';
  return { sql: `${select} FROM ${from} WHERE ${where}${onLoan} GROUP BY ${groups}`, params };
}

/** One films-row query per distinct base, keyed `films:` and the lists it counts. */
function filmsQueries(over: (leaveOut?: FilterPart) => Base): Record<string, Clause> {
  const byBase = new Map<Base, FilmsPart[]>();
  for (const { part, leaveOut } of FILMS_PARTS) {
    const base = over(leaveOut);
    // Walking indexes, each list has its own covering index: one query each.
    const key = walksFilms(base) ? ({ ...base } as Base) : base;
    byBase.set(key, [...(byBase.get(key) ?? []), part]);
  }
  return Object.assign(
    {},
    ...[...byBase].map(([base, parts]) =>
      counted(`films:${parts.join('+')}`, base, (over) => filmsSql(over, parts)),
    ),
  ) as Record<string, Clause>;
}

/** What marks the query of a list's count over the films left out (see Base), to be subtracted. */
const LEFT_OUT = ' left out';
/** The directors who could be in the top 40 after subtracting (wholeDirectorsSql). */
const WHOLE_DIRECTORS = 'directors over the whole library';

/**
 * A list's query over a base, named `name`; over an all-but base, that is the query over the whole
 * library, and `name` LEFT_OUT the same list over the films left out.
 */
function counted(
  name: string,
  base: Base,
  sql: (over: Exclude<Base, { kind: 'all-but' }>) => Clause,
): Record<string, Clause> {
  if (base.kind !== 'all-but') return { [name]: sql(base) };
  return { [name]: sql({ kind: 'everything' }), [`${name}${LEFT_OUT}`]: sql(base.leftOut) };
}

/**
 * The SQL of each list's counts, after gathering the films found into temp tables (exported for
 * the query-plan tests). A list whose own filter allows one value counts without that filter.
 */
export function facetSql(
  sqlite: Sqlite,
  input: FacetQuery,
  limits: LookUpLimits = LOOK_UP_UP_TO,
): Record<string, Clause> {
  const query = facetQuerySchema.parse(input);
  const fts = ftsQuery(query.search, sqlite);
  // Only genres and media narrow alongside the years: the decade is then the smaller side.
  const { filter } = query;
  const byYear = fts === null && !filter.director && !filter.person && filter.tags.length === 0;
  const baseOf = baseMaker(sqlite, limits, byYear);
  const over = (leaveOut?: FilterPart) => baseOf(conditionsOf(fts, query.filter, leaveOut));
  const found = over();
  // The films found as they are: the total, and the directors when too many are left out.
  const foundItself = found.kind === 'all-but' ? found.found : found;
  const total =
    foundItself.kind === 'everything'
      ? { sql: 'SELECT count(*) AS count FROM films f WHERE f.deleted_at IS NULL', params: [] }
      : { sql: `SELECT count(*) AS count FROM temp.${foundItself.table}`, params: [] };
  return {
    total,
    ...counted('genres', found, (base) => termsSql(base, 'genre')),
    ...counted('tags', found, (base) => termsSql(base, 'tag')),
    ...counted('media', over('medium'), mediaSql),
    directors: directorsSql(foundItself),
    ...(found.kind === 'all-but'
      ? {
          [WHOLE_DIRECTORS]: wholeDirectorsSql(limits.directorsLeftOut),
          [`directors${LEFT_OUT}`]: leftOutDirectorsSql(found.leftOut),
        }
      : {}),
    ...filmsQueries(over),
  };
}

function decadesOf(years: readonly { year: number; count: number }[]): FacetCount[] {
  const decades = new Map<number, number>();
  for (const { year, count } of years) {
    const decade = Math.floor(year / 10) * 10;
    decades.set(decade, (decades.get(decade) ?? 0) + count);
  }
  return [...decades].sort(([a], [b]) => a - b).map(([decade, count]) => ({ value: `${decade}s`, count }));
}

type FilmsRow = {
  year: number | null;
  rating: number | null;
  seen: number | null;
  onLoan: number | null;
  overdue: number | null;
  count: number;
};

/** Adds up film-row counts into the lists each query counted (a count may be negative: see Base). */
function filmsCounts(results: { parts: FilmsPart[]; rows: FilmsRow[] }[]) {
  const years = new Map<number, number>();
  const ratings = new Map<number | null, number>();
  const counts = { seen: 0, unseen: 0, onLoan: 0, overdue: 0 };
  const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const { parts, rows } of results) {
    for (const row of rows) {
      if (parts.includes('years') && row.year !== null) add(years, row.year, row.count);
      if (parts.includes('ratings')) add(ratings, row.rating, row.count);
      if (parts.includes('seen')) counts[row.seen === 1 ? 'seen' : 'unseen'] += row.count;
      if (parts.includes('loans') && row.onLoan === 1) counts.onLoan += row.count;
      if (parts.includes('loans') && row.overdue === 1) counts.overdue += row.count;
    }
  }
  return {
    years: [...years]
      .filter(([, count]) => count > 0)
      .map(([year, count]) => ({ year, count }))
      .sort((a, b) => a.year - b.year),
    ratings: [...ratings]
      .filter(([, count]) => count > 0)
      .map(([rating, count]) => ({ rating, count }))
      .sort((a, b) => (a.rating ?? -1) - (b.rating ?? -1)),
    ...counts,
  };
}

/** SQLite's order of text (BINARY: the bytes of its UTF-8). */
const inSqliteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * A list over the whole library less its counts over the films left out, in the list's order; the
 * first `most` only, when given (only rows with at least the `most`th count are put in order).
 */
function subtracted(
  whole: readonly FacetCount[],
  leftOut: readonly FacetCount[],
  most = Number.POSITIVE_INFINITY,
): FacetCount[] {
  const less = new Map(leftOut.map((row) => [row.value, row.count]));
  let rows = whole
    .map((row) => ({ value: row.value, count: row.count - (less.get(row.value) ?? 0) }))
    .filter((row) => row.count > 0);
  if (rows.length > most) {
    const counts = Float64Array.from(rows, (row) => row.count).sort();
    const cut = counts[counts.length - most]!;
    rows = rows.filter((row) => row.count >= cut);
  }
  return rows.sort((a, b) => b.count - a.count || inSqliteOrder(a.value, b.value)).slice(0, most);
}

/** The counts, not remembered; `limits` only for tests (both ways of counting on a small library). */
export function countFacets(sqlite: Sqlite, input: FacetQuery, limits: LookUpLimits = LOOK_UP_UP_TO): Facets {
  const sql = facetSql(sqlite, input, limits);
  const rows = <T>(name: string) => {
    const query = sql[name]!;
    const read = () => prepared(sqlite, query.sql).all(query.params) as T[];
    // A count over no temp table is over the whole library, the same for every search: remembered
    // until the library changes, so subtracting the films left out costs only their look-ups.
    if (query.sql.includes('temp.')) return read();
    return remembered(sqlite, `facet rows ${query.sql} ${JSON.stringify(query.params)}`, read);
  };
  const list = (name: string): FacetCount[] =>
    sql[`${name}${LEFT_OUT}`]
      ? subtracted(rows<FacetCount>(name), rows<FacetCount>(`${name}${LEFT_OUT}`))
      : rows<FacetCount>(name);
  const negated = (row: FilmsRow): FilmsRow => ({ ...row, count: -row.count });
  // Subtracted while few directors are left out; otherwise counted over the films found.
  const directors = (): FacetCount[] => {
    if (!sql[`directors${LEFT_OUT}`]) return rows('directors');
    const leftOut = rows<FacetCount>(`directors${LEFT_OUT}`);
    if (leftOut.length > limits.directorsLeftOut) return rows('directors');
    return subtracted(rows<FacetCount>(WHOLE_DIRECTORS), leftOut, 40);
  };
  const films = filmsCounts(
    Object.keys(sql)
      .filter((name) => name.startsWith('films:'))
      .map((name) => ({
        parts: name.slice('films:'.length).replace(LEFT_OUT, '').split('+') as FilmsPart[],
        rows: name.endsWith(LEFT_OUT) ? rows<FilmsRow>(name).map(negated) : rows<FilmsRow>(name),
      })),
  );
  const { years } = films;
  return {
    total: rows<{ count: number }>('total')[0]?.count ?? 0,
    genres: list('genres'),
    tags: list('tags'),
    decades: decadesOf(years),
    years: years.length === 0 ? null : { min: years[0]!.year, max: years.at(-1)!.year },
    media: list('media'),
    directors: directors(),
    ratings: films.ratings,
    seen: { seen: films.seen, unseen: films.unseen },
    onLoan: films.onLoan,
    overdue: films.overdue,
  };
}

/** Counts for browse's filter lists, over the films the search and filter find (the trash left out). */
export function facetCounts(sqlite: Sqlite, input: FacetQuery = {}): Facets {
  const query = facetQuerySchema.parse(input);
  learnSearch(sqlite, query.search ?? '');
  return remembered(sqlite, `facets ${JSON.stringify(query)}`, () => countFacets(sqlite, query));
}
