import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFacets, facetSql } from '../../src/main/library/browse-facets';
import { today } from '../../src/main/library/browse-conditions';
import {
  facetQuerySchema,
  type FacetCount,
  type FacetQuery,
  type Facets,
  type FilmFilterInput,
} from '../../src/shared/browse';
import { TRASHED, browseFilms, seededLibrary, type SeededLibrary } from '../support/browse-films';

/**
 * The filter lists' counts against a brute-force count in JS over the films themselves. The films
 * found come from browse's page of results (another path than the counts'), and each list is then
 * counted from the raw rows. Counting either looks the films found up by key or walks each list's
 * index (beyond a size met only in large libraries): limits of 0 force the walks here.
 */

let seeded: SeededLibrary;
beforeAll(async () => {
  seeded = await seededLibrary(browseFilms());
  // 'Alien Trash' in the trash: a search for 'alien' matches it, and no count may include it.
  seeded.library.trash([TRASHED]);
});
afterAll(() => seeded.close());

type FilmRow = {
  key: number;
  id: string;
  year: number | null;
  user_rating: number | null;
  seen: number;
  open_loans: number;
  next_due_on: string | null;
};

/** Keys of the films a search and filter find, as browse lists them. */
function foundKeys(sqlite: Database.Database, search: string, filter: FilmFilterInput): Set<number> {
  const page = seeded.library.list({ search, filter, sort: 'title', limit: 500 });
  expect(page.total).toBe(page.films.length);
  const keyOf = sqlite.prepare('SELECT key FROM films WHERE id = ?').pluck();
  return new Set(page.films.map((film) => keyOf.get(film.id) as number));
}

const byCountThenValue = (a: FacetCount, b: FacetCount) =>
  b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** Distinct films per value, most first, then by value. */
function tally(rows: readonly { film: number; value: string }[], films: Set<number>): FacetCount[] {
  const byValue = new Map<string, Set<number>>();
  for (const { film, value } of rows) {
    if (!films.has(film)) continue;
    byValue.set(value, (byValue.get(value) ?? new Set()).add(film));
  }
  return [...byValue].map(([value, set]) => ({ value, count: set.size })).sort(byCountThenValue);
}

function bruteForce(sqlite: Database.Database, input: FacetQuery): Facets {
  const { search, filter } = facetQuerySchema.parse(input);
  const found = foundKeys(sqlite, search, filter);
  // A list whose own filter allows one value counts as if that filter were off.
  const without = (part: Partial<FilmFilterInput>) => foundKeys(sqlite, search, { ...filter, ...part });
  const films = sqlite.prepare('SELECT * FROM films').all() as FilmRow[];
  const terms = (kind: string) =>
    sqlite.prepare('SELECT film_key AS film, value FROM film_terms WHERE kind = ?').all(kind) as {
      film: number;
      value: string;
    }[];
  const media = sqlite.prepare('SELECT film_key AS film, medium AS value FROM film_copies').all() as {
    film: number;
    value: string;
  }[];
  const directors = sqlite
    .prepare(
      `SELECT c.film_key AS film, p.name AS value FROM film_credits c JOIN people p ON p.key = c.person_key
        WHERE c.role = 'director'`,
    )
    .all() as { film: number; value: string }[];

  const yearFound = without({ yearFrom: null, yearTo: null });
  const years = films.filter((f) => yearFound.has(f.key) && f.year !== null).map((f) => f.year!);
  const decades = new Map<number, number>();
  for (const year of years)
    decades.set(Math.floor(year / 10) * 10, (decades.get(Math.floor(year / 10) * 10) ?? 0) + 1);
  const ratingFound = without({ ratingFrom: null, ratingTo: null });
  const ratings = new Map<number | null, number>();
  for (const f of films.filter((f) => ratingFound.has(f.key)))
    ratings.set(f.user_rating, (ratings.get(f.user_rating) ?? 0) + 1);
  const seenFound = films.filter((f) => without({ seen: null }).has(f.key));
  const loanFound = films.filter((f) => without({ loan: null }).has(f.key) && f.open_loans > 0);
  return {
    total: found.size,
    genres: tally(terms('genre'), found),
    tags: tally(terms('tag'), found),
    decades: [...decades]
      .sort(([a], [b]) => a - b)
      .map(([decade, count]) => ({ value: `${decade}s`, count })),
    years: years.length === 0 ? null : { min: Math.min(...years), max: Math.max(...years) },
    media: tally(media, without({ medium: null })),
    directors: tally(directors, found).slice(0, 40),
    ratings: [...ratings]
      .map(([rating, count]) => ({ rating, count }))
      .sort((a, b) => (a.rating ?? -1) - (b.rating ?? -1)),
    seen: {
      seen: seenFound.filter((f) => f.seen === 1).length,
      unseen: seenFound.filter((f) => f.seen !== 1).length,
    },
    onLoan: loanFound.length,
    overdue: loanFound.filter((f) => f.next_due_on !== null && f.next_due_on < today()).length,
  };
}

