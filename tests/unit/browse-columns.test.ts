import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, openDatabase } from '../../src/main/library/database';
import { facetSql } from '../../src/main/library/browse';
import { createFilm } from '../../src/main/library/films';
import { BACKFILL_BROWSE_COLUMNS } from '../../src/main/library/migrations/0002-browse-columns';
import { BACKFILL_SUMMARY_LISTS } from '../../src/main/library/migrations/0010-summary-lists';
import { commitImport, previewImport, TransferCancelledError } from '../../src/main/library/transfer';
import type { FilmInput } from '../../src/shared/film-schema';
import { libraryFingerprint, libraryText } from '../support/library-files';
import { repoRoot, sampleFilm, tempFolder, tempLibrary } from '../support/temp-library';

/**
 * Migration 0002's browse columns (and 0010's summary lists) are computed from the film in
 * film-rows.ts and written with the film row (0004 took the triggers on child rows out). Here the
 * values written are compared with what the migrations' own SQL computes from the child rows, for
 * films chosen to reach every branch, after every kind of write.
 */

const COLUMNS = [
  'sort_directors',
  'sort_genres',
  'imdb_rating',
  'rotten_tomatoes',
  'seen',
  'sort_media',
  'sort_locations',
  'open_loans',
  'next_due_on',
  'summary_lists',
];

/** Every film's browse columns, each with its storage class. */
function browseColumns(sqlite: Database.Database): unknown[] {
  const selected = COLUMNS.map((column) => `${column}, typeof(${column}) AS ${column}_type`).join(', ');
  return sqlite.prepare(`SELECT key, ${selected} FROM films ORDER BY key`).all();
}

/** Asserts the stored columns equal 0002's expressions over the stored child rows. */
function expectColumnsAsSqlComputes(sqlite: Database.Database): void {
  const written = browseColumns(sqlite);
  sqlite.exec('SAVEPOINT recompute');
  try {
    sqlite.exec(BACKFILL_BROWSE_COLUMNS);
    sqlite.exec(BACKFILL_SUMMARY_LISTS);
    expect(written).toEqual(browseColumns(sqlite));
  } finally {
    sqlite.exec('ROLLBACK TO recompute');
    sqlite.exec('RELEASE recompute');
  }
}

const rating = (source: string, value: number, scale: number) => ({ source, value, scale });
const copy = (medium: string, location: string | null = null) => ({ medium, location });
const loan = (copyIndex: number | null, dueOn: string | null, returnedOn: string | null = null) => ({
  copyIndex,
  borrower: 'Sam',
  lentOn: '2024-01-01',
  dueOn,
  returnedOn,
});

/** Films that reach every branch of the columns' expressions. */
const EDGE_FILMS: FilmInput[] = [
  { title: 'Nothing At All' },
  {
    title: 'Lower-case Sources',
    directors: ['Zoë Ångström', 'Second Director'],
    genres: ['Science Fiction', 'Drama'],
    ratings: [rating('imdb', 7.3, 10), rating('rt', 4, 5)],
  },
  {
    title: 'Capitals And Scales',
    ratings: [
      rating('Metacritic', 81, 100),
      rating('IMDB', 3.7, 5),
      rating('ROTTENTOMATOES', 0.97, 1),
      rating('IMDb', 9.9, 10),
      rating('Rotten Tomatoes', 12, 100),
    ],
  },
  {
    title: 'Near Misses',
    // Not IMDb or Rotten Tomatoes to SQLite's lower(): none of these counts.
    ratings: [
      rating('İMDb', 5, 10),
      rating('IMDb Pro', 6, 10),
      rating('R.T.', 50, 100),
      rating('Tomatometer', 70, 100),
    ],
  },
  {
    title: 'Thirds',
    ratings: [rating('IMDb', 1, 3), rating('Rotten Tomatoes', 2, 3)],
    watched: [{ date: null }],
  },
  {
    title: 'Loans Returned',
    copies: [copy('DVD', 'Shelf A'), copy('Blu-ray', 'Box 2')],
    loans: [loan(0, '2024-02-01', '2024-01-20'), loan(1, null, '2024-03-01')],
  },
  {
    title: 'Loans Open',
    copies: [copy('VHS'), copy('DVD', 'Attic'), copy('Laserdisc', 'Shelf C')],
    watched: [{ date: '2020-05-01', note: 'again' }, { date: '2021-01-01' }],
    loans: [
      loan(0, '2024-03-15', '2024-03-10'),
      loan(0, '2024-06-01'),
      loan(1, null),
      loan(2, '2024-04-30'),
      loan(null, '2024-01-01', '2024-01-02'),
    ],
  },
  {
    title: 'Open Loans Without Due Dates',
    copies: [copy('4K UHD')],
    loans: [loan(0, null), loan(null, null)],
  },
];

