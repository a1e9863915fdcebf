import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remembered } from '../../src/main/library/browse-cache';
import { BM25_UP_TO, RANK_UP_TO, TITLE_RANK_UP_TO } from '../../src/main/library/browse-search';
import { MATCH_END, MATCH_START, type ListQuery } from '../../src/shared/browse';
import type { FilmInput } from '../../src/shared/film-schema';
import { id, seededLibrary, type SeededLibrary } from '../support/browse-films';

/**
 * The best-match order past the sizes where ranking every film would cost more than a keystroke:
 * a title tier too large to score, and more films found elsewhere than bm25 is asked to rank.
 * Whatever the sizes, title matches come first, pages fit together without gaps or overlaps from
 * either end, and "choose all" lists the films in the order the pages show.
 */

const STORY_FILMS = 1_200;
const HARBOR_TITLES = TITLE_RANK_UP_TO + 10;

let n = 0;
const film = (title: string, story?: string, year = 1990): FilmInput => {
  n += 1;
  return {
    id: id(1_000 + n),
    title,
    year,
    ...(story ? { synopsis: [{ heading: null, body: story }] } : {}),
    addedAt: new Date(Date.UTC(2020, 0, 1, 0, 0, n)).toISOString(),
  };
};

// Insertion order gives the keys: newest first is the reverse of it.
const lanternExact = [film('The Lantern'), film('Lantern Night')];
const lanternPrefix = [film('Lanterns of Kyoto'), film('Lanternfish')];
const lanternStory = Array.from({ length: STORY_FILMS }, (_, i) =>
  film(`Quiet Harvest ${i}`, `A keeper trims the lantern wick at dusk, night ${i}.`, 1950 + (i % 50)),
);
const harborTitles = Array.from({ length: HARBOR_TITLES }, (_, i) => film(`Harbor Blues ${i}`));
const harborStory = [film('Sea Wall', 'They meet at the harbor before dawn.')];
const stanley = { ...film('Stanley Parade'), cast: [{ person: 'Kenji Tanaka', character: 'Chloë Dubois' }] };
const films = [...lanternExact, ...lanternStory, ...lanternPrefix, ...harborTitles, ...harborStory, stanley];
const idsOf = (list: FilmInput[]) => list.map((f) => f.id!);
const newestFirst = (list: FilmInput[]) => idsOf(list).reverse();

let seeded: SeededLibrary;
beforeAll(async () => {
  seeded = await seededLibrary(films);
}, 60_000);
afterAll(() => seeded.close());

const page = (query: ListQuery) => seeded.library.list({ sort: 'relevance', ...query });
const ids = (query: ListQuery) => page(query).films.map((f) => f.id);

/** Every film of the order, read a page of `size` at a time. */
function paged(query: ListQuery, size: number): string[] {
  const all: string[] = [];
  for (let offset = 0; ; offset += size) {
    const films = ids({ ...query, offset, limit: size });
    all.push(...films);
    if (films.length < size) return all;
  }
}