const queries: [string, FacetQuery][] = [
  ['the whole library', {}],
  ['a search', { search: 'alien' }],
  ['a search and a genre', { search: 'alien', filter: { genres: ['Science Fiction'] } }],
  ['a search and a decade', { search: 'alien', filter: { yearFrom: 1980, yearTo: 1989 } }],
  ['a genre and a decade', { filter: { genres: ['Science Fiction'], yearFrom: 1980, yearTo: 1989 } }],
  [
    'a genre, a medium and years, seen',
    { filter: { genres: ['Comedy'], medium: 'DVD', yearFrom: 1990, seen: true } },
  ],
  ['a genre and a medium, unseen', { filter: { genres: ['Comedy'], medium: 'DVD', seen: false } }],
  ['films on loan from 1980', { filter: { loan: 'on-loan', yearFrom: 1980 } }],
  ['overdue films rated 7 or more', { filter: { loan: 'overdue', ratingFrom: 7 } }],
  ['a search finding nothing', { search: 'zzzzqx' }],
];

/** Limits that make every list walk its index, or count the whole library less the films left out. */
const WALKING = { lists: 0, directors: 0, films: 0, leftOut: -1, directorsLeftOut: 0 };
const SUBTRACTING = {
  lists: 0,
  directors: 0,
  films: 0,
  leftOut: Number.POSITIVE_INFINITY,
  directorsLeftOut: 1000,
};

describe('filter counts agree with counting the films one by one', () => {
  it.each(queries)('over %s, looking the films found up by key', (_, query) => {
    expect(countFacets(seeded.library.sqlite, query)).toEqual(bruteForce(seeded.library.sqlite, query));
  });

  it.each(queries)('over %s, walking each list’s index', (_, query) => {
    expect(countFacets(seeded.library.sqlite, query, WALKING)).toEqual(
      bruteForce(seeded.library.sqlite, query),
    );
  });

  it.each(queries)('over %s, counting the whole library less the films left out', (_, query) => {
    expect(countFacets(seeded.library.sqlite, query, SUBTRACTING)).toEqual(
      bruteForce(seeded.library.sqlite, query),
    );
  });

  it('subtracting, each list is counted over the whole library and over the films left out by key', () => {
    const sqlite = seeded.library.sqlite;
    const sql = facetSql(sqlite, { search: 'alien' }, SUBTRACTING);
    expect(Object.keys(sql).sort()).toEqual(
      [
        'total',
        'directors',
        'directors over the whole library',
        'directors left out',
        ...['genres', 'tags', 'media', 'films:years', 'films:ratings', 'films:seen', 'films:loans'].flatMap(
          (name) => [name, `${name} left out`],
        ),
      ].sort(),
    );
    const films = sqlite
      .prepare('SELECT count(*) FROM films WHERE deleted_at IS NULL')
      .pluck()
      .get() as number;
    const found = (sqlite.prepare(sql.total!.sql).get() as { count: number }).count;
    const table = /temp\.(browse_found_\d+_left_out)/.exec(sql['genres left out']!.sql)?.[1];
    expect(sqlite.prepare(`SELECT count(*) FROM temp.${table}`).pluck().get()).toBe(films - found);
    expect(sql.genres!.sql).not.toMatch(/temp\./);
    expect(sql['directors over the whole library']!.sql).not.toMatch(/temp\./);
    // With the default limits, a small library's searches look their films up by key.
    expect(Object.keys(facetSql(sqlite, { search: 'alien' }))).not.toContain('genres left out');
  });

  it('walking, each list reads only a covering index and tests it against the films found', () => {
    const sql = facetSql(
      seeded.library.sqlite,
      { search: 'alien', filter: { genres: ['Science Fiction'] } },
      WALKING,
    );
    for (const [name, clause] of Object.entries(sql)) {
      if (name === 'total') continue;
      const lines = (
        seeded.library.sqlite.prepare(`EXPLAIN QUERY PLAN ${clause.sql}`).all(clause.params) as {
          detail: string;
        }[]
      ).map((row) => row.detail);
      const reads = lines.filter((line) => /^(SCAN|SEARCH) (f|t|c)\b/.test(line));
      expect(reads, `${name}:\n${lines.join('\n')}`).toHaveLength(1);
      expect(reads[0], name).toMatch(/^(SCAN|SEARCH) \w+ USING COVERING INDEX/);
      expect(lines.join('\n'), name).toMatch(/SEARCH ON TABLE browse_found_\d+ FOR IN-OPERATOR/);
    }
  });
});