describe('browse columns written with the film', () => {
  it('equal what migration 0002’s expressions compute, for every kind of film', async () => {
    const library = await tempLibrary();
    for (const film of [sampleFilm(), ...EDGE_FILMS]) library.create(film);
    expectColumnsAsSqlComputes(library.sqlite);
    // A spot check that the comparison compares something: the every-field film has them all.
    const sample = library.sqlite
      .prepare(`SELECT ${COLUMNS.join(', ')} FROM films WHERE title = ?`)
      .get(sampleFilm().title) as Record<string, unknown>;
    expect(Object.values(sample).filter((value) => value !== null).length).toBeGreaterThan(5);
  });

  it('stay right through saves, loans, returns and the trash', async () => {
    const library = await tempLibrary();
    const films = EDGE_FILMS.map((film) => library.create(film));
    const open = films.find((film) => film.title === 'Loans Open')!;
    const returned = library.returnLoan(
      { filmId: open.id, loanIndex: 1, returnedOn: '2024-07-01' },
      open.updatedAt,
    );
    expectColumnsAsSqlComputes(library.sqlite);
    library.lend(
      { filmId: open.id, copyIndex: 0, borrower: 'Ann', lentOn: '2024-08-01', dueOn: '2024-09-01' },
      returned.updatedAt,
    );
    const lower = films.find((film) => film.title === 'Lower-case Sources')!;
    library.update(
      {
        ...lower,
        directors: [],
        genres: ['Western'],
        ratings: [rating('Rt', 3, 10)],
        watched: [{ date: null, note: null }],
      },
      lower.updatedAt,
    );
    const nothing = films.find((film) => film.title === 'Nothing At All')!;
    library.update({ ...nothing, ...EDGE_FILMS[6], title: 'Nothing At All' }, nothing.updatedAt);
    library.trash([films[2]!.id]);
    expectColumnsAsSqlComputes(library.sqlite);
    expect(library.list({ filter: { loan: 'on-loan' } }).total).toBe(3);
  });

  it('are written by an import too, also when the import sets the indexes aside', async () => {
    const library = await tempLibrary();
    const many = Array.from({ length: 2_100 }, (_, i) => ({
      ...EDGE_FILMS[i % EDGE_FILMS.length],
      title: `Film ${i}`,
      directors: [`Director ${i % 97}`],
    }));
    const indexes = () =>
      library.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
    const before = indexes();
    const preview = await previewImport(library, { text: libraryText(many), name: 'many.json' });
    await commitImport(library, preview);
    expect(library.count()).toBe(2_100);
    expect(indexes()).toEqual(before);
    expect(library.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expectColumnsAsSqlComputes(library.sqlite);
    expect(library.list({ filter: { director: 'Director 5' } }).total).toBe(22);
  });
});

describe('an import that sets the indexes aside is still all or nothing', () => {
  it('a cancel after the last film, with the indexes set aside, leaves the library and its indexes as they were', async () => {
    const library = await tempLibrary();
    library.create({ title: 'Already Here', directors: ['Somebody'] });
    const before = libraryFingerprint(library);
    const schema = () =>
      library.sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const schemaBefore = schema();
    const many = Array.from({ length: 2_000 }, (_, i) => ({ title: `Film ${i}`, directors: ['Somebody'] }));
    const preview = await previewImport(library, { text: libraryText(many), name: 'many.json' });
    const controller = new AbortController();
    let indexesAtTheEnd = 0;
    const writing = commitImport(
      library,
      preview,
      {},
      {
        sliceMs: Infinity,
        chunkSize: 500,
        signal: controller.signal,
        onProgress: (done, total) => {
          if (done < total) return;
          indexesAtTheEnd = schema().filter((object) => (object as { type: string }).type === 'index').length;
          controller.abort();
        },
      },
    );
    await expect(writing).rejects.toThrow(TransferCancelledError);
    expect(library.sqlite.inTransaction).toBe(false);
    // Only the keys and unique constraints were left while it wrote; all are back now.
    const indexCount = schemaBefore.filter((object) => (object as { type: string }).type === 'index').length;
    expect(indexesAtTheEnd).toBeLessThan(indexCount / 2);
    expect(schema()).toEqual(schemaBefore);
    expect(libraryFingerprint(library)).toBe(before);
    expect(library.list({ filter: { director: 'Somebody' } }).total).toBe(1);
  });
});

describe('migration 0004', () => {
  const schemaOf = (sqlite: Database.Database) =>
    sqlite
      .prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name",
      )
      .all();

  it('takes out the child-row triggers and the role index, and puts back exactly what 0003 had when undone', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'), { migrate: false });
    try {
      await migrateTo(database, '0003-edit-indexes');
      const as0003 = schemaOf(database.sqlite);
      await migrateToLatest(database);
      // Films are written by today's write path, which needs the latest schema (0006's title index).
      createFilm(database.sqlite, EDGE_FILMS[6]!);
      const triggers = database.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .pluck()
        .all();
      expect([...triggers].sort()).toEqual(['people_browse_rename', 'people_summary_rename']);
      const names = database.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index'")
        .pluck()
        .all();
      expect(names).toContain('film_credits_directors');
      expect(names).not.toContain('film_credits_by_role');
      createFilm(database.sqlite, { ...EDGE_FILMS[1]!, title: 'Written After 0004' });
      expectColumnsAsSqlComputes(database.sqlite);
      // A renamed director is renamed on the film rows too (0002's first director, 0010's lists).
      const renamed = database.sqlite
        .prepare(
          "UPDATE people SET name = name || ' Jr.' WHERE key IN (SELECT person_key FROM film_credits WHERE role = 'director')",
        )
        .run().changes;
      expect(renamed).toBeGreaterThan(0);
      expect(
        database.sqlite.prepare("SELECT count(*) FROM films WHERE summary_lists LIKE '% Jr.%'").pluck().get(),
      ).toBeGreaterThan(0);
      expectColumnsAsSqlComputes(database.sqlite);

      await migrateTo(database, '0003-edit-indexes');
      expect(schemaOf(database.sqlite)).toEqual(as0003);
      // 0002's triggers are live again: a child row written alone updates the film row.
      database.sqlite.prepare("UPDATE film_copies SET medium = 'Betamax' WHERE position = 0").run();
      expect(
        database.sqlite
          .prepare('SELECT DISTINCT sort_media FROM films WHERE sort_media IS NOT NULL')
          .pluck()
          .all(),
      ).toEqual(['Betamax']);
    } finally {
      await database.close();
    }
  });
});