describe('best match over many films', () => {
  it('puts whole title words first, then title prefixes, then the rest newest first', () => {
    expect(STORY_FILMS).toBeGreaterThan(RANK_UP_TO);
    const first = page({ search: 'lantern', limit: 10 });
    // Found more than RANK_UP_TO: the first page comes before its exact count, with a lower bound.
    expect(first).toMatchObject({ total: RANK_UP_TO + 1, totalExact: false });
    expect(seeded.library.found({ search: 'lantern' })).toBe(2 + 2 + STORY_FILMS);
    // Once counted, pages carry the exact total.
    expect(page({ search: 'lantern', limit: 10 })).toMatchObject({
      total: 2 + 2 + STORY_FILMS,
      totalExact: true,
    });
    expect(
      first.films
        .slice(0, 2)
        .map((f) => f.id)
        .sort(),
    ).toEqual(idsOf(lanternExact).sort());
    expect(
      first.films
        .slice(2, 4)
        .map((f) => f.id)
        .sort(),
    ).toEqual(idsOf(lanternPrefix).sort());
    expect(first.films.slice(4).map((f) => f.id)).toEqual(newestFirst(lanternStory).slice(0, 6));
  });

  it('pages fit together from either end, descending is the same order turned around', () => {
    const all = ids({ search: 'lantern', limit: 500, offset: 0 }).concat(
      ids({ search: 'lantern', limit: 500, offset: 500 }),
      ids({ search: 'lantern', limit: 500, offset: 1000 }),
    );
    expect(all).toHaveLength(2 + 2 + STORY_FILMS);
    expect(new Set(all).size).toBe(all.length);
    expect(paged({ search: 'lantern' }, 97)).toEqual(all);
    // Deep pages are read from the far end (past the first thousand): the same films.
    expect(ids({ search: 'lantern', offset: 1_150, limit: 30 })).toEqual(all.slice(1_150, 1_180));
    expect(paged({ search: 'lantern', descending: true }, 113)).toEqual([...all].reverse());
    expect(seeded.library.ids({ search: 'lantern', sort: 'relevance', offset: 0, limit: 1 })).toEqual(all);
    expect(seeded.library.ids({ search: 'lantern', sort: 'relevance', descending: true })).toEqual(
      [...all].reverse(),
    );
  });

  it('keeps the tiers under a filter, ranking the rest when few are found', () => {
    const filter = { yearFrom: 1990, yearTo: 1990 };
    const found = page({ search: 'lantern', filter, limit: 500 });
    const inYear = lanternStory.filter((f) => f.year === 1990);
    expect(found.total).toBe(4 + inYear.length);
    expect(found.films.slice(0, 4).map((f) => f.id)).toEqual(ids({ search: 'lantern', limit: 4 }));
    // Few enough found to rank: the rest by bm25 (the same story each, so by title).
    expect(found.total).toBeLessThanOrEqual(RANK_UP_TO);
    expect(
      found.films
        .slice(4)
        .map((f) => f.id)
        .sort(),
    ).toEqual(idsOf(inYear).sort());
    const titles = found.films.slice(4).map((f) => f.sortTitle);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('lists more films than bm25 ranks quickly newest first, with their exact count', () => {
    const filter = { yearFrom: 1950, yearTo: 1955 };
    const inYears = lanternStory.filter((f) => f.year! >= 1950 && f.year! <= 1955);
    expect(inYears.length).toBeGreaterThan(BM25_UP_TO);
    expect(inYears.length).toBeLessThanOrEqual(RANK_UP_TO);
    const found = page({ search: 'lantern', filter, limit: 500 });
    expect(found).toMatchObject({ total: inYears.length, totalExact: true });
    expect(found.films.map((f) => f.id)).toEqual(newestFirst(inYears));
  });

  it('lists a title tier too large to score newest first, still before every other match', () => {
    expect(HARBOR_TITLES).toBeGreaterThan(TITLE_RANK_UP_TO);
    const all = paged({ search: 'harb' }, 100);
    expect(all).toEqual([...newestFirst(harborTitles), ...idsOf(harborStory)]);
    expect(ids({ search: 'harb', offset: HARBOR_TITLES - 1, limit: 5 })).toEqual([
      idsOf(harborTitles)[0],
      ...idsOf(harborStory),
    ]);
  });

  it('names the field matched on every film of a page, the words marked', () => {
    const films = page({ search: 'lantern wick', limit: 100 }).films;
    expect(films).toHaveLength(100);
    for (const found of films) {
      expect(found.match?.field).toBe('story');
      expect(found.match?.snippet).toContain(`${MATCH_START}lantern${MATCH_END}`);
      expect(found.match?.snippet).toContain(`${MATCH_START}wick${MATCH_END}`);
    }
    // A word inside a word is no match ("tan" in Stanley): the name is; accents fold ("chloe" finds Chloë).
    expect(page({ search: 'tan' }).films[0]?.match).toEqual({
      field: 'people',
      snippet: `Kenji ${MATCH_START}Tanaka${MATCH_END}`,
    });
    expect(page({ search: 'chloe' }).films[0]?.match).toEqual({
      field: 'characters',
      snippet: `${MATCH_START}Chloë${MATCH_END} Dubois`,
    });
    const [title] = page({ search: 'lanternf' }).films;
    expect(title?.match).toEqual({ field: 'title', snippet: `${MATCH_START}Lanternfish${MATCH_END}` });
  });

  it('marking snippets is no change to the library: remembered answers stay, a real change forgets them', () => {
    const { sqlite } = seeded.library;
    expect(remembered(sqlite, 'probe', () => 'first')).toBe('first');
    // Pages of a search mark snippets in temp tables.
    expect(page({ search: 'lantern', offset: 700, limit: 5 }).films).toHaveLength(5);
    expect(page({ search: 'harb', limit: 5 }).films[0]?.match?.field).toBe('title');
    expect(remembered(sqlite, 'probe', () => 'again')).toBe('first');
    seeded.library.trash([idsOf(lanternStory)[0]!]);
    expect(remembered(sqlite, 'probe', () => 'again')).toBe('again');
    expect(seeded.library.found({ search: 'lantern' })).toBe(2 + 2 + STORY_FILMS - 1);
  });
});
