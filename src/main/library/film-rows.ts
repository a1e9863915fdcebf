import type Database from 'better-sqlite3';
import type { Film, Money, Rating } from '../../shared/film-schema';

/**
 * How a film maps onto the library's tables, both ways. Writing replaces a film's child rows
 * wholesale (delete, then insert in order), so positions are always 0..n-1.
 */

type Row = Record<string, unknown>;
type Sqlite = Database.Database;

/** The film row's own columns, as the film states them. */
const FILM_COLUMNS = [
  'id',
  'title',
  'original_title',
  'sort_title',
  'year',
  'runtime_minutes',
  'trailer_label',
  'trailer_url',
  'quip',
  'budget_amount',
  'budget_currency',
  'domestic_amount',
  'domestic_currency',
  'worldwide_amount',
  'worldwide_currency',
  'personal_review',
  'personal_review_text',
  'consensus',
  'where_to_watch',
  'where_to_watch_note',
  'soundtrack',
  'soundtrack_note',
  'user_rating',
  'notes',
  'added_at',
  'updated_at',
] as const;

/**
 * Migration 0002's browse columns: values of the film's child rows copied onto its row so one index
 * per sort key can order them. They are computed here from the film and written with the film row
 * (migration 0004 took out the triggers that used to recompute them after each child row): every
 * write of a film's child rows goes through insertFilm or replaceFilm below. Migration 0010's
 * summary_lists (the lists a row of browse shows) is written the same way.
 */
const BROWSE_COLUMNS = [
  'sort_directors',
  'sort_genres',
  'imdb_rating',
  'rotten_tomatoes',
  'seen',
  'sort_media',
  'sort_locations',
  'open_loans',
  'next_due_on',
  'summary_lists',
] as const;

/** Every column a film row is written with, in the order of filmRowValues. */
export const FILM_ROW_COLUMNS = [...FILM_COLUMNS, ...BROWSE_COLUMNS] as const;

/** Each child table with the columns it is written with, in insert order (rows from childRows). */
export const CHILD_COLUMNS = {
  film_credits: ['film_key', 'role', 'position', 'person_key', 'character', 'description', 'job'],
  film_terms: ['film_key', 'kind', 'position', 'value'],
  film_external_ids: ['film_key', 'source', 'value'],
  film_ratings: ['film_key', 'position', 'source', 'value', 'scale', 'votes'],
  film_sections: ['film_key', 'kind', 'position', 'heading', 'body'],
  film_quotes: ['film_key', 'position', 'speaker', 'text', 'context'],
  film_critic_reviews: ['film_key', 'position', 'outlet', 'text', 'url', 'score'],
  film_audience_reactions: ['film_key', 'position', 'headline', 'detail'],
  film_awards: ['film_key', 'position', 'event', 'category', 'year', 'result'],
  film_providers: ['film_key', 'position', 'name', 'kind', 'url'],
  film_similar: ['film_key', 'position', 'title', 'year', 'reason', 'similar_film_id'],
  film_products: ['film_key', 'position', 'name', 'description', 'url'],
  film_tracks: ['film_key', 'position', 'title', 'performer'],
  film_faq: ['film_key', 'position', 'question', 'answer'],
  film_bonus: ['film_key', 'position', 'title', 'description', 'url'],
  film_watched: ['film_key', 'position', 'date', 'note'],
  film_copies: [
    'film_key',
    'position',
    'medium',
    'edition',
    'region',
    'location',
    'barcode',
    'acquired',
    'price_amount',
    'price_currency',
  ],
  film_loans: ['film_key', 'position', 'copy_index', 'borrower', 'lent_on', 'due_on', 'returned_on'],
  film_posters: ['film_key', 'media_type', 'data'],
} as const;

export type ChildTable = keyof typeof CHILD_COLUMNS;
const CHILD_TABLES = Object.keys(CHILD_COLUMNS) as ChildTable[];

/** `INSERT INTO table (columns) VALUES (?, …)`. */
export const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

const INSERT_FILM = insertSql('films', FILM_ROW_COLUMNS);
const UPDATE_FILM = `UPDATE films SET ${FILM_ROW_COLUMNS.map((column) => `${column} = ?`).join(', ')} WHERE key = ?`;
const INSERT_CHILD = Object.fromEntries(
  CHILD_TABLES.map((table) => [table, insertSql(table, CHILD_COLUMNS[table])]),
) as Record<ChildTable, string>;
const DELETE_CHILD = Object.fromEntries(
  CHILD_TABLES.map((table) => [table, `DELETE FROM ${table} WHERE film_key = ?`]),
) as Record<ChildTable, string>;

