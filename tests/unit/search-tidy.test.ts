import type Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { Library } from '../../src/main/library';
import { createHandlers } from '../../src/main/handlers';
import { remembered } from '../../src/main/library/browse-cache';
import { SEARCH_INDEXES, tidySearchIndexes, tidySearchStep } from '../../src/main/library/search-tidy';
import { createSearchTidier, noticingActivity, type SearchTidier } from '../../src/main/search-tidier';
import { samplePath, savedOneByOne, tempLibrary } from '../support/temp-library';

/** Segments of each search index (FTS5's own table of them: one row per segment and leaf page start). */
const segments = (sqlite: Database.Database) =>
  SEARCH_INDEXES.map(
    (index) => sqlite.prepare(`SELECT count(DISTINCT segid) FROM ${index}_idx`).pluck().get() as number,
  );

const QUERIES = ['work', 'the', 'rising signal', 'an', 'kyoto', 'a', 'marie', 'zz', 'film 1', 'se'];

/** What browse shows for each query: the first page's ids in relevance order, the count, and the first page by title. */
function searchesOf(library: Library) {
  return QUERIES.map((search) => {
    const best = library.list({ search, sort: 'relevance', limit: 50 });
    const byTitle = library.list({ search, sort: 'title', limit: 50 });
    return {
      search,
      best: best.films.map((film) => film.id),
      byTitle: byTitle.films.map((film) => film.id),
      found: library.found({ search }),
    };
  });
}

describe('tidying the search indexes', () => {
  it('merges each index into one segment, step by step; every search finds the same films in the same order', async () => {
    const library = await savedOneByOne();
    const before = searchesOf(library);
    const [fts, titles] = segments(library.sqlite);
    expect(fts).toBeGreaterThan(2);
    expect(titles).toBeGreaterThan(2);
    expect(before.some((search) => search.found > 0)).toBe(true);

    // A small step leaves work for the next one.
    expect(tidySearchStep(library.sqlite, 1)).toBe(true);
    expect(tidySearchIndexes(library.sqlite, 1)).toBeGreaterThan(0);
    expect(segments(library.sqlite)).toEqual([1, 1]);
    expect(tidySearchStep(library.sqlite)).toBe(false);

    expect(searchesOf(library)).toEqual(before);
    for (const index of SEARCH_INDEXES) {
      expect(() =>
        library.sqlite.exec(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`),
      ).not.toThrow();
    }
    // A save after it is found as before.
    const saved = library.create({ title: 'Tidy Lighthouse' });
    expect(library.list({ search: 'tidy light', limit: 5 }).films.map((film) => film.id)).toEqual([saved.id]);
  });
  it('leaves what browse remembers: the library a search reads is the same', async () => {
    const library = await savedOneByOne();
    expect(remembered(library.sqlite, 'probe', () => 'before')).toBe('before');
    expect(tidySearchIndexes(library.sqlite)).toBeGreaterThan(0);
    expect(remembered(library.sqlite, 'probe', () => 'after')).toBe('before');
    // A real change still forgets it.
    library.create({ title: 'Afterwards' });
    expect(remembered(library.sqlite, 'probe', () => 'after')).toBe('after');
  });
});

describe('the tidier', () => {
  const quickly = (library: Library, warn = vi.fn()) =>
    createSearchTidier({ library: () => library, idleMs: 5, gapMs: 0, warn });

  it('tidies once the window has been quiet, and not after it is stopped', async () => {
    const library = await savedOneByOne();
    const stopped = quickly(library);
    stopped.stop();
    stopped.activity();
    await stopped.settled();
    expect(segments(library.sqlite)[0]).toBeGreaterThan(2);

    const warn = vi.fn();
    const tidier = quickly(library, warn);
    tidier.activity();
    await tidier.settled();
    expect(segments(library.sqlite)).toEqual([1, 1]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('waits while a transaction is open (an import writing), then tidies', async () => {
    const library = await savedOneByOne();
    const before = segments(library.sqlite);
    const tidier = quickly(library);
    library.sqlite.exec('BEGIN IMMEDIATE');
    tidier.activity();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(library.sqlite.inTransaction).toBe(true);
    expect(segments(library.sqlite)).toEqual(before);
    library.sqlite.exec('COMMIT');
    await tidier.settled();
    expect(segments(library.sqlite)).toEqual([1, 1]);
  });

  it('writes nothing to a library made read-only (found damaged), and says nothing', async () => {
    const library = await savedOneByOne(12);
    const before = segments(library.sqlite);
    library.sqlite.pragma('query_only = ON');
    const warn = vi.fn();
    const tidier = quickly(library, warn);
    tidier.activity();
    await tidier.settled();
    expect(segments(library.sqlite)).toEqual(before);
    expect(warn).not.toHaveBeenCalled();
  });

  it('hears of every call from the window, and answers as the handler does', async () => {
    const library = await tempLibrary();
    const tidier: SearchTidier = { activity: vi.fn(), stop: vi.fn(), settled: () => Promise.resolve() };
    const handlers = noticingActivity(createHandlers({ library: () => library, samplePath }), tidier);
    expect(await handlers['library:open-sample']()).toEqual({ added: 1 });
    expect(handlers['library:info']()).toMatchObject({ filmCount: 1 });
    expect(tidier.activity).toHaveBeenCalledTimes(2);
  });
});
