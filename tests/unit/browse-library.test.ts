import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MATCH_END,
  MATCH_START,
  type FilmFilterInput,
  type ListQuery,
  type SortKey,
} from '../../src/shared/browse';
import {
  ALIEN,
  ALIENS,
  AMELIE,
  BRAZIL,
  browseFilms,
  NAUSICAA,
  seededLibrary,
  TRASHED,
  UNTITLED,
  WORK,
  type SeededLibrary,
} from '../support/browse-films';

let seeded: SeededLibrary;
beforeAll(async () => {
  seeded = await seededLibrary(browseFilms());
  seeded.library.trash([TRASHED]);
});
afterAll(() => seeded.close());

const ids = (query: ListQuery) => seeded.library.list(query).films.map((film) => film.id);
const filtered = (filter: FilmFilterInput, sort: SortKey = 'title') => ids({ filter, sort });

describe('browse sorts', () => {
  const cases: [SortKey, boolean, string[]][] = [
    ['title', false, [ALIEN, ALIENS, AMELIE, BRAZIL, NAUSICAA, UNTITLED, WORK]],
    ['title', true, [WORK, UNTITLED, NAUSICAA, BRAZIL, AMELIE, ALIENS, ALIEN]],
    ['year', false, [UNTITLED, ALIEN, NAUSICAA, BRAZIL, ALIENS, AMELIE, WORK]],
    ['year', true, [WORK, AMELIE, ALIENS, BRAZIL, NAUSICAA, ALIEN, UNTITLED]],
    // Alien and Nausicaä both run 117 minutes: the tie goes by title.
    ['runtime', false, [UNTITLED, WORK, ALIEN, NAUSICAA, AMELIE, BRAZIL, ALIENS]],
    ['rating', true, [AMELIE, ALIEN, ALIENS, BRAZIL, NAUSICAA, UNTITLED, WORK]],
    ['directors', false, [UNTITLED, NAUSICAA, WORK, ALIENS, AMELIE, ALIEN, BRAZIL]],
    ['genres', false, [UNTITLED, ALIENS, NAUSICAA, AMELIE, WORK, ALIEN, BRAZIL]],
    ['imdb', true, [ALIEN, AMELIE, WORK, ALIENS, BRAZIL, NAUSICAA, UNTITLED]],
    ['rottenTomatoes', true, [WORK, ALIENS, ALIEN, AMELIE, BRAZIL, NAUSICAA, UNTITLED]],
    ['seen', false, [ALIENS, BRAZIL, NAUSICAA, UNTITLED, WORK, ALIEN, AMELIE]],
    ['media', false, [NAUSICAA, UNTITLED, WORK, ALIENS, ALIEN, AMELIE, BRAZIL]],
    ['location', false, [NAUSICAA, UNTITLED, WORK, BRAZIL, AMELIE, ALIEN, ALIENS]],
    ['added', false, [AMELIE, WORK, ALIEN, ALIENS, BRAZIL, NAUSICAA, UNTITLED]],
    ['added', true, [UNTITLED, NAUSICAA, BRAZIL, ALIENS, ALIEN, WORK, AMELIE]],
    // Without a search there is nothing to rank: relevance falls back to the title.
    ['relevance', false, [ALIEN, ALIENS, AMELIE, BRAZIL, NAUSICAA, UNTITLED, WORK]],
  ];
  it.each(cases)(
    'by %s (descending: %s), ties by title then year, the trash left out',
    (sort, descending, expected) => {
      expect(ids({ sort, descending })).toEqual(expected);
    },
  );

  it('pages through a sort without gaps or overlaps, from either end', () => {
    const all = ids({ sort: 'runtime' });
    const pages = [0, 2, 4, 6].flatMap((offset) => ids({ sort: 'runtime', offset, limit: 2 }));
    expect(pages).toEqual(all);
    const page = seeded.library.list({ sort: 'runtime', offset: 5, limit: 10 });
    expect(page).toMatchObject({ total: 7, offset: 5 });
    expect(page.films.map((film) => film.id)).toEqual(all.slice(5));
    expect(ids({ offset: 7 })).toEqual([]);
  });
});

