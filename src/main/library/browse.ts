import type Database from 'better-sqlite3';
import { Kysely, sql, type Compilable, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import {
  listQuerySchema,
  MATCH_END,
  MATCH_START,
  searchFields,
  type Facets,
  type FilmFilter,
  type FilmPage,
  type FilmSummary,
  type ListQuery,
  type SearchField,
} from '../../shared/browse';
import { prepared, type Row } from './film-rows';
import { ftsQuery } from './search-text';
import type { LibraryTables } from './tables';

type Sqlite = Database.Database;
type Db = Kysely<LibraryTables>;
type FilmsQuery = SelectQueryBuilder<LibraryTables, 'films', object>;
type Eb = ExpressionBuilder<LibraryTables, 'films'>;

/** Column weights for ranking: a title match outranks a name, which outranks the story. */
const RANK = 'bm25(films_fts, 10.0, 4.0, 3.0, 2.0, 1.0, 1.0, 1.0, 3.0, 1.0)';
const FIELDS = Object.keys(searchFields) as SearchField[];

/** Runs a Kysely-built query synchronously on the library's one connection. */
function all<T>(sqlite: Sqlite, query: Compilable): T[] {
  const compiled = query.compile();
  return prepared(sqlite, compiled.sql).all(compiled.parameters as unknown[]) as T[];
}

const today = () => new Date().toISOString().slice(0, 10);

function termExists(eb: Eb, kind: string, value: string) {
  return eb.exists(
    eb
      .selectFrom('film_terms as t')
      .select(sql`1`.as('one'))
      .whereRef('t.film_key', '=', 'films.key')
      .where('t.kind', '=', kind)
      .where('t.value', '=', value),
  );
}

function personExists(eb: Eb, name: string, role: string | null) {
  let query = eb
    .selectFrom('film_credits as c')
    .innerJoin('people as p', 'p.key', 'c.person_key')
    .select(sql`1`.as('one'))
    .whereRef('c.film_key', '=', 'films.key')
    .where('p.name', '=', name);
  if (role) query = query.where('c.role', '=', role);
  return eb.exists(query);
}

function loanExists(eb: Eb, overdue: boolean) {
  let query = eb
    .selectFrom('film_loans as l')
    .select(sql`1`.as('one'))
    .whereRef('l.film_key', '=', 'films.key')
    .where('l.returned_on', 'is', null);
  if (overdue) query = query.where('l.due_on', '<', today());
  return eb.exists(query);
}

/** Adds every active filter of browse to a query over `films`. */
export function applyFilter(query: FilmsQuery, filter: FilmFilter): FilmsQuery {
  let q = query.where('films.deleted_at', 'is', null);
  for (const genre of filter.genres) q = q.where((eb) => termExists(eb, 'genre', genre));
  for (const tag of filter.tags) q = q.where((eb) => termExists(eb, 'tag', tag));
  if (filter.yearFrom !== null) q = q.where('films.year', '>=', filter.yearFrom);
  if (filter.yearTo !== null) q = q.where('films.year', '<=', filter.yearTo);
  if (filter.director) {
    const name = filter.director;
    q = q.where((eb) => personExists(eb, name, 'director'));
  }
  if (filter.person) {
    const name = filter.person;
    q = q.where((eb) => personExists(eb, name, null));
  }
  if (filter.medium) {
    const medium = filter.medium;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('film_copies as m')
          .select(sql`1`.as('one'))
          .whereRef('m.film_key', '=', 'films.key')
          .where('m.medium', '=', medium),
      ),
    );
  }
  if (filter.seen !== null) {
    const seen = filter.seen;
    q = q.where((eb) => {
      const watched = eb.exists(
        eb
          .selectFrom('film_watched as w')
          .select(sql`1`.as('one'))
          .whereRef('w.film_key', '=', 'films.key'),
      );
      return seen ? watched : eb.not(watched);
    });
  }
  if (filter.ratingFrom !== null) q = q.where('films.user_rating', '>=', filter.ratingFrom);
  if (filter.ratingTo !== null) q = q.where('films.user_rating', '<=', filter.ratingTo);
  if (filter.loan) {
    const overdue = filter.loan === 'overdue';
    q = q.where((eb) => loanExists(eb, overdue));
  }
  return q;
}

