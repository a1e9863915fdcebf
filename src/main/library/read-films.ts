import type Database from 'better-sqlite3';
import type { Film, Money } from '../../shared/film-schema';
import { encodePoster, prepared, type Row } from './film-rows';

type Sqlite = Database.Database;

const BATCH = 400;

/** Child rows of many films at once, grouped by film key, in position order. */
function childRows(
  sqlite: Sqlite,
  table: string,
  keys: readonly number[],
  orderBy = 'position',
): Map<number, Row[]> {
  const placeholders = keys.map(() => '?').join(', ');
  const rows = prepared(
    sqlite,
    `SELECT * FROM ${table} WHERE film_key IN (${placeholders}) ORDER BY film_key, ${orderBy}`,
  ).all(keys) as Row[];
  return groupByFilm(rows);
}

function groupByFilm(rows: readonly Row[]): Map<number, Row[]> {
  const byFilm = new Map<number, Row[]>();
  for (const row of rows) {
    const key = row.film_key as number;
    const list = byFilm.get(key);
    if (list) list.push(row);
    else byFilm.set(key, [row]);
  }
  return byFilm;
}

const text = (value: unknown) => (value ?? null) as string | null;
const num = (value: unknown) => (value ?? null) as number | null;
const money = (amount: unknown, currency: unknown): Money | null =>
  amount === null || amount === undefined ? null : { amount: amount as number, currency: currency as string };

type Children = Record<string, Map<number, Row[]>>;

function group(children: Children, table: string, key: number, filter?: (row: Row) => boolean): Row[] {
  const rows = children[table]?.get(key) ?? [];
  return filter ? rows.filter(filter) : rows;
}

function buildFilm(film: Row, children: Children, posters: boolean): Film {
  const key = film.key as number;
  const rows = (table: string, filter?: (row: Row) => boolean) => group(children, table, key, filter);
  const credits = (role: string) => rows('film_credits', (r) => r.role === role);
  const terms = (kind: string) => rows('film_terms', (r) => r.kind === kind).map((r) => r.value as string);
  const sections = (kind: string) =>
    rows('film_sections', (r) => r.kind === kind).map((r) => ({
      heading: text(r.heading),
      body: r.body as string,
    }));
  const poster = rows('film_posters')[0];
  return {
    id: film.id as string,
    title: film.title as string,
    originalTitle: text(film.original_title),
    sortTitle: film.sort_title as string,
    year: num(film.year),
    runtimeMinutes: num(film.runtime_minutes),
    genres: terms('genre'),
    directors: credits('director').map((r) => r.name as string),
    trailer:
      film.trailer_label === null
        ? null
        : { label: film.trailer_label as string, url: text(film.trailer_url) },
    ratings: rows('film_ratings').map((r) => ({
      source: r.source as string,
      value: r.value as number,
      scale: r.scale as number,
      votes: num(r.votes),
    })),
    externalIds: Object.fromEntries(
      rows('film_external_ids').map((r) => [r.source as string, r.value as string]),
    ),
    quip: text(film.quip),
    synopsis: sections('synopsis'),
    spoilers: sections('spoilers'),
    cast: credits('cast').map((r) => ({
      person: r.name as string,
      character: text(r.character),
      description: text(r.description),
    })),
    crew: credits('crew').map((r) => ({ person: r.name as string, job: r.job as string })),
    quotes: rows('film_quotes').map((r) => ({
      speaker: text(r.speaker),
      text: r.text as string,
      context: text(r.context),
    })),
    boxOffice: {
      budget: money(film.budget_amount, film.budget_currency),
      domestic: money(film.domestic_amount, film.domestic_currency),
      worldwide: money(film.worldwide_amount, film.worldwide_currency),
    },
    personalReview: film.personal_review
      ? {
          text: text(film.personal_review_text),
          audience: terms('audience'),
          contentWarnings: terms('content_warning'),
        }
      : null,
    criticReviews: rows('film_critic_reviews').map((r) => ({
      outlet: r.outlet as string,
      text: r.text as string,
      url: text(r.url),
      score: text(r.score),
    })),
    audienceReactions: rows('film_audience_reactions').map((r) => ({
      headline: r.headline as string,
      detail: text(r.detail),
    })),
    consensus: text(film.consensus),
    awards: rows('film_awards').map((r) => ({
      event: r.event as string,
      category: text(r.category),
      year: num(r.year),
      result: r.result as 'won' | 'nominated',
    })),
    trivia: terms('trivia'),
    whereToWatch: film.where_to_watch
      ? {
          note: text(film.where_to_watch_note),
          providers: rows('film_providers').map((r) => ({
            name: r.name as string,
            kind: text(r.kind) as 'stream' | 'rent' | 'buy' | null,
            url: text(r.url),
          })),
        }
      : null,
    similar: rows('film_similar').map((r) => ({
      title: r.title as string,
      year: num(r.year),
      reason: text(r.reason),
      filmId: text(r.similar_film_id),
    })),
    products: rows('film_products').map((r) => ({
      name: r.name as string,
      description: text(r.description),
      url: text(r.url),
    })),
    soundtrack: film.soundtrack
      ? {
          note: text(film.soundtrack_note),
          tracks: rows('film_tracks').map((r) => ({
            title: r.title as string,
            performer: text(r.performer),
          })),
        }
      : null,
    faq: rows('film_faq').map((r) => ({ question: text(r.question), answer: r.answer as string })),
    bonus: rows('film_bonus').map((r) => ({
      title: r.title as string,
      description: text(r.description),
      url: text(r.url),
    })),
    userRating: num(film.user_rating),
    watched: rows('film_watched').map((r) => ({ date: text(r.date), note: text(r.note) })),
    copies: rows('film_copies').map((r) => ({
      medium: r.medium as string,
      edition: text(r.edition),
      region: text(r.region),
      location: text(r.location),
      barcode: text(r.barcode),
      acquired: text(r.acquired),
      price: money(r.price_amount, r.price_currency),
    })),
    loans: rows('film_loans').map((r) => ({
      copyIndex: num(r.copy_index),
      borrower: r.borrower as string,
      lentOn: r.lent_on as string,
      dueOn: text(r.due_on),
      returnedOn: text(r.returned_on),
    })),
    tags: terms('tag'),
    notes: text(film.notes),
    poster: posters && poster ? encodePoster(poster.media_type as string, poster.data as Uint8Array) : null,
    addedAt: film.added_at as string,
    updatedAt: film.updated_at as string,
  };
}

