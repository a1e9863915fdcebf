import type Database from 'better-sqlite3';
import type { Film, Money } from '../../shared/film-schema';

/**
 * How a film maps onto the library's tables, both ways. Writing replaces a film's child rows
 * wholesale (delete, then insert in order), so positions are always 0..n-1.
 */

type Row = Record<string, unknown>;
type Sqlite = Database.Database;

const CHILD_TABLES = [
  'film_credits',
  'film_terms',
  'film_external_ids',
  'film_ratings',
  'film_sections',
  'film_quotes',
  'film_critic_reviews',
  'film_audience_reactions',
  'film_awards',
  'film_providers',
  'film_similar',
  'film_products',
  'film_tracks',
  'film_faq',
  'film_bonus',
  'film_watched',
  'film_copies',
  'film_loans',
  'film_posters',
] as const;

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

const statementCache = new WeakMap<Sqlite, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection. */
export function prepared(sqlite: Sqlite, sql: string): Database.Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) statementCache.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}

function insertRows(
  sqlite: Sqlite,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): void {
  if (rows.length === 0) return;
  const statement = prepared(
    sqlite,
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of rows) statement.run(row);
}

function personKey(sqlite: Sqlite, name: string): number | bigint {
  const found = prepared(sqlite, 'SELECT key FROM people WHERE name = ?').pluck().get(name) as
    number | undefined;
  if (found !== undefined) return found;
  return prepared(sqlite, 'INSERT INTO people (name) VALUES (?)').run(name).lastInsertRowid;
}

const moneyColumns = (money: Money | null) => [money?.amount ?? null, money?.currency ?? null];
const flag = (value: unknown) => (value === null ? 0 : 1);

function filmColumnValues(film: Film): unknown[] {
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
  ];
}

/** Inserts a new film row and its children; returns the film's key. */
export function insertFilm(sqlite: Sqlite, film: Film): number {
  const statement = prepared(
    sqlite,
    `INSERT INTO films (${FILM_COLUMNS.join(', ')}) VALUES (${FILM_COLUMNS.map(() => '?').join(', ')})`,
  );
  const key = Number(statement.run(filmColumnValues(film)).lastInsertRowid);
  insertChildren(sqlite, key, film);
  return key;
}

/** Rewrites an existing film row and all its children in place, keeping its key. */
export function replaceFilm(sqlite: Sqlite, key: number, film: Film): void {
  const assignments = FILM_COLUMNS.map((column) => `${column} = ?`).join(', ');
  prepared(sqlite, `UPDATE films SET ${assignments} WHERE key = ?`).run([...filmColumnValues(film), key]);
  for (const table of CHILD_TABLES) prepared(sqlite, `DELETE FROM ${table} WHERE film_key = ?`).run(key);
  insertChildren(sqlite, key, film);
}

function insertCredits(sqlite: Sqlite, key: number, film: Film): void {
  const rows: unknown[][] = [
    ...film.directors.map((name, i) => [key, 'director', i, personKey(sqlite, name), null, null, null]),
    ...film.cast.map((c, i) => [
      key,
      'cast',
      i,
      personKey(sqlite, c.person),
      c.character,
      c.description,
      null,
    ]),
    ...film.crew.map((c, i) => [key, 'crew', i, personKey(sqlite, c.person), null, null, c.job]),
  ];
  const columns = ['film_key', 'role', 'position', 'person_key', 'character', 'description', 'job'];
  insertRows(sqlite, 'film_credits', columns, rows);
}

function insertTerms(sqlite: Sqlite, key: number, film: Film): void {
  const lists: [string, readonly string[]][] = [
    ['genre', film.genres],
    ['tag', film.tags],
    ['trivia', film.trivia],
    ['audience', film.personalReview?.audience ?? []],
    ['content_warning', film.personalReview?.contentWarnings ?? []],
  ];
  const rows = lists.flatMap(([kind, values]) => values.map((value, i) => [key, kind, i, value]));
  insertRows(sqlite, 'film_terms', ['film_key', 'kind', 'position', 'value'], rows);
}

/** Rows of one ordered group: [film_key, position, ...values]. */
const ordered = <T>(key: number, items: readonly T[], values: (item: T) => unknown[]) =>
  items.map((item, i) => [key, i, ...values(item)]);

