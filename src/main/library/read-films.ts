import type Database from 'better-sqlite3';
import type { Film, Money } from '../../shared/film-schema';
import { encodePoster, prepared } from './film-rows';

type Sqlite = Database.Database;

/** One row as an array, its cells in the order its SELECT names them; the first is the film key. */
type Cells = unknown[];

/**
 * Films a query set reads at most. Each table is read once per batch, so a large batch costs few
 * queries (20 per 1,000 films); the keys go in as one JSON array, so one prepared statement per
 * table serves every batch size (an `IN (?, ?, …)` list would compile and cache one per length).
 */
const BATCH = 1000;
const IN_KEYS = 'IN (SELECT value FROM json_each(?))';

/** Picks a batch's rows by key: a JSON array of keys (any order), or a contiguous key range. */
const IN_RANGE = 'BETWEEN ? AND ?';

/** A child table's rows for a batch of films, film by film, each film's rows in position order. */
const childSql = (where: string, table: string, columns: string, orderBy = 'position') =>
  `SELECT film_key, ${columns} FROM ${table} WHERE film_key ${where} ORDER BY film_key, ${orderBy}`;

/**
 * Every child table, read as arrays (`raw`), not objects: a light film has ~20 child rows and a
 * full one ~100, so naming each cell would cost more than the query itself. `where` picks the
 * films: a key list (random seeks) or a key range (one sequential walk of each primary key).
 */
const childQueries = (where: string) => ({
  // Roles sort cast < crew < director; buildFilm splits them.
  credits: `SELECT c.film_key, c.role, p.name, c.character, c.description, c.job
    FROM film_credits c JOIN people p ON p.key = c.person_key
    WHERE c.film_key ${where} ORDER BY c.film_key, c.role, c.position`,
  terms: childSql(where, 'film_terms', 'kind, value', 'kind, position'),
  externalIds: childSql(where, 'film_external_ids', 'source, value', 'source'),
  ratings: childSql(where, 'film_ratings', 'source, value, scale, votes'),
  sections: childSql(where, 'film_sections', 'kind, heading, body', 'kind, position'),
  quotes: childSql(where, 'film_quotes', 'speaker, text, context'),
  criticReviews: childSql(where, 'film_critic_reviews', 'outlet, text, url, score'),
  audienceReactions: childSql(where, 'film_audience_reactions', 'headline, detail'),
  awards: childSql(where, 'film_awards', 'event, category, year, result'),
  providers: childSql(where, 'film_providers', 'name, kind, url'),
  similar: childSql(where, 'film_similar', 'title, year, reason, similar_film_id'),
  products: childSql(where, 'film_products', 'name, description, url'),
  tracks: childSql(where, 'film_tracks', 'title, performer'),
  faq: childSql(where, 'film_faq', 'question, answer'),
  bonus: childSql(where, 'film_bonus', 'title, description, url'),
  watched: childSql(where, 'film_watched', 'date, note'),
  copies: childSql(
    where,
    'film_copies',
    'medium, edition, region, location, barcode, acquired, price_amount, price_currency',
  ),
  loans: childSql(where, 'film_loans', 'copy_index, borrower, lent_on, due_on, returned_on'),
});

const CHILD_QUERIES = childQueries(IN_KEYS);
const RANGE_CHILD_QUERIES = childQueries(IN_RANGE);

const POSTER_QUERY = childSql(IN_KEYS, 'film_posters', 'media_type, data', 'film_key');
const RANGE_POSTER_QUERY = childSql(IN_RANGE, 'film_posters', 'media_type, data', 'film_key');

type ChildName = keyof typeof CHILD_QUERIES | 'posters';
type Children = Record<ChildName, Map<number, Cells[]>>;

const FILM_COLUMNS = `key, id, title, original_title, sort_title, year, runtime_minutes,
  trailer_label, trailer_url, quip, budget_amount, budget_currency, domestic_amount,
  domestic_currency, worldwide_amount, worldwide_currency, personal_review, personal_review_text,
  consensus, where_to_watch, where_to_watch_note, soundtrack, soundtrack_note, user_rating, notes,
  added_at, updated_at`;
const FILM_QUERY = `SELECT ${FILM_COLUMNS} FROM films WHERE key ${IN_KEYS}`;
const RANGE_FILM_QUERY = `SELECT ${FILM_COLUMNS} FROM films WHERE key ${IN_RANGE} ORDER BY key`;

/** Rows grouped by film key (their first cell), keeping the query's order within each film. */
function rowsByFilm(sqlite: Sqlite, sql: string, params: readonly unknown[]): Map<number, Cells[]> {
  const rows = prepared(sqlite, sql)
    .raw()
    .all(...params) as Cells[];
  const byFilm = new Map<number, Cells[]>();
  for (const row of rows) {
    const key = row[0] as number;
    const list = byFilm.get(key);
    if (list) list.push(row);
    else byFilm.set(key, [row]);
  }
  return byFilm;
}