const SORT_COLUMNS = {
  title: 'films.sort_title',
  year: 'films.year',
  runtime: 'films.runtime_minutes',
  rating: 'films.user_rating',
  added: 'films.added_at',
} as const;

function baseQuery(db: Db, search: string | null): FilmsQuery {
  const films = db.selectFrom('films');
  if (search === null) return films;
  return films
    .innerJoin('films_fts', 'films_fts.rowid', 'films.key')
    .where(sql<boolean>`films_fts MATCH ${search}`) as unknown as FilmsQuery;
}

/** One page of browse: the films matching search and filter, sorted, with the total count. */
export function listFilms(sqlite: Sqlite, db: Db, input: ListQuery): FilmPage {
  const query = listQuerySchema.parse(input);
  const search = ftsQuery(query.search);
  const filtered = applyFilter(baseQuery(db, search), query.filter);
  const direction = query.descending ? 'desc' : 'asc';
  let page = filtered.select(['films.key as key']);
  if (query.sort === 'relevance' && search !== null) {
    page = page.orderBy(sql.raw(RANK), direction).orderBy('films.sort_title').orderBy('films.key');
  } else {
    const column = SORT_COLUMNS[query.sort === 'relevance' ? 'title' : query.sort];
    page = page
      .orderBy(column, direction)
      .orderBy('films.sort_title', direction === 'desc' && column === 'films.sort_title' ? 'desc' : 'asc')
      .orderBy('films.year')
      .orderBy('films.key');
  }
  const keys = all<{ key: number }>(sqlite, page.limit(query.limit).offset(query.offset)).map((r) => r.key);
  const [countRow] = all<{ total: number }>(
    sqlite,
    filtered.select((eb) => eb.fn.countAll<number>().as('total')),
  );
  const summaries = summarise(sqlite, keys);
  if (search !== null) addMatches(sqlite, search, summaries);
  return { total: countRow?.total ?? 0, offset: query.offset, films: keys.map((key) => summaries.get(key)!) };
}