function insertChildren(sqlite: Sqlite, key: number, film: Film): void {
  insertCredits(sqlite, key, film);
  insertTerms(sqlite, key, film);
  const k = ['film_key', 'position'];
  insertRows(
    sqlite,
    'film_external_ids',
    ['film_key', 'source', 'value'],
    Object.entries(film.externalIds).map(([source, value]) => [key, source, value]),
  );
  insertRows(
    sqlite,
    'film_ratings',
    [...k, 'source', 'value', 'scale', 'votes'],
    ordered(key, film.ratings, (r) => [r.source, r.value, r.scale, r.votes]),
  );
  insertRows(
    sqlite,
    'film_sections',
    ['film_key', 'kind', 'position', 'heading', 'body'],
    [
      ...film.synopsis.map((s, i) => [key, 'synopsis', i, s.heading, s.body]),
      ...film.spoilers.map((s, i) => [key, 'spoilers', i, s.heading, s.body]),
    ],
  );
  insertRows(
    sqlite,
    'film_quotes',
    [...k, 'speaker', 'text', 'context'],
    ordered(key, film.quotes, (q) => [q.speaker, q.text, q.context]),
  );
  insertRows(
    sqlite,
    'film_critic_reviews',
    [...k, 'outlet', 'text', 'url', 'score'],
    ordered(key, film.criticReviews, (r) => [r.outlet, r.text, r.url, r.score]),
  );
  insertRows(
    sqlite,
    'film_audience_reactions',
    [...k, 'headline', 'detail'],
    ordered(key, film.audienceReactions, (r) => [r.headline, r.detail]),
  );
  insertRows(
    sqlite,
    'film_awards',
    [...k, 'event', 'category', 'year', 'result'],
    ordered(key, film.awards, (a) => [a.event, a.category, a.year, a.result]),
  );
  insertRows(
    sqlite,
    'film_providers',
    [...k, 'name', 'kind', 'url'],
    ordered(key, film.whereToWatch?.providers ?? [], (p) => [p.name, p.kind, p.url]),
  );
  insertRows(
    sqlite,
    'film_similar',
    [...k, 'title', 'year', 'reason', 'similar_film_id'],
    ordered(key, film.similar, (s) => [s.title, s.year, s.reason, s.filmId]),
  );
  insertRows(
    sqlite,
    'film_products',
    [...k, 'name', 'description', 'url'],
    ordered(key, film.products, (p) => [p.name, p.description, p.url]),
  );
  insertRows(
    sqlite,
    'film_tracks',
    [...k, 'title', 'performer'],
    ordered(key, film.soundtrack?.tracks ?? [], (t) => [t.title, t.performer]),
  );
  insertRows(
    sqlite,
    'film_faq',
    [...k, 'question', 'answer'],
    ordered(key, film.faq, (f) => [f.question, f.answer]),
  );
  insertRows(
    sqlite,
    'film_bonus',
    [...k, 'title', 'description', 'url'],
    ordered(key, film.bonus, (b) => [b.title, b.description, b.url]),
  );
  insertRows(
    sqlite,
    'film_watched',
    [...k, 'date', 'note'],
    ordered(key, film.watched, (w) => [w.date, w.note]),
  );
  insertRows(
    sqlite,
    'film_copies',
    [
      ...k,
      'medium',
      'edition',
      'region',
      'location',
      'barcode',
      'acquired',
      'price_amount',
      'price_currency',
    ],
    ordered(key, film.copies, (c) => [
      c.medium,
      c.edition,
      c.region,
      c.location,
      c.barcode,
      c.acquired,
      ...moneyColumns(c.price),
    ]),
  );
  insertRows(
    sqlite,
    'film_loans',
    [...k, 'copy_index', 'borrower', 'lent_on', 'due_on', 'returned_on'],
    ordered(key, film.loans, (l) => [l.copyIndex, l.borrower, l.lentOn, l.dueOn, l.returnedOn]),
  );
  if (film.poster) {
    const { mediaType, bytes } = decodePoster(film.poster);
    insertRows(sqlite, 'film_posters', ['film_key', 'media_type', 'data'], [[key, mediaType, bytes]]);
  }
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