describe('the directors index', () => {
  it('the directors list of the whole library walks the partial index of directors, in person order', async () => {
    const library = await tempLibrary();
    for (const film of EDGE_FILMS) library.create({ ...film, cast: [{ person: 'Zoë Ångström' }] });
    const { sql, params } = facetSql(library.sqlite, {}).directors as { sql: string; params: unknown[] };
    const plan = (library.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/SCAN c USING COVERING INDEX film_credits_directors/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
    expect(library.facets().directors).toEqual([
      { value: 'Second Director', count: 1 },
      { value: 'Zoë Ångström', count: 1 },
    ]);
  });
});

describe('every write of child rows goes through film-rows.ts', () => {
  it('no other module under src/ inserts, updates or deletes the rows the browse columns come from', () => {
    const tables = 'film_credits|film_terms|film_ratings|film_watched|film_copies|film_loans';
    const sql = `\\b(INSERT(\\s+OR\\s+\\w+)?\\s+INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+(${tables})\\b`;
    const kysely = `\\b(insertInto|updateTable|deleteFrom|replaceInto)\\(\\s*['"\`](${tables})\\b`;
    const write = new RegExp(`${sql}|${kysely}`, 'i');
    const files = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const writers = files(join(repoRoot, 'src'))
      .map((path) => relative(repoRoot, path))
      .filter(
        (path) => !path.includes('/migrations/') && write.test(readFileSync(join(repoRoot, path), 'utf8')),
      );
    expect(writers).toEqual([]);
  });
});
