import type { Film, Money, Rating } from '../../src/shared/film-schema';
import { searchText } from '../../src/main/library/search-text';

/**
 * A film as plain table rows, made in memory before the raw limit is timed: the same rows the
 * library's write path produces (tables of migrations 0001–0003), including the browse columns
 * that migration 0002's triggers would compute, and the same search-index text.
 */

/** Every table the raw limit fills, with its columns, in insert order (parents first). */
export const RAW_TABLES = {
  films: [
    'key',
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
    'sort_directors',
    'sort_genres',
    'imdb_rating',
    'rotten_tomatoes',
    'seen',
    'sort_media',
    'sort_locations',
    'open_loans',
    'next_due_on',
  ],
  people: ['key', 'name'],
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
  films_fts: [
    'rowid',
    'title',
    'people',
    'characters',
    'quotes',
    'story',
    'trivia',
    'reviews',
    'tags',
    'notes',
  ],
} as const;

export type RawTable = keyof typeof RAW_TABLES;
type Rows = unknown[][];

const moneyColumns = (money: Money | null) => [money?.amount ?? null, money?.currency ?? null];
const flag = (value: unknown) => (value === null ? 0 : 1);
const ratingOn = (ratings: readonly Rating[], sources: readonly string[], scale: number) => {
  const rating = ratings.find((r) => sources.includes(r.source.toLowerCase()));
  return rating ? (rating.value * scale) / rating.scale : null;
};
const ordered = <T>(key: number, items: readonly T[], values: (item: T) => unknown[]): Rows =>
  items.map((item, position) => [key, position, ...values(item)]);

/**
 * What migration 0002's triggers keep on the film row, computed here instead: a repeated group
 * sorts by its first entry (first director, genre, copy), ratings by the first IMDb and Rotten
 * Tomatoes ones. The smoke test compares these with what the triggers write.
 */
function browseColumns(film: Film): unknown[] {
  const open = film.loans.filter((loan) => loan.returnedOn === null);
  const due = open
    .map((loan) => loan.dueOn)
    .filter((day): day is string => day !== null)
    .sort();
  const [firstCopy] = film.copies;
  return [
    film.directors[0] ?? null,
    film.genres[0] ?? null,
    ratingOn(film.ratings, ['imdb'], 10),
    ratingOn(film.ratings, ['rotten tomatoes', 'rottentomatoes', 'rt'], 100),
    film.watched.length > 0 ? 1 : 0,
    firstCopy?.medium ?? null,
    firstCopy?.location ?? null,
    open.length,
    due[0] ?? null,
  ];
}

function filmRow(key: number, film: Film): unknown[] {
  return [
    key,
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
    ...browseColumns(film),
  ];
}

/** Rows of many films, in memory, ready to insert; people are shared rows, keyed as the library keys them. */
export class RawRows {
  readonly tables: Record<RawTable, Rows> = Object.fromEntries(
    Object.keys(RAW_TABLES).map((table) => [table, []]),
  ) as unknown as Record<RawTable, Rows>;
  private readonly people = new Map<string, number>();
  private nextKey = 1;

  /** The number of rows of every table together. */
  get rowCount(): number {
    return Object.values(this.tables).reduce((sum, rows) => sum + rows.length, 0);
  }

  get filmCount(): number {
    return this.tables.films.length;
  }

  private personKey(name: string): number {
    let key = this.people.get(name);
    if (key === undefined) {
      key = this.people.size + 1;
      this.people.set(name, key);
      this.tables.people.push([key, name]);
    }
    return key;
  }

  /** Adds a film as the next film key (1, 2, … as an empty library numbers them). */
  add(film: Film): void {
    const key = this.nextKey++;
    const t = this.tables;
    t.films.push(filmRow(key, film));
    this.addCredits(key, film);
    const terms: [string, readonly string[]][] = [
      ['genre', film.genres],
      ['tag', film.tags],
      ['trivia', film.trivia],
      ['audience', film.personalReview?.audience ?? []],
      ['content_warning', film.personalReview?.contentWarnings ?? []],
    ];
    for (const [kind, values] of terms)
      values.forEach((value, i) => t.film_terms.push([key, kind, i, value]));
    for (const [source, value] of Object.entries(film.externalIds))
      t.film_external_ids.push([key, source, value]);
    t.film_ratings.push(...ordered(key, film.ratings, (r) => [r.source, r.value, r.scale, r.votes]));
    film.synopsis.forEach((s, i) => t.film_sections.push([key, 'synopsis', i, s.heading, s.body]));
    film.spoilers.forEach((s, i) => t.film_sections.push([key, 'spoilers', i, s.heading, s.body]));
    this.addGroups(key, film);
    const text = searchText(film);
    t.films_fts.push([
      key,
      text.title,
      text.people,
      text.characters,
      text.quotes,
      text.story,
      text.trivia,
      text.reviews,
      text.tags,
      text.notes,
    ]);
  }

  private addCredits(key: number, film: Film): void {
    const credits = this.tables.film_credits;
    film.directors.forEach((name, i) =>
      credits.push([key, 'director', i, this.personKey(name), null, null, null]),
    );
    film.cast.forEach((c, i) =>
      credits.push([key, 'cast', i, this.personKey(c.person), c.character, c.description, null]),
    );
    film.crew.forEach((c, i) => credits.push([key, 'crew', i, this.personKey(c.person), null, null, c.job]));
  }

  private addGroups(key: number, film: Film): void {
    const t = this.tables;
    t.film_quotes.push(...ordered(key, film.quotes, (q) => [q.speaker, q.text, q.context]));
    t.film_critic_reviews.push(
      ...ordered(key, film.criticReviews, (r) => [r.outlet, r.text, r.url, r.score]),
    );
    t.film_audience_reactions.push(...ordered(key, film.audienceReactions, (r) => [r.headline, r.detail]));
    t.film_awards.push(...ordered(key, film.awards, (a) => [a.event, a.category, a.year, a.result]));
    t.film_providers.push(
      ...ordered(key, film.whereToWatch?.providers ?? [], (p) => [p.name, p.kind, p.url]),
    );
    t.film_similar.push(...ordered(key, film.similar, (s) => [s.title, s.year, s.reason, s.filmId]));
    t.film_products.push(...ordered(key, film.products, (p) => [p.name, p.description, p.url]));
    t.film_tracks.push(...ordered(key, film.soundtrack?.tracks ?? [], (s) => [s.title, s.performer]));
    t.film_faq.push(...ordered(key, film.faq, (f) => [f.question, f.answer]));
    t.film_bonus.push(...ordered(key, film.bonus, (b) => [b.title, b.description, b.url]));
    t.film_watched.push(...ordered(key, film.watched, (w) => [w.date, w.note]));
    t.film_copies.push(
      ...ordered(key, film.copies, (c) => [
        c.medium,
        c.edition,
        c.region,
        c.location,
        c.barcode,
        c.acquired,
        ...moneyColumns(c.price),
      ]),
    );
    t.film_loans.push(
      ...ordered(key, film.loans, (l) => [l.copyIndex, l.borrower, l.lentOn, l.dueOn, l.returnedOn]),
    );
  }

  /** Empties the tables (people and keys are kept), for writing a large library a chunk at a time. */
  clear(): void {
    for (const rows of Object.values(this.tables)) rows.length = 0;
  }
}
