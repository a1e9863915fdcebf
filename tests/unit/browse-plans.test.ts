import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestSql, countSql, facetSql, newestSql, pageSql, titleTierSql } from '../../src/main/library/browse';
import { searchQueries } from '../../src/main/library/browse-search';
import { listQuerySchema, sortKeys, type FacetQuery, type ListQuery } from '../../src/shared/browse';
import { browseFilms, seededLibrary, type SeededLibrary } from '../support/browse-films';

/**
 * Browse must stay quick at 100,000 films, so its queries must be answered from indexes. SQLite
 * chooses plans from the schema (no statistics are gathered), so the plans on this small library
 * are the plans at any size: no table is read whole, and no sorted page sorts the whole library.
 */

let seeded: SeededLibrary;
beforeAll(async () => {
  seeded = await seededLibrary(browseFilms());
});
afterAll(() => seeded.close());

type Clause = { sql: string; params: unknown[] };

function plan(sqlite: Database.Database, query: Clause): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(query.params) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/**
 * A whole-table read: SCAN of a library table without an index. Reading the films found (the
 * ranked search `m` and title tier `t`, a driving key set `d`, the temp tables of keys found) is what a plan should do.
 */
const fullScans = (lines: readonly string[]) =>
  lines.filter((line) => /^SCAN \w+$/.test(line) && !/^SCAN (m|t|d|k|browse_found_\d+)$/.test(line));
const fullSorts = (lines: readonly string[]) =>
  lines.filter((line) => line === 'USE TEMP B-TREE FOR ORDER BY');

describe('query plans at any library size', () => {
  const sorts = sortKeys.filter((sort) => sort !== 'relevance');

  it.each(sorts.flatMap((sort) => [false, true].map((descending) => [sort, descending] as const)))(
    'a page sorted by %s (descending: %s) walks an index in order',
    (sort, descending) => {
      for (const offset of [0, 90_000]) {
        const lines = plan(seeded.library.sqlite, pageSql({ sort, descending, offset }, 100_000));
        expect(fullScans(lines), lines.join('\n')).toEqual([]);
        expect(fullSorts(lines), lines.join('\n')).toEqual([]);
        // Skipping rows never reads a film row: the sort index holds all the page needs.
        expect(lines[0], lines.join('\n')).toMatch(/^SCAN f USING COVERING INDEX films_by_/);
      }
    },
  );

  const filtered: [string, ListQuery][] = [
    ['a genre', { filter: { genres: ['Drama'] } }],
    ['a tag and a decade', { filter: { tags: ['Criterion'], yearFrom: 1990, yearTo: 1999 } }],
    ['a director', { filter: { director: 'Ridley Scott' } }],
    ['a person', { filter: { person: 'Sigourney Weaver' } }],
    ['a medium, unseen', { filter: { medium: 'DVD', seen: false } }],
    ['overdue loans', { filter: { loan: 'overdue' } }],
    ['an own rating range', { filter: { ratingFrom: 7, ratingTo: 9 } }],
    ['a search', { search: 'alien' }],
  ];

  it.each(filtered)('a page and its count filtered by %s read no table whole', (_, query) => {
    for (const sort of ['title', 'year', 'rating'] as const) {
      const lines = plan(seeded.library.sqlite, pageSql({ ...query, sort }, 100_000));
      expect(fullScans(lines), lines.join('\n')).toEqual([]);
    }
    const lines = plan(seeded.library.sqlite, countSql({ search: query.search, filter: query.filter }));
    expect(fullScans(lines), lines.join('\n')).toEqual([]);
  });

  it('the count of the whole library reads an index, not the film rows', () => {
    const lines = plan(seeded.library.sqlite, countSql({}));
    expect(lines.join('\n')).toMatch(/USING (COVERING )?INDEX/);
    expect(fullScans(lines)).toEqual([]);
  });

  it('a search ranked by relevance sorts only the films it found, and the newest first sorts nothing', () => {
    const query = listQuerySchema.parse({ search: 'alien', sort: 'relevance', filter: { yearFrom: 1980 } });
    const search = searchQueries(query.search)!;
    const except = { sql: 'SELECT value FROM json_each(?)', params: ['[1]'] };
    const best = bestSql(query, search.fts, except, false);
    for (const clause of [titleTierSql(query, search), { ...best, params: [...best.params, 100, 0] }]) {
      const lines = plan(seeded.library.sqlite, clause);
      expect(lines.join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
      expect(fullScans(lines), lines.join('\n')).toEqual([]);
    }
    for (const reversed of [false, true]) {
      const newest = newestSql(query, search.fts, except, reversed);
      const lines = plan(seeded.library.sqlite, { ...newest, params: [...newest.params, 100, 0] });
      expect(lines.join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
      expect(fullScans(lines), lines.join('\n')).toEqual([]);
      expect(fullSorts(lines), lines.join('\n')).toEqual([]);
    }
  });

  it.each([
    ['a genre', { genres: ['Drama'] }],
    ['a director and a tag', { director: 'Ridley Scott', tags: ['Criterion'] }],
  ])(
    'a search filtered by %s reads the index by its words, newest first, never film by film from the filter',
    (_, filter) => {
      // Were the filter's films to drive, FTS5 would merge the typed words' entries again for each of
      // them, and the page be sorted: seconds at 100,000 films for a genre of thousands.
      const query = listQuerySchema.parse({ search: 'alien', sort: 'relevance', filter });
      const search = searchQueries(query.search)!;
      for (const reversed of [false, true]) {
        const newest = newestSql(query, search.fts, null, reversed);
        const lines = plan(seeded.library.sqlite, { ...newest, params: [...newest.params, 100, 0] });
        expect(lines[0], lines.join('\n')).toMatch(/^SCAN films_fts VIRTUAL TABLE INDEX \d+:M/);
        expect(fullSorts(lines), lines.join('\n')).toEqual([]);
      }
    },
  );

  const facetQueries: [string, FacetQuery][] = [
    ['the whole library', {}],
    ['a search', { search: 'alien' }],
    [
      'filters',
      { filter: { genres: ['Drama'], medium: 'DVD', seen: true, loan: 'on-loan', yearFrom: 1980 } },
    ],
  ];

  it.each(facetQueries)('every filter count over %s reads indexes only', (_, query) => {
    for (const [name, clause] of Object.entries(facetSql(seeded.library.sqlite, query))) {
      const lines = plan(seeded.library.sqlite, clause);
      expect(fullScans(lines), `${name}:\n${lines.join('\n')}`).toEqual([]);
    }
  });

  it('the filter counts of the whole library walk covering indexes, never the film rows', () => {
    for (const [name, clause] of Object.entries(facetSql(seeded.library.sqlite, {}))) {
      const lines = plan(seeded.library.sqlite, clause).filter((line) =>
        /^(SCAN|SEARCH) (f|t|c)\b/.test(line),
      );
      for (const line of lines) expect(line, name).toMatch(/USING COVERING INDEX/);
    }
  });
});