const statementCache = new WeakMap<Sqlite, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection. */
export function prepared(sqlite: Sqlite, sql: string): Database.Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) statementCache.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}

/**
 * People's keys by name, remembered on a connection for the length of one write transaction (an
 * import's). 100,000 light films name people 1.1 million times but hold about 200,000 of them, and
 * asking SQLite for every name was 3.8 s of such an import's CPU time. People rows are only ever
 * added (nothing deletes one or changes its key), so a key once seen stays right while the
 * transaction lasts; a rollback forgets the rows it added, so the memory must end with it.
 */
type PeopleMemory = {
  keys: Map<string, number | bigint>;
  /**
   * True when the people table was empty as the memory began: every person is then in `keys` once
   * written, so a name not there is new and is inserted without asking SQLite first (the unique
   * name index would still refuse a duplicate). An import into an empty library asked for each of
   * its 76,000 people (light 10k) in vain.
   */
  complete: boolean;
};
const peopleMemory = new WeakMap<Sqlite, PeopleMemory>();

/**
 * Remembers people's keys on `sqlite` until the answered function is called (at COMMIT or
 * ROLLBACK). Call it inside the write transaction, so no other connection adds people meanwhile.
 */
export function rememberPeople(sqlite: Sqlite): () => void {
  const empty = prepared(sqlite, 'SELECT NOT EXISTS (SELECT 1 FROM people)').pluck().get() === 1;
  peopleMemory.set(sqlite, { keys: new Map(), complete: empty });
  return () => peopleMemory.delete(sqlite);
}

const insertPerson = (sqlite: Sqlite, name: string) =>
  prepared(sqlite, 'INSERT INTO people (name) VALUES (?)').run(name).lastInsertRowid;

function storedPersonKey(sqlite: Sqlite, name: string): number | bigint {
  const found = prepared(sqlite, 'SELECT key FROM people WHERE name = ?').pluck().get(name) as
    number | undefined;
  return found ?? insertPerson(sqlite, name);
}

/** The function giving people's keys on `sqlite`, looked up once per film rather than once per name. */
function personKeys(sqlite: Sqlite): (name: string) => number | bigint {
  const memory = peopleMemory.get(sqlite);
  if (!memory) return (name) => storedPersonKey(sqlite, name);
  const { keys, complete } = memory;
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) {
      key = complete ? insertPerson(sqlite, name) : storedPersonKey(sqlite, name);
      keys.set(name, key);
    }
    return key;
  };
}

const moneyColumns = (money: Money | null) => [money?.amount ?? null, money?.currency ?? null];
const flag = (value: unknown) => (value === null ? 0 : 1);

/** Lower-cases A–Z only, as SQLite's lower() does (0002's expressions compare sources with it). */
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

const IMDB_SOURCES: readonly string[] = ['imdb'];
const ROTTEN_TOMATOES_SOURCES: readonly string[] = ['rotten tomatoes', 'rottentomatoes', 'rt'];

/** The first rating (in order) from one of `sources`, on a scale of `scale`; null when none. */
function ratingOn(ratings: readonly Rating[], sources: readonly string[], scale: number): number | null {
  const rating = ratings.find((r) => sources.includes(asciiLower(r.source)));
  // value * scale / rating.scale, in that order: the same double SQLite computes.
  return rating ? (rating.value * scale) / rating.scale : null;
}

/**
 * The browse columns of a film, as migration 0002's expressions compute them from its child rows:
 * a repeated group sorts by its first entry (first director, genre, copy), ratings by the first
 * IMDb and Rotten Tomatoes ones (on 10 and 100), loans by the open ones (not returned) and the
 * earliest due date among them. tests/unit/browse-columns.test.ts compares the two.
 */
export function browseColumnValues(film: Film): unknown[] {
  let openLoans = 0;
  let nextDue: string | null = null;
  for (const loan of film.loans) {
    if (loan.returnedOn !== null) continue;
    openLoans += 1;
    if (loan.dueOn !== null && (nextDue === null || loan.dueOn < nextDue)) nextDue = loan.dueOn;
  }
  const firstCopy = film.copies[0];
  return [
    film.directors[0] ?? null,
    film.genres[0] ?? null,
    ratingOn(film.ratings, IMDB_SOURCES, 10),
    ratingOn(film.ratings, ROTTEN_TOMATOES_SOURCES, 100),
    film.watched.length > 0 ? 1 : 0,
    firstCopy?.medium ?? null,
    firstCopy?.location ?? null,
    openLoans,
    nextDue,
    summaryLists(film),
  ];
}