describe('directors subtracted: the top 40 after taking the films left out away', () => {
  /**
   * 70 directors: Director 00–09 made 7 films each, 10–19 six, and so on to 60–69 one each (280
   * films). The search "kept" finds all but the films titled "gone": three of Director 00's, one
   * of 05's, two of 35's, one each of 38's and 41's. Their places fall, and the 40th place goes to
   * directors of three films, tied and ordered by name, that the top 40 of the whole library does
   * not hold.
   */
  const director = (n: number) => `Director ${String(n).padStart(2, '0')}`;
  const gone: Record<number, number> = { 0: 3, 5: 1, 35: 2, 38: 1, 41: 1 };
  const films = Array.from({ length: 70 }, (_, n) =>
    Array.from({ length: 7 - Math.floor(n / 10) }, (_, j) => ({
      title: `${j < (gone[n] ?? 0) ? 'Gone' : 'Kept'} ${n}-${j}`,
      year: 2000,
      directors: [director(n)],
    })),
  ).flat();
  let library: SeededLibrary;
  beforeAll(async () => {
    library = await seededLibrary(films);
  });
  afterAll(() => library.close());

  /** The top 40 counted in JS over the films the search finds. */
  function expected(): FacetCount[] {
    const byName = new Map<string, number>();
    for (const film of films.filter((f) => f.title.startsWith('Kept'))) {
      for (const name of film.directors) byName.set(name, (byName.get(name) ?? 0) + 1);
    }
    return [...byName]
      .map(([value, count]) => ({ value, count }))
      .sort(byCountThenValue)
      .slice(0, 40);
  }

  const limits = (directorsLeftOut: number) => ({ ...SUBTRACTING, directorsLeftOut });

  it('equals counting the films found, however few directors the whole library’s list keeps', () => {
    const sqlite = library.library.sqlite;
    const leftOut = Object.keys(gone).length;
    // The whole library's top 40 (counts 7 to 4) leaves out directors of three films that belong.
    expect(expected().map((row) => row.value)).toContain(director(40));
    for (const cap of [leftOut, leftOut + 3, 1000]) {
      const sql = facetSql(sqlite, { search: 'kept' }, limits(cap));
      expect(Object.keys(sql)).toContain('directors left out');
      // As many as may be subtracted, and those tied with the last: counts of 3 and more here.
      const whole = sqlite.prepare(sql['directors over the whole library']!.sql).all() as FacetCount[];
      if (cap === leftOut) expect(whole).toHaveLength(50);
      expect(countFacets(sqlite, { search: 'kept' }, limits(cap)).directors).toEqual(expected());
    }
    // More directors left out than may be subtracted: counted over the films found instead.
    expect(countFacets(sqlite, { search: 'kept' }, limits(leftOut - 1)).directors).toEqual(expected());
  });
});
