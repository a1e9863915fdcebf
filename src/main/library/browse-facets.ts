import type Database from 'better-sqlite3';
import { facetQuerySchema, type FacetCount, type FacetQuery, type Facets } from '../../shared/browse';
import { noteOwnChanges, remembered } from './browse-cache';
import {
  conditionsOf,
  fromWhere,
  isEverything,
  today,
  type Clause,
  type Conditions,
  type FilterPart,
} from './browse-conditions';
import { prepared } from './film-rows';
import { ftsQuery } from './search-text';

/**
 * Counts for browse's filter lists over the films the search and filter find. The films found are
 * gathered once into a temp table of keys; each list then either walks its own index testing each
 * entry against them (many films found) or looks up each found film's entries by key (few found).
 * With nothing narrowing the library, the lists walk their indexes leaving out the (small) trash.
 */

type Sqlite = Database.Database;

/** Up to this many films found, each list looks their entries up by key; beyond, it walks its index. */
const LOOK_UP_UP_TO = 15_000;
const TRASH = 'SELECT key FROM films WHERE deleted_at IS NOT NULL';

/** The films a list counts over. */
type Base = { kind: 'everything' } | { kind: 'found'; table: string; size: number };

/** Gathers each distinct set of films found into its own temp table, once per count. */
function baseMaker(sqlite: Sqlite) {
  const made = new Map<string, Base>();
  return (conditions: Conditions): Base => {
    if (isEverything(conditions)) return { kind: 'everything' };
    const source = fromWhere(conditions, true);
    const key = `${source.sql} ${JSON.stringify(source.params)}`;
    const known = made.get(key);
    if (known) return known;
    const table = `browse_found_${made.size}`;
    sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (key INTEGER PRIMARY KEY)`);
    const cleared = prepared(sqlite, `DELETE FROM temp.${table}`).run().changes;
    const size = prepared(sqlite, `INSERT OR IGNORE INTO temp.${table} SELECT f.key FROM ${source.sql}`).run(
      source.params,
    ).changes;
    noteOwnChanges(sqlite, cleared + size);
    const base: Base = { kind: 'found', table, size };
    made.set(key, base);
    return base;
  };
}

/** FROM and a condition over a child table `alias` with a `film_key`, limited to the base's films. */
function childOf(base: Base, table: string, alias: string): { from: string; where: string } {
  if (base.kind === 'everything')
    return { from: `${table} ${alias}`, where: `${alias}.film_key NOT IN (${TRASH})` };
  if (base.size <= LOOK_UP_UP_TO) {
    return {
      from: `temp.${base.table} k CROSS JOIN ${table} ${alias} ON ${alias}.film_key = k.key`,
      where: '1',
    };
  }
  return { from: `${table} ${alias}`, where: `${alias}.film_key IN (SELECT key FROM temp.${base.table})` };
}

/** FROM and a condition over `films f`, limited to the base's films. */
function filmsOf(base: Base): { from: string; where: string } {
  if (base.kind === 'everything') return { from: 'films f', where: 'f.deleted_at IS NULL' };
  if (base.size <= LOOK_UP_UP_TO)
    return { from: `temp.${base.table} k CROSS JOIN films f ON f.key = k.key`, where: '1' };
  return { from: 'films f', where: `f.deleted_at IS NULL AND f.key IN (SELECT key FROM temp.${base.table})` };
}

function termsSql(base: Base, kind: string): Clause {
  const { from, where } = childOf(base, 'film_terms', 't');
  return {
    sql: `SELECT t.value AS value, count(*) AS count FROM ${from} WHERE t.kind = ? AND ${where}
      GROUP BY t.value ORDER BY count DESC, t.value`,
    params: [kind],
  };
}

function mediaSql(base: Base): Clause {
  const { from, where } = childOf(base, 'film_copies', 'c');
  return {
    sql: `SELECT c.medium AS value, count(DISTINCT c.film_key) AS count FROM ${from} WHERE ${where}
      GROUP BY c.medium ORDER BY count DESC, c.medium`,
    params: [],
  };
}

function directorsSql(base: Base): Clause {
  const { from, where } = childOf(base, 'film_credits', 'c');
  // Looking films up by key, the role must not steer SQLite to the role index (a walk per film).
  const role = from.startsWith('temp.') ? '+c.role' : 'c.role';
  return {
    sql: `SELECT p.name AS value, d.count AS count FROM (
        SELECT c.person_key AS person_key, count(*) AS count FROM ${from} WHERE ${role} = 'director' AND ${where}
        GROUP BY c.person_key ORDER BY count DESC LIMIT 40
      ) d JOIN people p ON p.key = d.person_key ORDER BY d.count DESC, p.name`,
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

/**
 * Film-row counts for the lists that share one base. Over the whole library each list walks its
 * own index; over films found, one pass looks each of them up once and counts every list at once.
 */
function filmsSql(base: Base, parts: readonly FilmsPart[]): Clause {
  const due = today();
  const column = (part: FilmsPart, sql: string) => (parts.includes(part) ? sql : 'NULL');
  const select = `SELECT ${column('years', 'f.year')} AS year, ${column('ratings', 'f.user_rating')} AS rating,
    ${column('seen', 'f.seen')} AS seen, ${column('loans', 'f.open_loans > 0')} AS onLoan,
    ${column('loans', 'f.open_loans > 0 AND f.next_due_on < ?')} AS overdue, count(*) AS count`;
  const groups = parts.map((part) => FILMS_GROUPS[part]).join(', ');
  const params = parts.includes('loans') ? [due, due] : [];
  const { from, where } = filmsOf(base);
  if (base.kind === 'found') {
    const driven = `temp.${base.table} k CROSS JOIN films f ON f.key = k.key`;
    return { sql: `${select} FROM ${driven} GROUP BY ${groups}`, params };
  }
  // Counting loans alone, only films on loan matter: the small index of them answers.
  const onLoan = parts.length === 1 && parts[0] === 'loans' ? ' AND f.open_loans > 0' : '';
  return { sql: `${select} FROM ${from} WHERE ${where}${onLoan} GROUP BY ${groups}`, params };
}

/** One films-row query per distinct base, keyed `films:` and the lists it counts. */
function filmsQueries(over: (leaveOut?: FilterPart) => Base): Record<string, Clause> {
  const byBase = new Map<Base, FilmsPart[]>();
  for (const { part, leaveOut } of FILMS_PARTS) {
    const base = over(leaveOut);
    // Over the whole library each list has its own covering index: one query each.
    const key = base.kind === 'everything' ? ({ ...base } as Base) : base;
    byBase.set(key, [...(byBase.get(key) ?? []), part]);
  }
  return Object.fromEntries(
    [...byBase].map(([base, parts]) => [`films:${parts.join('+')}`, filmsSql(base, parts)]),
  );
}

/**
 * The SQL of each list's counts, after gathering the films found into temp tables (exported for
 * the query-plan tests). A list whose own filter allows one value counts without that filter.
 */
export function facetSql(sqlite: Sqlite, input: FacetQuery): Record<string, Clause> {
  const query = facetQuerySchema.parse(input);
  const fts = ftsQuery(query.search);
  const baseOf = baseMaker(sqlite);
  const over = (leaveOut?: FilterPart) => baseOf(conditionsOf(fts, query.filter, leaveOut));
  const found = over();
  const total =
    found.kind === 'everything'
      ? { sql: 'SELECT count(*) AS count FROM films f WHERE f.deleted_at IS NULL', params: [] }
      : { sql: `SELECT count(*) AS count FROM temp.${found.table}`, params: [] };
  return {
    total,
    genres: termsSql(found, 'genre'),
    tags: termsSql(found, 'tag'),
    media: mediaSql(over('medium')),
    directors: directorsSql(found),
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

/** Adds up film-row counts into the lists each query counted. */
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
    years: [...years].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
    ratings: [...ratings]
      .map(([rating, count]) => ({ rating, count }))
      .sort((a, b) => (a.rating ?? -1) - (b.rating ?? -1)),
    ...counts,
  };
}

function countFacets(sqlite: Sqlite, input: FacetQuery): Facets {
  const sql = facetSql(sqlite, input);
  const rows = <T>(name: string) => {
    const query = sql[name]!;
    return prepared(sqlite, query.sql).all(query.params) as T[];
  };
  const films = filmsCounts(
    Object.keys(sql)
      .filter((name) => name.startsWith('films:'))
      .map((name) => ({
        parts: name.slice('films:'.length).split('+') as FilmsPart[],
        rows: rows<FilmsRow>(name),
      })),
  );
  const { years } = films;
  return {
    total: rows<{ count: number }>('total')[0]?.count ?? 0,
    genres: rows('genres'),
    tags: rows('tags'),
    decades: decadesOf(years),
    years: years.length === 0 ? null : { min: years[0]!.year, max: years.at(-1)!.year },
    media: rows('media'),
    directors: rows('directors'),
    ratings: films.ratings,
    seen: { seen: films.seen, unseen: films.unseen },
    onLoan: films.onLoan,
    overdue: films.overdue,
  };
}

/** Counts for browse's filter lists, over the films the search and filter find (the trash left out). */
export function facetCounts(sqlite: Sqlite, input: FacetQuery = {}): Facets {
  const query = facetQuerySchema.parse(input);
  return remembered(sqlite, `facets ${JSON.stringify(query)}`, () => countFacets(sqlite, query));
}