const CHILD_QUERIES: [table: string, orderBy: string][] = [
  ['film_terms', 'kind, position'],
  ['film_external_ids', 'source'],
  ['film_ratings', 'position'],
  ['film_sections', 'kind, position'],
  ['film_quotes', 'position'],
  ['film_critic_reviews', 'position'],
  ['film_audience_reactions', 'position'],
  ['film_awards', 'position'],
  ['film_providers', 'position'],
  ['film_similar', 'position'],
  ['film_products', 'position'],
  ['film_tracks', 'position'],
  ['film_faq', 'position'],
  ['film_bonus', 'position'],
  ['film_watched', 'position'],
  ['film_copies', 'position'],
  ['film_loans', 'position'],
];

function creditRows(sqlite: Sqlite, keys: readonly number[]): Map<number, Row[]> {
  const placeholders = keys.map(() => '?').join(', ');
  const rows = prepared(
    sqlite,
    `SELECT c.*, p.name FROM film_credits c JOIN people p ON p.key = c.person_key
     WHERE c.film_key IN (${placeholders}) ORDER BY c.film_key, c.role, c.position`,
  ).all(keys) as Row[];
  return groupByFilm(rows);
}

/** Reads whole films by key, in the order of `keys`, a batch of queries per 400 films. */
export function readFilms(
  sqlite: Sqlite,
  keys: readonly number[],
  options: { posters?: boolean } = {},
): Film[] {
  const films: Film[] = [];
  for (let start = 0; start < keys.length; start += BATCH) {
    const batch = keys.slice(start, start + BATCH);
    const placeholders = batch.map(() => '?').join(', ');
    const filmRows = prepared(sqlite, `SELECT * FROM films WHERE key IN (${placeholders})`).all(
      batch,
    ) as Row[];
    const byKey = new Map(filmRows.map((row) => [row.key as number, row]));
    const children: Children = { film_credits: creditRows(sqlite, batch) };
    for (const [table, orderBy] of CHILD_QUERIES) children[table] = childRows(sqlite, table, batch, orderBy);
    if (options.posters !== false)
      children.film_posters = childRows(sqlite, 'film_posters', batch, 'film_key');
    for (const key of batch) {
      const row = byKey.get(key);
      if (row) films.push(buildFilm(row, children, options.posters !== false));
    }
  }
  return films;
}