const NONE: readonly Cells[] = Object.freeze([]);

const text = (value: unknown) => (value ?? null) as string | null;
const num = (value: unknown) => (value ?? null) as number | null;
const money = (amount: unknown, currency: unknown): Money | null =>
  amount === null || amount === undefined ? null : { amount: amount as number, currency: currency as string };

/** Rows of one kind (cell 1) among rows sorted by kind, mapped. */
function ofKind<T>(rows: readonly Cells[], kind: string, map: (row: Cells) => T): T[] {
  const found: T[] = [];
  for (const row of rows) if (row[1] === kind) found.push(map(row));
  return found;
}

/**
 * A film from its row and its children's rows. The object is built in the record's key order
 * (FILM_KEYS), so it serialises canonically as it stands.
 */
function buildFilm(film: Cells, children: Children, posters: boolean): Film {
  const key = film[0] as number;
  const rows = (name: ChildName) => children[name].get(key) ?? NONE;
  const credits = rows('credits');
  const terms = rows('terms');
  const term = (kind: string) => ofKind(terms, kind, (r) => r[2] as string);
  const sections = (kind: string) =>
    ofKind(rows('sections'), kind, (r) => ({ heading: text(r[2]), body: r[3] as string }));
  const poster = posters ? rows('posters')[0] : undefined;
  const [
    ,
    id,
    title,
    originalTitle,
    sortTitle,
    year,
    runtimeMinutes,
    trailerLabel,
    trailerUrl,
    quip,
    budgetAmount,
    budgetCurrency,
    domesticAmount,
    domesticCurrency,
    worldwideAmount,
    worldwideCurrency,
    personalReview,
    personalReviewText,
    consensus,
    whereToWatch,
    whereToWatchNote,
    soundtrack,
    soundtrackNote,
    userRating,
    notes,
    addedAt,
    updatedAt,
  ] = film;
  return {
    id: id as string,
    title: title as string,
    originalTitle: text(originalTitle),
    sortTitle: sortTitle as string,
    year: num(year),
    runtimeMinutes: num(runtimeMinutes),
    genres: term('genre'),
    directors: ofKind(credits, 'director', (r) => r[2] as string),
    trailer: trailerLabel === null ? null : { label: trailerLabel as string, url: text(trailerUrl) },
    ratings: rows('ratings').map((r) => ({
      source: r[1] as string,
      value: r[2] as number,
      scale: r[3] as number,
      votes: num(r[4]),
    })),
    externalIds: Object.fromEntries(rows('externalIds').map((r) => [r[1] as string, r[2] as string])),
    quip: text(quip),
    synopsis: sections('synopsis'),
    spoilers: sections('spoilers'),
    cast: ofKind(credits, 'cast', (r) => ({
      person: r[2] as string,
      character: text(r[3]),
      description: text(r[4]),
    })),
    crew: ofKind(credits, 'crew', (r) => ({ person: r[2] as string, job: r[5] as string })),
    quotes: rows('quotes').map((r) => ({ speaker: text(r[1]), text: r[2] as string, context: text(r[3]) })),
    boxOffice: {
      budget: money(budgetAmount, budgetCurrency),
      domestic: money(domesticAmount, domesticCurrency),
      worldwide: money(worldwideAmount, worldwideCurrency),
    },
    personalReview: personalReview
      ? {
          text: text(personalReviewText),
          audience: term('audience'),
          contentWarnings: term('content_warning'),
        }
      : null,
    criticReviews: rows('criticReviews').map((r) => ({
      outlet: r[1] as string,
      text: r[2] as string,
      url: text(r[3]),
      score: text(r[4]),
    })),
    audienceReactions: rows('audienceReactions').map((r) => ({
      headline: r[1] as string,
      detail: text(r[2]),
    })),
    consensus: text(consensus),
    awards: rows('awards').map((r) => ({
      event: r[1] as string,
      category: text(r[2]),
      year: num(r[3]),
      result: r[4] as 'won' | 'nominated',
    })),
    trivia: term('trivia'),
    whereToWatch: whereToWatch
      ? {
          note: text(whereToWatchNote),
          providers: rows('providers').map((r) => ({
            name: r[1] as string,
            kind: text(r[2]) as 'stream' | 'rent' | 'buy' | null,
            url: text(r[3]),
          })),
        }
      : null,
    similar: rows('similar').map((r) => ({
      title: r[1] as string,
      year: num(r[2]),
      reason: text(r[3]),
      filmId: text(r[4]),
    })),
    products: rows('products').map((r) => ({
      name: r[1] as string,
      description: text(r[2]),
      url: text(r[3]),
    })),
    soundtrack: soundtrack
      ? {
          note: text(soundtrackNote),
          tracks: rows('tracks').map((r) => ({ title: r[1] as string, performer: text(r[2]) })),
        }
      : null,
    faq: rows('faq').map((r) => ({ question: text(r[1]), answer: r[2] as string })),
    bonus: rows('bonus').map((r) => ({
      title: r[1] as string,
      description: text(r[2]),
      url: text(r[3]),
    })),
    userRating: num(userRating),
    watched: rows('watched').map((r) => ({ date: text(r[1]), note: text(r[2]) })),
    copies: rows('copies').map((r) => ({
      medium: r[1] as string,
      edition: text(r[2]),
      region: text(r[3]),
      location: text(r[4]),
      barcode: text(r[5]),
      acquired: text(r[6]),
      price: money(r[7], r[8]),
    })),
    loans: rows('loans').map((r) => ({
      copyIndex: num(r[1]),
      borrower: r[2] as string,
      lentOn: r[3] as string,
      dueOn: text(r[4]),
      returnedOn: text(r[5]),
    })),
    tags: term('tag'),
    notes: text(notes),
    poster: poster ? encodePoster(poster[1] as string, poster[2] as Uint8Array) : null,
    addedAt: addedAt as string,
    updatedAt: updatedAt as string,
  };
}

