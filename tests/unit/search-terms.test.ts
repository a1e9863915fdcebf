import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/main/library';
import { migrateTo, migrateToLatest, openDatabase } from '../../src/main/library/database';
import { createFilm } from '../../src/main/library/films';
import { expansionOf, EXPAND_UP_TO, noteTerms, rememberTerms } from '../../src/main/library/search-terms';
import { ftsQueries, ftsQuery, learnSearch } from '../../src/main/library/search-text';
import { commitImport, previewImport } from '../../src/main/library/transfer';
import { generateFilms } from '../support/generate-films';
import { libraryText } from '../support/library-files';
import { sampleFilm, tempFolder, tempLibrary } from '../support/temp-library';

/**
 * search_terms lets a typed word be written as the index terms it starts (search-terms.ts). It
 * must never miss a term the index holds (a search would then miss films), and a search written
 * with it must find exactly the films the prefixes find, in the same order.
 */

/** Films whose words split and fold in every way the tokenizer has: marks, scripts, ligatures, digits. */
const ODD_FILMS = [
  { title: 'Café\u0301 Nausicaa\u0308 — Ōkami', year: 2001, directors: ['Zoë Ångström'], genres: ['Drama'] },
  { title: 'नमस्ते दुनिया', year: 2002, directors: ['Ravi Śankar'], genres: ['Drama'] },
  { title: '東京物語 Tōkyō', year: 1953, directors: ['小津安二郎'], genres: ['Drama'] },
  { title: 'Straße ﬁnal İstanbul ıslak', year: 2010, directors: ['Müller-Lüdenscheidt'], genres: ['Comedy'] },
  { title: 'Ὀδύσσεια 2001: R2-D2 😀 l’été', year: 1999, directors: ['Fırat Çelik'], genres: ['Comedy'] },
];

/** Every term the search index holds, as FTS5 lists them. */
function indexTerms(sqlite: Database.Database): string[] {
  sqlite.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_terms USING fts5vocab(main, films_fts, 'row')");
  return sqlite.prepare('SELECT term FROM temp.test_terms').pluck().all() as string[];
}

const storedTerms = (sqlite: Database.Database) =>
  new Set(sqlite.prepare('SELECT term FROM search_terms').pluck().all() as string[]);

function missingTerms(sqlite: Database.Database): string[] {
  const stored = storedTerms(sqlite);
  return indexTerms(sqlite).filter((term) => !stored.has(term));
}

async function importFilms(library: Library, films: readonly unknown[]): Promise<void> {
  const preview = await previewImport(library, { text: libraryText(films), name: 'films.json' });
  await commitImport(library, preview);
}

/** Keys the index finds for `match`, in the order asked. */
function keys(sqlite: Database.Database, match: string, order: string): number[] {
  return sqlite
    .prepare(`SELECT rowid FROM films_fts WHERE films_fts MATCH ? ORDER BY ${order}`)
    .pluck()
    .all(match) as number[];
}

const QUERIES = [
  'forgotten lighthouse',
  'garden kyoto',
  'the velvet requiem',
  'labyrinth of havana',
  'anna moreau',
  'kenji tanaka',
  'inspector dubois',
  'tomorrow darling',
  'freedom',
  'ridiculous',
  'professor',
  'ligh',
  'crim',
  'sandoval',
  'zoe angstrom',
  'Zoë',
  'muller',
  'Müller-Lüdenscheidt',
  'nausicaa cafe',
  'okami',
  'नमस्ते',
  '東京物語',
  'tokyo',
  'strasse',
  'straße final',
  'istanbul',
  'odysseia',
  'r2 d2',
  'lete',
  'firat celik',
  'zzzz nothing',
];

