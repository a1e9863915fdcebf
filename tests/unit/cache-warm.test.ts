import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { openLibrary, type Library } from '../../src/main/library';
import { warmCache, warmCacheStep } from '../../src/main/library/cache-warm';
import { createSearchTidier } from '../../src/main/search-tidier';
import { savedOneByOne } from '../support/temp-library';

/**
 * Bytes this thread has read through read() and pread() (SQLite reads on the thread that asks),
 * less what reading the counter itself reads. Linux keeps the count; elsewhere these tests skip.
 */
const COUNTER = '/proc/thread-self/io';
const counted = existsSync(COUNTER);
const counter = () => Number(/rchar: (\d+)/.exec(readFileSync(COUNTER, 'utf8'))?.[1]);
const ownReads = counted ? -(counter() - counter()) : 0;
function readsDuring(work: () => unknown): number {
  const before = counter();
  work();
  return counter() - before - ownReads;
}

/** Less than any page of a library file (SQLite reads whole pages). */
const PAGE = 512;

/** Bytes the first pages of a few searches read from the library file. */
const searchReads = (library: Library) =>
  readsDuring(() => {
    for (const search of ['rising', 'kyoto marathon', 'director 3', 'elegant']) {
      library.list({ search, sort: 'relevance', limit: 50 });
    }
  });

/** A library of 60 films, closed; answers its path. */
async function libraryFile(): Promise<string> {
  const library = await savedOneByOne(60);
  await library.close();
  return library.path;
}

describe.skipIf(!counted)('warming the page cache', () => {
  it('reads what searches read ahead, so a first search reads nothing more from the file', async () => {
    const path = await libraryFile();
    const cold = await openLibrary(path);
    const coldReads = searchReads(cold);
    await cold.close();
    expect(coldReads).toBeGreaterThan(10 * PAGE);

    const warmed = await openLibrary(path);
    try {
      expect(warmCache(warmed.sqlite)).toBeGreaterThan(0);
      // Not a page (the counter's own file grows by a digit now and then).
      expect(searchReads(warmed)).toBeLessThan(PAGE);
      // Once per connection: a second warming reads nothing.
      expect(readsDuring(() => expect(warmCacheStep(warmed.sqlite)).toBe(false))).toBeLessThan(PAGE);
    } finally {
      await warmed.close();
    }
  });

  it('reads no more than the page cache holds', async () => {
    const path = await libraryFile();
    const warmedWith = async (cacheSize: string) => {
      const library = await openLibrary(path);
      try {
        library.sqlite.pragma(`cache_size = ${cacheSize}`);
        return readsDuring(() => warmCache(library.sqlite, 4096));
      } finally {
        await library.close();
      }
    };
    // The whole file fits in 64 MiB: all of it is read. In 16 KiB, the index's first pages.
    const whole = await warmedWith('-65536');
    const small = await warmedWith('-16');
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThan(whole / 3);
  });

  it('is done while the window is quiet, before the search indexes are tidied', async () => {
    const path = await libraryFile();
    const library = await openLibrary(path);
    try {
      const warn = vi.fn();
      const tidier = createSearchTidier({ library: () => library, idleMs: 5, gapMs: 0, warn });
      tidier.activity();
      await tidier.settled();
      expect(warn).not.toHaveBeenCalled();
      expect(warmCacheStep(library.sqlite)).toBe(false);
      expect(searchReads(library)).toBeLessThan(PAGE);
    } finally {
      await library.close();
    }
  });
});