function inList(keys: readonly number[]): string {
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

/** Summaries of the films on one page, keyed by film key. */
function summarise(sqlite: Sqlite, keys: readonly number[]): Map<number, FilmSummary> {
  const summaries = new Map<number, FilmSummary>();
  if (keys.length === 0) return summaries;
  const list = inList(keys);
  const select = (sqlText: string) => rowsByFilm(prepared(sqlite, sqlText).all(keys) as Row[]);
  const films = prepared(sqlite, `SELECT * FROM films WHERE key IN (${list})`).all(keys) as Row[];
  const directors = select(
    `SELECT c.film_key, p.name FROM film_credits c JOIN people p ON p.key = c.person_key
     WHERE c.film_key IN (${list}) AND c.role = 'director' ORDER BY c.film_key, c.position`,
  );
  const genres = select(
    `SELECT film_key, value FROM film_terms WHERE film_key IN (${list}) AND kind = 'genre' ORDER BY film_key, position`,
  );
  const ratings = select(
    `SELECT film_key, source, value, scale FROM film_ratings WHERE film_key IN (${list}) ORDER BY film_key, position`,
  );
  const copies = select(
    `SELECT film_key, medium, location FROM film_copies WHERE film_key IN (${list}) ORDER BY film_key, position`,
  );
  const loans = select(
    `SELECT film_key, due_on FROM film_loans WHERE film_key IN (${list}) AND returned_on IS NULL`,
  );
  const watched = select(`SELECT DISTINCT film_key FROM film_watched WHERE film_key IN (${list})`);
  const posters = select(`SELECT film_key FROM film_posters WHERE film_key IN (${list})`);
  const now = today();
  for (const film of films) {
    const key = film.key as number;
    const ratingOf = (source: string) => {
      const rating = ratings.get(key)?.find((r) => (r.source as string).toLowerCase() === source);
      return rating ? (rating.value as number) : null;
    };
    const filmCopies = copies.get(key) ?? [];
    const filmLoans = loans.get(key) ?? [];
    summaries.set(key, {
      id: film.id as string,
      title: film.title as string,
      sortTitle: film.sort_title as string,
      year: film.year as number | null,
      runtimeMinutes: film.runtime_minutes as number | null,
      directors: (directors.get(key) ?? []).map((r) => r.name as string),
      genres: (genres.get(key) ?? []).map((r) => r.value as string),
      userRating: film.user_rating as number | null,
      imdbRating: ratingOf('imdb'),
      rottenTomatoes: ratingOf('rotten tomatoes'),
      seen: watched.has(key),
      onLoan: filmLoans.length > 0,
      overdue: filmLoans.some((loan) => loan.due_on !== null && (loan.due_on as string) < now),
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
    (_, i) => `snippet(films_fts, ${i}, '${MATCH_START}', '${MATCH_END}', '…', 12) AS s${i}`,
  );
  const rows = prepared(
    sqlite,
    `SELECT rowid, ${snippets.join(', ')} FROM films_fts WHERE films_fts MATCH ? AND rowid IN (${inList(keys)})`,
  ).all([search, ...keys]) as Row[];
  for (const row of rows) {
    const index = FIELDS.findIndex((_, i) => String(row[`s${i}`] ?? '').includes(MATCH_START));
    const summary = summaries.get(row.rowid as number);
    if (summary && index >= 0) {
      summary.match = { field: FIELDS[index]!, snippet: String(row[`s${index}`]) };
    }
  }
}

function counts(sqlite: Sqlite, sqlText: string, params: unknown[] = []): { value: string; count: number }[] {
  return prepared(sqlite, sqlText).all(params) as { value: string; count: number }[];
}

/** Counts for browse's filter lists, over the whole library (not counting the trash). */
export function facetCounts(sqlite: Sqlite): Facets {
  const live = 'JOIN films f ON f.key = t.film_key AND f.deleted_at IS NULL';
  const termCounts = (kind: string) =>
    counts(
      sqlite,
      `SELECT t.value, count(*) AS count FROM film_terms t ${live} WHERE t.kind = ? GROUP BY t.value ORDER BY count DESC, t.value`,
      [kind],
    );
  const seen = prepared(
    sqlite,
    `SELECT count(*) FROM films f WHERE f.deleted_at IS NULL AND EXISTS (SELECT 1 FROM film_watched w WHERE w.film_key = f.key)`,
  )
    .pluck()
    .get() as number;
  const total = prepared(sqlite, 'SELECT count(*) FROM films WHERE deleted_at IS NULL')
    .pluck()
    .get() as number;
  const loanCount = (overdue: boolean) =>
    prepared(
      sqlite,
      `SELECT count(DISTINCT l.film_key) FROM film_loans l JOIN films f ON f.key = l.film_key AND f.deleted_at IS NULL WHERE l.returned_on IS NULL${overdue ? ' AND l.due_on < ?' : ''}`,
    )
      .pluck()
      .get(overdue ? [today()] : []) as number;
  return {
    genres: termCounts('genre'),
    tags: termCounts('tag'),
    decades: counts(
      sqlite,
      `SELECT (year / 10) * 10 || 's' AS value, count(*) AS count FROM films WHERE deleted_at IS NULL AND year IS NOT NULL GROUP BY year / 10 ORDER BY year / 10`,
    ),
    media: counts(
      sqlite,
      `SELECT t.medium AS value, count(DISTINCT t.film_key) AS count FROM film_copies t ${live} GROUP BY t.medium ORDER BY count DESC, t.medium`,
    ),
    seen: { seen, unseen: total - seen },
    onLoan: loanCount(false),
    overdue: loanCount(true),
  };
}