describe('browse filters', () => {
  it('by genre, several genres meaning all of them', () => {
    expect(filtered({ genres: ['Science Fiction'] })).toEqual([ALIEN, ALIENS, BRAZIL]);
    expect(filtered({ genres: ['Science Fiction', 'Comedy'] })).toEqual([BRAZIL]);
  });

  it('by tag', () => {
    expect(filtered({ tags: ['Criterion'] })).toEqual([AMELIE, BRAZIL]);
    expect(filtered({ tags: ['Criterion', 'Cult'] })).toEqual([BRAZIL]);
  });

  it('by year range (a decade is one)', () => {
    expect(filtered({ yearFrom: 1980, yearTo: 1989 })).toEqual([ALIENS, BRAZIL, NAUSICAA]);
    expect(filtered({ yearFrom: 2001 })).toEqual([AMELIE, WORK]);
    expect(filtered({ yearTo: 1979 })).toEqual([ALIEN]);
  });

  it('by director, and by person in any role', () => {
    expect(filtered({ director: 'Ridley Scott' })).toEqual([ALIEN]);
    expect(filtered({ director: 'Sigourney Weaver' })).toEqual([]);
    expect(filtered({ person: 'Sigourney Weaver' })).toEqual([ALIEN, ALIENS]);
    expect(filtered({ person: 'Gethin Aldous' })).toEqual([WORK]);
    expect(filtered({ person: 'Nobody At All' })).toEqual([]);
  });

  it('by medium, any copy counting', () => {
    expect(filtered({ medium: 'DVD' })).toEqual([AMELIE, BRAZIL]);
    expect(filtered({ medium: 'Blu-ray' })).toEqual([ALIEN, BRAZIL]);
    expect(filtered({ medium: 'VHS' })).toEqual([]);
  });

  it('by seen and unseen', () => {
    expect(filtered({ seen: true })).toEqual([ALIEN, AMELIE]);
    expect(filtered({ seen: false })).toEqual([ALIENS, BRAZIL, NAUSICAA, UNTITLED, WORK]);
  });

  it('by own rating range', () => {
    expect(filtered({ ratingFrom: 8 })).toEqual([ALIEN, AMELIE]);
    expect(filtered({ ratingFrom: 7, ratingTo: 8.5 })).toEqual([ALIEN, ALIENS]);
  });

  it('by on loan and overdue', () => {
    expect(filtered({ loan: 'on-loan' })).toEqual([ALIEN, ALIENS]);
    expect(filtered({ loan: 'overdue' })).toEqual([ALIEN]);
  });

  it('combines filters with a sort', () => {
    expect(filtered({ genres: ['Science Fiction'], seen: false }, 'year')).toEqual([BRAZIL, ALIENS]);
    expect(
      ids({ filter: { genres: ['Science Fiction'], seen: false }, sort: 'year', descending: true }),
    ).toEqual([ALIENS, BRAZIL]);
  });
});