describe('search_terms: the index terms a typed word starts', () => {
  it('holds every term the index holds, after imports and saves', async () => {
    const library = await tempLibrary();
    const { sqlite } = library;
    for (const film of ODD_FILMS) library.create(film);
    library.create(sampleFilm());
    expect(missingTerms(sqlite)).toEqual([]);
    // An import writes each term once (its memory), films rich and light, with diacritics.
    await importFilms(library, [
      ...generateFilms(60, { profile: 'full', seed: 3 }),
      ...generateFilms(60, { seed: 4 }),
    ]);
    expect(indexTerms(sqlite).length).toBeGreaterThan(500);
    expect(missingTerms(sqlite)).toEqual([]);
    // A saved film's new words are added with it.
    const film = library.get(library.list({ sort: 'title', limit: 1 }).films[0]!.id)!;
    library.update({ ...film, notes: 'Quixotically zygomorphic' }, film.updatedAt);
    expect(storedTerms(sqlite).has('zygomorphic')).toBe(true);
    expect(missingTerms(sqlite)).toEqual([]);
  });

  it('takes a bulk import’s terms from the index once, before it commits', async () => {
    const library = await tempLibrary();
    const { sqlite } = library;
    // 600 films into an empty library: the import sets its indexes aside and defers the terms.
    await importFilms(library, [...ODD_FILMS, ...generateFilms(600, { seed: 9 })]);
    expect(library.count()).toBe(605);
    expect(storedTerms(sqlite).has('angstrom')).toBe(true);
    expect([...storedTerms(sqlite)].sort()).toEqual(indexTerms(sqlite).sort());
    // Saves after it write their terms again (nothing is left deferred).
    library.create({ title: 'Zymurgy', year: 2020 });
    expect(storedTerms(sqlite).has('zymurgy')).toBe(true);
  });

  it('is made by its migration from the index itself', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'));
    try {
      const { sqlite } = database;
      for (const film of [...ODD_FILMS, ...generateFilms(40, { profile: 'full', seed: 5 })])
        createFilm(sqlite, film);
      await migrateTo(database, '0008-term-indexes-for-lists');
      expect(
        sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'search_terms'").pluck().get(),
      ).toBe(0);
      await migrateToLatest(database);
      expect(indexTerms(sqlite).length).toBeGreaterThan(200);
      expect([...storedTerms(sqlite)].sort()).toEqual(indexTerms(sqlite).sort());
    } finally {
      await database.close();
    }
  });

  it('forgets what a rolled-back import wrote, so a later save writes those terms again', async () => {
    const library = await tempLibrary();
    const { sqlite } = library;
    sqlite.exec('BEGIN');
    const forget = rememberTerms(sqlite);
    noteTerms(sqlite, ['Xylophonist quokka']);
    expect(storedTerms(sqlite).has('quokka')).toBe(true);
    sqlite.exec('ROLLBACK');
    forget();
    expect(storedTerms(sqlite).has('quokka')).toBe(false);
    library.create({ title: 'The Quokka', year: 2020 });
    expect(storedTerms(sqlite).has('quokka')).toBe(true);
    expect(missingTerms(sqlite)).toEqual([]);
  });

  it('writes a typed word as the few terms it starts, and leaves short or common prefixes to FTS5', async () => {
    const library = await tempLibrary();
    const { sqlite } = library;
    library.create({ title: 'Forge of the Forgotten', year: 2000 });
    library.create({ title: 'Forgotten Forgery', year: 2001 });
    const many = Array.from({ length: EXPAND_UP_TO + 1 }, (_, i) => `manyword${String.fromCharCode(97 + i)}`);
    library.create({ title: many.join(' '), year: 2002 });
    expect(expansionOf(sqlite, 'forg')).toEqual(['forge', 'forgery', 'forgotten']);
    expect(expansionOf(sqlite, 'forgotten')).toEqual(['forgotten']);
    expect(expansionOf(sqlite, 'for')).toBeNull(); // a prefix index answers three letters
    expect(expansionOf(sqlite, 'manyword')).toBeNull(); // more than EXPAND_UP_TO terms
    expect(expansionOf(sqlite, 'nothing')).toBeNull();
    expect(ftsQuery('forgotten forg', sqlite)).toBe('"forgotten" AND ("forge" OR "forgery" OR "forgotten")');
    expect(ftsQueries('forgotten forg', sqlite)).toEqual({
      fts: '"forgotten" AND ("forge" OR "forgery" OR "forgotten")',
      ranked: '"forgotten" AND "forg"*',
    });
    expect(ftsQuery('forgotten forg')).toBe('"forgotten"* AND "forg"*');
  });

  it('finds the films the prefixes find, newest first and by best match, and browse answers the same', async () => {
    const library = await tempLibrary();
    const { sqlite } = library;
    for (const film of ODD_FILMS) library.create(film);
    await importFilms(library, [
      ...generateFilms(150, { profile: 'full', seed: 11 }),
      ...generateFilms(150, { seed: 12 }),
    ]);
    let expanded = 0;
    for (const query of QUERIES) {
      learnSearch(sqlite, query);
      const prefixes = ftsQuery(query)!;
      const written = ftsQuery(query, sqlite)!;
      const ranked = ftsQueries(query, sqlite)!.ranked;
      if (written !== prefixes) expanded += 1;
      expect(keys(sqlite, written, 'rowid DESC'), query).toEqual(keys(sqlite, prefixes, 'rowid DESC'));
      const best = 'bm25(films_fts), rowid';
      expect(keys(sqlite, ranked, best), query).toEqual(keys(sqlite, prefixes, best));
    }
    expect(expanded).toBeGreaterThan(15);
    // The same through browse: with the terms, and with the table emptied (every word a prefix).
    const answers = () =>
      QUERIES.map((search) => ({
        page: library.list({ search, sort: 'relevance', limit: 50 }).films.map((film) => film.id),
        byYear: library.list({ search, sort: 'year', limit: 50 }).films.map((film) => film.id),
        found: library.found({ search }),
        counts: library.facets({ search }).genres,
      }));
    const withTerms = answers();
    expect(withTerms.some((answer) => answer.found > 0)).toBe(true);
    sqlite.exec('DELETE FROM search_terms');
    expect(answers()).toEqual(withTerms);
  });
});