/**
 * Migration 0010's summary_lists: what a row of browse shows beside the title, as one JSON value
 * `[directors, genres, media, locations]` (one medium and one place, or null, per copy), as 0010's
 * SQL computes it from the child rows (tests/unit/browse-columns.test.ts compares the two).
 */
function summaryLists(film: Film): string {
  return JSON.stringify([
    film.directors,
    film.genres,
    film.copies.map((copy) => copy.medium),
    film.copies.map((copy) => copy.location ?? null),
  ]);
}

/** The film row's values, in the order of FILM_ROW_COLUMNS (its key aside). */
export function filmRowValues(film: Film): unknown[] {
  return [
    film.id,
    film.title,
    film.originalTitle,
    film.sortTitle,
    film.year,
    film.runtimeMinutes,
    film.trailer?.label ?? null,
    film.trailer?.url ?? null,
    film.quip,
    ...moneyColumns(film.boxOffice.budget),
    ...moneyColumns(film.boxOffice.domestic),
    ...moneyColumns(film.boxOffice.worldwide),
    flag(film.personalReview),
    film.personalReview?.text ?? null,
    film.consensus,
    flag(film.whereToWatch),
    film.whereToWatch?.note ?? null,
    flag(film.soundtrack),
    film.soundtrack?.note ?? null,
    film.userRating,
    film.notes,
    film.addedAt,
    film.updatedAt,
    ...browseColumnValues(film),
  ];
}

/** Inserts a new film row and its children; returns the film's key. */
export function insertFilm(sqlite: Sqlite, film: Film): number {
  const key = Number(prepared(sqlite, INSERT_FILM).run(filmRowValues(film)).lastInsertRowid);
  insertChildren(sqlite, key, film);
  return key;
}

/** Rewrites an existing film row and all its children in place, keeping its key. */
export function replaceFilm(sqlite: Sqlite, key: number, film: Film): void {
  prepared(sqlite, UPDATE_FILM).run([...filmRowValues(film), key]);
  for (const table of CHILD_TABLES) prepared(sqlite, DELETE_CHILD[table]).run(key);
  insertChildren(sqlite, key, film);
}

/** Each child table's insert statement on one connection, prepared once. */
const childStatements = new WeakMap<Sqlite, Record<ChildTable, Database.Statement>>();

function insertChildren(sqlite: Sqlite, key: number, film: Film): void {
  let statements = childStatements.get(sqlite);
  if (!statements) {
    statements = Object.fromEntries(
      CHILD_TABLES.map((table) => [table, prepared(sqlite, INSERT_CHILD[table])]),
    ) as Record<ChildTable, Database.Statement>;
    childStatements.set(sqlite, statements);
  }
  const insert = statements;
  // Each row is written as it is made: no table-by-table record of rows to build and walk first.
  eachChildRow(key, film, personKeys(sqlite), (table, row) => insert[table].run(row));
}

type Rows = unknown[][];

/** One child row of `table`, in the columns of CHILD_COLUMNS. */
type ChildRowSink = (table: ChildTable, row: unknown[]) => void;

/** The rows of one ordered group (each [film_key, position, ...values]), each handed to `emit`. */
function eachOrdered<T>(
  emit: ChildRowSink,
  table: ChildTable,
  items: readonly T[],
  values: (item: T, position: number) => unknown[],
): void {
  for (let i = 0; i < items.length; i += 1) emit(table, values(items[i] as T, i));
}

/**
 * A film's child rows, table by table in CHILD_TABLES order (so people are keyed in order of first
 * mention), each handed to `emit` as it is made; `personKey` gives a person's key.
 */
