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
 * write of a film's child rows goes through insertFilm or replaceFilm below.
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
const peopleKeys = new WeakMap<Sqlite, Map<string, number | bigint>>();

/** Remembers people's keys on `sqlite` until the answered function is called (at COMMIT or ROLLBACK). */
export function rememberPeople(sqlite: Sqlite): () => void {
  peopleKeys.set(sqlite, new Map());
  return () => peopleKeys.delete(sqlite);
}

function storedPersonKey(sqlite: Sqlite, name: string): number | bigint {
  const found = prepared(sqlite, 'SELECT key FROM people WHERE name = ?').pluck().get(name) as
    number | undefined;
  if (found !== undefined) return found;
  return prepared(sqlite, 'INSERT INTO people (name) VALUES (?)').run(name).lastInsertRowid;
}

function personKey(sqlite: Sqlite, name: string): number | bigint {
  const remembered = peopleKeys.get(sqlite);
  if (!remembered) return storedPersonKey(sqlite, name);
  let key = remembered.get(name);
  if (key === undefined) remembered.set(name, (key = storedPersonKey(sqlite, name)));
  return key;
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
  ];
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

function insertChildren(sqlite: Sqlite, key: number, film: Film): void {
  const rows = childRows(key, film, (name) => personKey(sqlite, name));
  for (const table of CHILD_TABLES) {
    const tableRows = rows[table];
    if (tableRows.length === 0) continue;
    const statement = prepared(sqlite, INSERT_CHILD[table]);
    for (const row of tableRows) statement.run(row);
  }
}

type Rows = unknown[][];

/** Rows of one ordered group: [film_key, position, ...values]. */
const ordered = <T>(key: number, items: readonly T[], values: (item: T) => unknown[]): Rows =>
  items.map((item, i) => [key, i, ...values(item)]);

/**
 * A film's child rows, table by table, in the columns of CHILD_COLUMNS; `personKey` gives a
 * person's key (the library's own, or the bench's raw writer's, which keys people alike).
 */
export function childRows(
  key: number,
  film: Film,
  personKey: (name: string) => number | bigint,
): Record<ChildTable, Rows> {
  const terms: [string, readonly string[]][] = [
    ['genre', film.genres],
    ['tag', film.tags],
    ['trivia', film.trivia],
    ['audience', film.personalReview?.audience ?? []],
    ['content_warning', film.personalReview?.contentWarnings ?? []],
  ];
  return {
    film_credits: [
      ...film.directors.map((name, i) => [key, 'director', i, personKey(name), null, null, null]),
      ...film.cast.map((c, i) => [key, 'cast', i, personKey(c.person), c.character, c.description, null]),
      ...film.crew.map((c, i) => [key, 'crew', i, personKey(c.person), null, null, c.job]),
    ],
    film_terms: terms.flatMap(([kind, values]) => values.map((value, i) => [key, kind, i, value])),
    film_external_ids: Object.entries(film.externalIds).map(([source, value]) => [key, source, value]),
    film_ratings: ordered(key, film.ratings, (r) => [r.source, r.value, r.scale, r.votes]),
    film_sections: [
      ...film.synopsis.map((s, i) => [key, 'synopsis', i, s.heading, s.body]),
      ...film.spoilers.map((s, i) => [key, 'spoilers', i, s.heading, s.body]),
    ],
    film_quotes: ordered(key, film.quotes, (q) => [q.speaker, q.text, q.context]),
    film_critic_reviews: ordered(key, film.criticReviews, (r) => [r.outlet, r.text, r.url, r.score]),
    film_audience_reactions: ordered(key, film.audienceReactions, (r) => [r.headline, r.detail]),
    film_awards: ordered(key, film.awards, (a) => [a.event, a.category, a.year, a.result]),
    film_providers: ordered(key, film.whereToWatch?.providers ?? [], (p) => [p.name, p.kind, p.url]),
    film_similar: ordered(key, film.similar, (s) => [s.title, s.year, s.reason, s.filmId]),
    film_products: ordered(key, film.products, (p) => [p.name, p.description, p.url]),
    film_tracks: ordered(key, film.soundtrack?.tracks ?? [], (t) => [t.title, t.performer]),
    film_faq: ordered(key, film.faq, (f) => [f.question, f.answer]),
    film_bonus: ordered(key, film.bonus, (b) => [b.title, b.description, b.url]),
    film_watched: ordered(key, film.watched, (w) => [w.date, w.note]),
    film_copies: ordered(key, film.copies, (c) => [
      c.medium,
      c.edition,
      c.region,
      c.location,
      c.barcode,
      c.acquired,
      ...moneyColumns(c.price),
    ]),
    film_loans: ordered(key, film.loans, (l) => [l.copyIndex, l.borrower, l.lentOn, l.dueOn, l.returnedOn]),
    film_posters: film.poster ? [posterRow(key, film.poster)] : [],
  };
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