describe('browse search', () => {
  const search = (text: string) => ids({ search: text, sort: 'relevance' });

  it('matches word prefixes, and ranks a title match above a story match', () => {
    expect(search('alien')).toEqual([ALIEN, ALIENS, BRAZIL]);
    // Both titles start with "ali": either may come first, the story match comes last.
    expect(search('ali').slice(0, 2).sort()).toEqual([ALIEN, ALIENS]);
    expect(search('ali')[2]).toBe(BRAZIL);
    expect(search('bureau')).toEqual([BRAZIL]);
  });

  it('folds diacritics both ways, and finds titles written with combining marks', () => {
    expect(search('amelie')).toEqual([AMELIE]);
    expect(search('AMÉLIE')).toEqual([AMELIE]);
    expect(search('poulain')).toEqual([AMELIE]);
    expect(search('nausicaa')).toEqual([NAUSICAA]);
    expect(search('Nausicaä')).toEqual([NAUSICAA]);
    expect(search('nausicaa\u0308')).toEqual([NAUSICAA]);
  });

  it('needs every word typed, in any field', () => {
    expect(search('sigourney alien').sort()).toEqual([ALIEN, ALIENS]);
    expect(search('sigourney ripley aliens')).toEqual([ALIENS]);
    expect(search('gilliam alien')).toEqual([BRAZIL]);
    expect(search('folsom prison')).toEqual([WORK]);
    expect(search('folsom alien')).toEqual([]);
  });

  it('says which field matched, with the matched words marked', () => {
    const first = (text: string) => seeded.library.list({ search: text, sort: 'relevance' }).films[0]?.match;
    expect(first('tautou')).toEqual({
      field: 'people',
      snippet: `Jean-Pierre Jeunet\nAudrey ${MATCH_START}Tautou${MATCH_END}`,
    });
    expect(first('ripley')?.field).toBe('characters');
    expect(first('understand')).toMatchObject({ field: 'quotes' });
    expect(first('understand')?.snippet).toContain(`${MATCH_START}understand${MATCH_END}`);
    expect(first('bureaucracy')).toMatchObject({ field: 'story' });
    expect(first('long cut')).toMatchObject({ field: 'notes' });
    expect(first('cult')).toMatchObject({ field: 'tags' });
    expect(seeded.library.list({ search: 'amelie' }).films[0]?.match?.snippet).toBe(
      `${MATCH_START}Amélie${MATCH_END}\nLe Fabuleux Destin d’${MATCH_START}Amélie${MATCH_END} Poulain`,
    );
  });

  it('marks a title match from the film row exactly as snippet() marks the search index title', async () => {
    // Browse rebuilds the index's title value (title and original title) from the film rows it
    // reads for the page; the snippet must be the one the index's own text gives. A library of
    // its own: the tests above edit films.
    const own = await seededLibrary(browseFilms());
    try {
      const indexSnippet = own.library.sqlite
        .prepare(
          `SELECT snippet(films_fts, 0, ?, ?, '…', 10) FROM films_fts
            JOIN films f ON f.key = films_fts.rowid WHERE f.id = ? AND films_fts MATCH ?`,
        )
        .pluck();
      const placed: string[] = [];
      for (const search of ['alien', 'amelie', 'fabuleux poulain', 'nausicaa', 'work', 'brazil']) {
        for (const film of own.library.list({ search, sort: 'relevance' }).films) {
          if (film.match?.field !== 'title') continue;
          placed.push(film.match.snippet);
          const query = search
            .split(' ')
            .map((word) => `title : "${word}"*`)
            .join(' AND ');
          expect(film.match.snippet).toBe(indexSnippet.get(MATCH_START, MATCH_END, film.id, query));
        }
      }
      // The original title's words are found and marked too.
      expect(placed).toContain(
        `Amélie\nLe ${MATCH_START}Fabuleux${MATCH_END} Destin d’Amélie ${MATCH_START}Poulain${MATCH_END}`,
      );
      expect(placed.length).toBeGreaterThanOrEqual(6);
    } finally {
      await own.close();
    }
  });

  it('sorts search results by any column too, and combines them with filters', () => {
    expect(ids({ search: 'alien', sort: 'year', descending: true })).toEqual([ALIENS, BRAZIL, ALIEN]);
    expect(ids({ search: 'alien', filter: { seen: true } })).toEqual([ALIEN]);
    expect(seeded.library.list({ search: 'alien', sort: 'relevance', offset: 1, limit: 1 })).toMatchObject({
      total: 3,
      films: [{ id: ALIENS }],
    });
  });

  it('never finds a film in the trash, and treats quotes and operators as plain words', () => {
    expect(search('trash')).toEqual([]);
    expect(() => search('alien" OR (NEAR')).not.toThrow();
    expect(search('"alien"')).toEqual([ALIEN, ALIENS, BRAZIL]);
    expect(search('  ')).toEqual([ALIEN, ALIENS, AMELIE, BRAZIL, NAUSICAA, UNTITLED, WORK]);
  });
});