/** Every child table's rows for the films `params` pick, grouped by film. */
function readChildren(
  sqlite: Sqlite,
  queries: Record<string, string>,
  posterQuery: string | null,
  params: readonly unknown[],
): Children {
  const children = {
    posters: posterQuery ? rowsByFilm(sqlite, posterQuery, params) : new Map(),
  } as Children;
  for (const [name, sql] of Object.entries(queries))
    children[name as ChildName] = rowsByFilm(sqlite, sql, params);
  return children;
}

/** Reads whole films by key, in the order of `keys` (keys that are gone are skipped), 20 queries per 1,000 films. */
export function readFilms(
  sqlite: Sqlite,
  keys: readonly number[],
  options: { posters?: boolean } = {},
): Film[] {
  const posters = options.posters !== false;
  const films: Film[] = [];
  for (let start = 0; start < keys.length; start += BATCH) {
    const batch = keys.slice(start, start + BATCH);
    const json = JSON.stringify(batch);
    const filmRows = prepared(sqlite, FILM_QUERY).raw().all(json) as Cells[];
    const byKey = new Map(filmRows.map((row) => [row[0] as number, row]));
    const children = readChildren(sqlite, CHILD_QUERIES, posters ? POSTER_QUERY : null, [json]);
    for (const key of batch) {
      const row = byKey.get(key);
      if (row) films.push(buildFilm(row, children, posters));
    }
  }
  return films;
}

/**
 * The size in bytes of each poster among `keys` (films without one are absent), without reading
 * the images: SQLite answers `length()` of a BLOB from its record header. Lets a caller size its
 * batches by the posters actually there.
 */
export function posterBytes(sqlite: Sqlite, keys: readonly number[]): Map<number, number> {
  const sizes = new Map<number, number>();
  for (let start = 0; start < keys.length; start += BATCH) {
    const json = JSON.stringify(keys.slice(start, start + BATCH));
    const sql = `SELECT film_key, length(data) FROM film_posters WHERE film_key ${IN_KEYS}`;
    for (const [key, bytes] of prepared(sqlite, sql).raw().all(json) as [number, number][])
      sizes.set(key, bytes);
  }
  return sizes;
}

/**
 * Reads the whole films among `keys` (ascending) in key order, with range scans over the contiguous
 * key span `keys` covers: each table's primary-key index is walked sequentially instead of sought
 * film by film, several times cheaper per row when the span is dense with wanted films. Films in
 * the span but not in `keys` (trashed, filtered out) are read and dropped, so a caller should take
 * this path only when `keys` covers most of its span. Keys that are gone are skipped.
 */
export function readFilmsInKeyRange(
  sqlite: Sqlite,
  keys: readonly number[],
  options: { posters?: boolean } = {},
): { keys: number[]; films: Film[] } {
  const read = { keys: [] as number[], films: [] as Film[] };
  if (keys.length === 0) return read;
  const posters = options.posters !== false;
  const wanted = new Set(keys);
  const params = [keys[0], keys[keys.length - 1]];
  const filmRows = prepared(sqlite, RANGE_FILM_QUERY)
    .raw()
    .all(...params) as Cells[];
  const children = readChildren(sqlite, RANGE_CHILD_QUERIES, posters ? RANGE_POSTER_QUERY : null, params);
  for (const row of filmRows) {
    const key = row[0] as number;
    if (!wanted.has(key)) continue;
    read.keys.push(key);
    read.films.push(buildFilm(row, children, posters));
  }
  return read;
}

/** posterBytes for the films in the key range `first`..`last`. */
export function posterBytesInKeyRange(sqlite: Sqlite, first: number, last: number): Map<number, number> {
  const sql = `SELECT film_key, length(data) FROM film_posters WHERE film_key ${IN_RANGE}`;
  return new Map(prepared(sqlite, sql).raw().all(first, last) as [number, number][]);
}