function eachChildRow(
  key: number,
  film: Film,
  personKey: (name: string) => number | bigint,
  emit: ChildRowSink,
): void {
  const credits: ChildTable = 'film_credits';
  film.directors.forEach((name, i) => emit(credits, [key, 'director', i, personKey(name), null, null, null]));
  film.cast.forEach((c, i) =>
    emit(credits, [key, 'cast', i, personKey(c.person), c.character, c.description, null]),
  );
  film.crew.forEach((c, i) => emit(credits, [key, 'crew', i, personKey(c.person), null, null, c.job]));
  const terms = (kind: string, values: readonly string[]) =>
    values.forEach((value, i) => emit('film_terms', [key, kind, i, value]));
  terms('genre', film.genres);
  terms('tag', film.tags);
  terms('trivia', film.trivia);
  terms('audience', film.personalReview?.audience ?? []);
  terms('content_warning', film.personalReview?.contentWarnings ?? []);
  for (const [source, value] of Object.entries(film.externalIds))
    emit('film_external_ids', [key, source, value]);
  eachOrdered(emit, 'film_ratings', film.ratings, (r, i) => [key, i, r.source, r.value, r.scale, r.votes]);
  film.synopsis.forEach((s, i) => emit('film_sections', [key, 'synopsis', i, s.heading, s.body]));
  film.spoilers.forEach((s, i) => emit('film_sections', [key, 'spoilers', i, s.heading, s.body]));
  eachOrdered(emit, 'film_quotes', film.quotes, (q, i) => [key, i, q.speaker, q.text, q.context]);
  eachOrdered(emit, 'film_critic_reviews', film.criticReviews, (r, i) => [
    key,
    i,
    r.outlet,
    r.text,
    r.url,
    r.score,
  ]);
  eachOrdered(emit, 'film_audience_reactions', film.audienceReactions, (r, i) => [
    key,
    i,
    r.headline,
    r.detail,
  ]);
  eachOrdered(emit, 'film_awards', film.awards, (a, i) => [key, i, a.event, a.category, a.year, a.result]);
  eachOrdered(emit, 'film_providers', film.whereToWatch?.providers ?? [], (p, i) => [
    key,
    i,
    p.name,
    p.kind,
    p.url,
  ]);
  eachOrdered(emit, 'film_similar', film.similar, (s, i) => [key, i, s.title, s.year, s.reason, s.filmId]);
  eachOrdered(emit, 'film_products', film.products, (p, i) => [key, i, p.name, p.description, p.url]);
  eachOrdered(emit, 'film_tracks', film.soundtrack?.tracks ?? [], (t, i) => [key, i, t.title, t.performer]);
  eachOrdered(emit, 'film_faq', film.faq, (f, i) => [key, i, f.question, f.answer]);
  eachOrdered(emit, 'film_bonus', film.bonus, (b, i) => [key, i, b.title, b.description, b.url]);
  eachOrdered(emit, 'film_watched', film.watched, (w, i) => [key, i, w.date, w.note]);
  eachOrdered(emit, 'film_copies', film.copies, (c, i) => [
    key,
    i,
    c.medium,
    c.edition,
    c.region,
    c.location,
    c.barcode,
    c.acquired,
    c.price?.amount ?? null,
    c.price?.currency ?? null,
  ]);
  eachOrdered(emit, 'film_loans', film.loans, (l, i) => [
    key,
    i,
    l.copyIndex,
    l.borrower,
    l.lentOn,
    l.dueOn,
    l.returnedOn,
  ]);
  if (film.poster) emit('film_posters', posterRow(key, film.poster));
}

/**
 * A film's child rows, table by table, in the columns of CHILD_COLUMNS; `personKey` gives a
 * person's key (the library's own, or the bench's raw writer's, which keys people alike).
 */
export function childRows(
  key: number,
  film: Film,
  personKey: (name: string) => number | bigint,
): Record<ChildTable, Rows> {
  const rows = Object.fromEntries(CHILD_TABLES.map((table) => [table, []])) as unknown as Record<
    ChildTable,
    Rows
  >;
  eachChildRow(key, film, personKey, (table, row) => rows[table].push(row));
  return rows;
}

function posterRow(key: number, poster: string): unknown[] {
  const { mediaType, bytes } = decodePoster(poster);
  return [key, mediaType, bytes];
}

/** Splits a `data:` URL poster into its media type and bytes (stored as a BLOB). */
export function decodePoster(dataUrl: string): { mediaType: string; bytes: Buffer } {
  const comma = dataUrl.indexOf(',');
  return {
    mediaType: dataUrl.slice('data:'.length, dataUrl.indexOf(';')),
    bytes: Buffer.from(dataUrl.slice(comma + 1), 'base64'),
  };
}

export function encodePoster(mediaType: string, bytes: Uint8Array): string {
  return `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
}

export { CHILD_TABLES };
export type { Row };