describe('browse summaries', () => {
  it('carry what a row and a card show', () => {
    const [alien] = seeded.library.list({ filter: { director: 'Ridley Scott' } }).films;
    expect(alien).toEqual({
      id: ALIEN,
      title: 'Alien',
      sortTitle: 'Alien',
      year: 1979,
      runtimeMinutes: 117,
      directors: ['Ridley Scott'],
      genres: ['Horror', 'Science Fiction'],
      userRating: 8.5,
      imdbRating: 8.5,
      rottenTomatoes: 93,
      seen: true,
      onLoan: true,
      overdue: true,
      media: ['Blu-ray'],
      locations: ['Shelf B'],
      hasPoster: false,
      addedAt: '2024-01-03T10:00:00.000Z',
      match: null,
    });
  });
});

describe('browse filter counts', () => {
  it('count the whole library, the trash left out', () => {
    expect(seeded.library.facets()).toEqual({
      total: 7,
      genres: [
        { value: 'Science Fiction', count: 3 },
        { value: 'Comedy', count: 2 },
        { value: 'Action', count: 1 },
        { value: 'Animation', count: 1 },
        { value: 'Biography', count: 1 },
        { value: 'Documentary', count: 1 },
        { value: 'Horror', count: 1 },
        { value: 'Romance', count: 1 },
      ],
      tags: [
        { value: 'Criterion', count: 2 },
        { value: 'Cult', count: 1 },
      ],
      decades: [
        { value: '1970s', count: 1 },
        { value: '1980s', count: 3 },
        { value: '2000s', count: 1 },
        { value: '2010s', count: 1 },
      ],
      years: { min: 1979, max: 2017 },
      media: [
        { value: 'Blu-ray', count: 2 },
        { value: 'DVD', count: 2 },
        { value: '4K UHD', count: 1 },
      ],
      directors: [
        'Gethin Aldous',
        'Hayao Miyazaki',
        'Jairus McLeary',
        'James Cameron',
        'Jean-Pierre Jeunet',
        'Ridley Scott',
        'Terry Gilliam',
      ].map((value) => ({ value, count: 1 })),
      ratings: [
        { rating: null, count: 4 },
        { rating: 7, count: 1 },
        { rating: 8.5, count: 1 },
        { rating: 9, count: 1 },
      ],
      seen: { seen: 2, unseen: 5 },
      onLoan: 2,
      overdue: 1,
    });
  });

  it('count within the current search and filter', () => {
    const facets = seeded.library.facets({ search: 'alien', filter: { genres: ['Science Fiction'] } });
    expect(facets.total).toBe(3);
    expect(facets.genres).toEqual([
      { value: 'Science Fiction', count: 3 },
      { value: 'Action', count: 1 },
      { value: 'Comedy', count: 1 },
      { value: 'Horror', count: 1 },
    ]);
    expect(facets.seen).toEqual({ seen: 1, unseen: 2 });
    expect(facets.decades).toEqual([
      { value: '1970s', count: 1 },
      { value: '1980s', count: 2 },
    ]);
    expect(facets.onLoan).toBe(2);
  });

  it('leave out a one-value list’s own filter, so its other values show what choosing them gives', () => {
    const facets = seeded.library.facets({ filter: { medium: 'DVD', seen: false } });
    expect(facets.total).toBe(1);
    // Media counted over unseen films (any medium): Brazil's DVD and Blu-ray, Aliens' 4K UHD.
    expect(facets.media).toEqual([
      { value: '4K UHD', count: 1 },
      { value: 'Blu-ray', count: 1 },
      { value: 'DVD', count: 1 },
    ]);
    // Seen counted over DVDs (seen or not): Amélie seen, Brazil not.
    expect(facets.seen).toEqual({ seen: 1, unseen: 1 });
    expect(facets.genres).toEqual([
      { value: 'Comedy', count: 1 },
      { value: 'Science Fiction', count: 1 },
    ]);
  });
});
