import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { benchFilms, generateBenchFilms } from '../bench/bench-films';
import { writeLibraryFile } from '../bench/library-file';
import { timeImport } from '../bench/measure-import';
import { RAW_TABLES, RawRows } from '../bench/raw-rows';
import { timeRawInsert } from '../bench/raw-limit';
import { formatReport } from '../bench/report';
import { runBench } from '../bench/run-bench';
import { findChromium } from '../e2e/chromium';
import { tempFolder } from '../support/temp-library';

/**
 * Keeps `npm run bench` from rotting: the bench's own parts are right (the generator follows the
 * issue's distributions, the raw limit writes exactly the rows an import writes), and a 1k run
 * produces every figure. Nothing here checks a speed: targets live in the bench, never in tests.
 */

const withChromium = findChromium() !== null;

/** Every row of a library's tables, in a stable order, for comparing two files. */
function tableContents(path: string): Record<string, unknown[]> {
  const sqlite = new Database(path, { readonly: true });
  try {
    return Object.fromEntries(
      Object.keys(RAW_TABLES).map((table) => {
        const columns = RAW_TABLES[table as keyof typeof RAW_TABLES];
        const order = columns.map((_, i) => i + 1).join(', ');
        return [
          table,
          sqlite
            .prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order}`)
            .raw()
            .all(),
        ];
      }),
    );
  } finally {
    sqlite.close();
  }
}

const between = (values: readonly number[], min: number, max: number) => {
  expect(Math.min(...values)).toBeGreaterThanOrEqual(min);
  expect(Math.max(...values)).toBeLessThanOrEqual(max);
  // The whole range is used, not just one corner of it.
  expect(new Set(values).size).toBeGreaterThan(Math.min(3, max - min));
};

describe('the bench', () => {
  test('generates the full profile with the distributions of the benchmark issue', () => {
    const films = generateBenchFilms(500, { profile: 'full' });
    const words = (film: (typeof films)[number]) => film.synopsis.flatMap((s) => s.body.split(/\s+/)).length;
    between(
      films.map((f) => f.cast.length),
      5,
      40,
    );
    expect(films.every((f) => f.cast.every((c) => c.character))).toBe(true);
    between(
      films.map((f) => f.directors.length),
      1,
      3,
    );
    between(
      films.map((f) => f.genres.length),
      1,
      4,
    );
    between(films.map(words), 95, 405);
    between(
      films.map((f) => f.quotes.length),
      0,
      8,
    );
    between(
      films.map((f) => f.criticReviews.length),
      0,
      5,
    );
    between(
      films.map((f) => f.awards.length),
      0,
      5,
    );
    between(
      films.map((f) => f.trivia.length),
      0,
      10,
    );
    between(
      films.map((f) => f.soundtrack?.tracks.length ?? 0),
      0,
      15,
    );
    between(
      films.map((f) => f.copies.length),
      0,
      2,
    );
    expect(films.every((f) => f.poster === null)).toBe(true);
  });

  test('generates light films as an IMDb or Letterboxd import gives them, the same for the same seed', () => {
    const films = generateBenchFilms(300, { profile: 'light' });
    between(
      films.map((f) => f.cast.length),
      8,
      12,
    );
    between(
      films.map((f) => f.directors.length),
      1,
      2,
    );
    between(
      films.map((f) => f.genres.length),
      1,
      3,
    );
    expect(films.every((f) => f.ratings.length === 2 && f.synopsis.length === 0)).toBe(true);
    expect(generateBenchFilms(300, { profile: 'light' })).toEqual(films);
    expect([...benchFilms(100, { profile: 'light' })]).toEqual(films.slice(0, 100));
  });

  test('the raw limit writes exactly the rows and search text an import writes', async () => {
    const folder = tempFolder();
    const rows = new RawRows();
    const json = join(folder, 'library.json');
    writeLibraryFile(json, benchFilms(300, { profile: 'full' }), 300, (film) => rows.add(film));
    const raw = await timeRawInsert(join(folder, 'raw.sqlite'), rows);
    const imported = await timeImport(json, join(folder, 'imported.sqlite'));

    expect(imported).toMatchObject({ films: 300, rejected: 0, duplicates: 0 });
    expect(raw).toMatchObject({ films: 300, rows: rows.rowCount });
    expect(tableContents(join(folder, 'raw.sqlite'))).toEqual(tableContents(join(folder, 'imported.sqlite')));
  });

  test('a 1k run produces every figure and the report', async () => {
    const result = await runBench({
      sizes: [1_000],
      real: false,
      catalogueFilms: 3,
      keypressQueries: 3,
      renderer: withChromium,
      print: withChromium,
    });

    expect(result.datasets.map((d) => `${d.dataset} ${d.size}`)).toEqual(['light 1000', 'full 1000']);
    for (const d of result.datasets) {
      expect(d.import).toMatchObject({ films: 1_000, rejected: 0 });
      expect(d.raw?.films).toBe(1_000);
      // A raw limit whose first run took under a second is timed five times, and its import as
      // often (run-bench.ts): the medians are the figures.
      expect([1, 5]).toContain(d.raw!.runs);
      expect(d.import!.runs).toBe(d.raw!.runs);
      expect(d.export).toMatchObject({ films: 1_000 });
      expect(d.export!.peakRss).toBeGreaterThan(0);
      expect(d.open?.films).toBe(1_000);
      expect(d.browse.search.count).toBe(50);
      expect(d.browse.sortFirstPage.count).toBe(12);
      expect(d.browse.filters).toHaveLength(10);
      expect(d.browse.searchFiltered.count).toBe(20);
      expect(d.browse.searchFilteredBy).not.toBeNull();
      if (withChromium) expect(d.renderer?.firstPageNodes).toBeGreaterThan(0);
    }
    if (withChromium) expect(result.print).toMatchObject({ catalogueFilms: 3 });
    const figures = result.checks.map((c) => `${c.dataset} ${c.figure}`);
    for (const figure of [
      'import ÷ raw limit',
      'export time',
      'open + first page (cold process)',
      'search p95',
      'search raw limit p95',
      'search + a genre p95',
    ]) {
      expect(figures).toContain(`light ${figure}`);
      expect(figures).toContain(`full ${figure}`);
    }
    // A search finding more than 500 films answers its first page before its exact count, which is
    // timed after it: at 1k only the full profile's story texts make searches find that many.
    const full = result.datasets.find((d) => d.dataset === 'full')!;
    expect(full.browse.searchCount?.count).toBeGreaterThan(0);
    expect(full.browse.slowestSearches.every((s) => Number.isInteger(s.found) && s.found >= 0)).toBe(true);
    expect(figures).toContain('full search exact count p95');
    // The raw limit timed every search, as plain statements.
    expect(full.browse.searchRaw.count).toBe(full.browse.search.count);
    expect(result.checks.every((c) => Number.isFinite(c.value))).toBe(true);
    expect(formatReport(result)).toContain('| light | 1k | search p95 |');
    expect(result.machine.memory.firstTouchMsPerMb).toBeGreaterThan(0);
    expect(result.machine.memory.againMsPerMb).toBeGreaterThan(0);
    expect(formatReport(result)).toMatch(/writing fresh memory \d+\.\d\d ms\/MB/);
  }, 600_000);
});
