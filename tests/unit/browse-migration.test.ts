import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/main/library';
import { migrateTo, migrateToLatest, openDatabase } from '../../src/main/library/database';
import {
  CHILD_COLUMNS,
  childRows,
  FILM_ROW_COLUMNS,
  filmRowValues,
  insertSql,
  type ChildTable,
} from '../../src/main/library/film-rows';
import { createFilm } from '../../src/main/library/films';
import { searchText } from '../../src/main/library/search-text';
import { completeFilm } from '../../src/shared/film';
import { filmInputSchema, type FilmInput } from '../../src/shared/film-schema';
import { tempFolder, tempLibrary } from '../support/temp-library';

const copiedColumns = (sqlite: import('better-sqlite3').Database, title: string) =>
  sqlite
    .prepare(
      `SELECT sort_directors, sort_genres, imdb_rating, rotten_tomatoes, seen, sort_media, sort_locations,
        open_loans, next_due_on FROM films WHERE title = ?`,
    )
    .get(title);

/**
 * Writes a film as the app did before migration 0002 (its film row has no browse columns yet;
 * today's write path needs them, so it cannot write into a library at 0001).
 */
function writeAs0001(sqlite: import('better-sqlite3').Database, input: FilmInput): void {
  const film = completeFilm(filmInputSchema.parse(input));
  const ownColumns = FILM_ROW_COLUMNS.length - 10; // the browse columns (0002) and summary lists (0010) come last
  const key = Number(
    sqlite
      .prepare(insertSql('films', FILM_ROW_COLUMNS.slice(0, ownColumns)))
      .run(filmRowValues(film).slice(0, ownColumns)).lastInsertRowid,
  );
  const personKey = (name: string) =>
    (sqlite.prepare('SELECT key FROM people WHERE name = ?').pluck().get(name) as number | undefined) ??
    sqlite.prepare('INSERT INTO people (name) VALUES (?)').run(name).lastInsertRowid;
  const rows = childRows(key, film, personKey);
  for (const table of Object.keys(rows) as ChildTable[]) {
    for (const row of rows[table]) sqlite.prepare(insertSql(table, CHILD_COLUMNS[table])).run(row);
  }
  const text = searchText(film);
  sqlite.prepare(insertSql('films_fts', ['rowid', ...Object.keys(text)])).run(key, ...Object.values(text));
}

const alien: FilmInput = {
  title: 'Alien',
  directors: ['Ridley Scott'],
  genres: ['Horror', 'Science Fiction'],
  ratings: [
    { source: 'Rotten Tomatoes', value: 93, scale: 100 },
    { source: 'IMDb', value: 85, scale: 100 },
  ],
  watched: [{ date: '2020-01-01' }],
  copies: [{ medium: 'Blu-ray', location: 'Shelf B' }, { medium: 'DVD' }],
  loans: [
    { copyIndex: 0, borrower: 'Sam', lentOn: '2024-01-01', dueOn: '2024-02-01' },
    { copyIndex: 1, borrower: 'Ann', lentOn: '2024-01-01', dueOn: '2024-01-15', returnedOn: '2024-01-10' },
  ],
};

describe('migration 0002: browse columns', () => {
  it('fills the copied columns of films written before it, and rebuilds search with one-letter prefixes', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'), { migrate: false });
    try {
      await migrateTo(database, '0001-initial');
      writeAs0001(database.sqlite, alien);
      writeAs0001(database.sqlite, { title: 'Brazil' });
      await migrateToLatest(database);
      expect(copiedColumns(database.sqlite, 'Alien')).toEqual({
        sort_directors: 'Ridley Scott',
        sort_genres: 'Horror',
        imdb_rating: 8.5,
        rotten_tomatoes: 93,
        seen: 1,
        sort_media: 'Blu-ray',
        sort_locations: 'Shelf B',
        open_loans: 1,
        next_due_on: '2024-02-01',
      });
      expect(copiedColumns(database.sqlite, 'Brazil')).toMatchObject({
        sort_directors: null,
        seen: 0,
        open_loans: 0,
      });
      const prefix = database.sqlite
        .prepare("SELECT sql FROM sqlite_master WHERE name = 'films_fts'")
        .pluck()
        .get();
      expect(prefix).toMatch(/prefix = '1 2 3'/);
      expect(
        database.sqlite.prepare(`SELECT rowid FROM films_fts WHERE films_fts MATCH '"b"*'`).all(),
      ).toHaveLength(1);
    } finally {
      await database.close();
    }
  });

  it('can be undone, leaving the library as 0001 made it', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'));
    try {
      createFilm(database.sqlite, alien);
      await migrateTo(database, '0001-initial');
      const columns = (database.sqlite.prepare('PRAGMA table_info(films)').all() as { name: string }[]).map(
        (c) => c.name,
      );
      expect(columns).not.toContain('sort_directors');
      expect(columns).not.toContain('seen');
      const triggers = database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all();
      expect(triggers).toEqual([]);
      expect(
        database.sqlite.prepare(`SELECT count(*) FROM films_fts WHERE films_fts MATCH 'alien'`).pluck().get(),
      ).toBe(1);
    } finally {
      await database.close();
    }
  });
});

describe('the copied columns follow every write', () => {
  it('on create, save, lend, return, trash and rename', async () => {
    const library = await tempLibrary();
    const film = library.create(alien);
    const summary = () => library.list({ search: 'alien' }).films[0];
    expect(summary()).toMatchObject({
      imdbRating: 8.5,
      rottenTomatoes: 93,
      seen: true,
      onLoan: true,
      overdue: true,
    });

    const saved = library.update(
      {
        ...film,
        directors: ['Ann Other', 'Ridley Scott'],
        genres: ['Science Fiction'],
        ratings: [],
        watched: [],
        copies: [
          {
            medium: 'VHS',
            location: null,
            edition: null,
            region: null,
            barcode: null,
            acquired: null,
            price: null,
          },
        ],
        loans: [],
      },
      film.updatedAt,
    );
    expect(copiedColumns(library.sqlite, 'Alien')).toEqual({
      sort_directors: 'Ann Other',
      sort_genres: 'Science Fiction',
      imdb_rating: null,
      rotten_tomatoes: null,
      seen: 0,
      sort_media: 'VHS',
      sort_locations: null,
      open_loans: 0,
      next_due_on: null,
    });
    expect(library.list({ filter: { seen: false } }).total).toBe(1);
    expect(library.list({ filter: { loan: 'on-loan' } }).total).toBe(0);

    const lent = library.lend(
      { filmId: film.id, copyIndex: 0, borrower: 'Sam', lentOn: '2025-01-01', dueOn: '2099-01-01' },
      saved.updatedAt,
    );
    expect(library.list({ filter: { loan: 'on-loan' } }).total).toBe(1);
    expect(library.list({ filter: { loan: 'overdue' } }).total).toBe(0);
    library.returnLoan({ filmId: film.id, loanIndex: 0, returnedOn: '2025-02-01' }, lent.updatedAt);
    expect(library.list({ filter: { loan: 'on-loan' } }).total).toBe(0);

    library.sqlite.prepare("UPDATE people SET name = 'Anne Other' WHERE name = 'Ann Other'").run();
    expect(copiedColumns(library.sqlite, 'Alien')).toMatchObject({ sort_directors: 'Anne Other' });

    library.trash([film.id]);
    expect(library.list({}).total).toBe(0);
    expect(library.facets().total).toBe(0);
  });
});

describe('browse answers stay right after writes', () => {
  it('totals and counts remembered for a query are forgotten when the library changes', async () => {
    const library = await tempLibrary();
    library.create({ title: 'Alien', genres: ['Horror'] });
    expect(library.list({ search: 'alien' }).total).toBe(1);
    expect(library.facets({ search: 'alien' }).genres).toEqual([{ value: 'Horror', count: 1 }]);
    library.create({ title: 'Aliens', genres: ['Horror'] });
    expect(library.list({ search: 'alien' }).total).toBe(2);
    expect(library.facets({ search: 'alien' }).genres).toEqual([{ value: 'Horror', count: 2 }]);
    expect(library.ids({ sort: 'title', descending: true })).toEqual(
      library.list({ sort: 'title', descending: true }).films.map((film) => film.id),
    );
  });

  it('a library opened elsewhere sees another connection’s writes', async () => {
    const path = join(tempFolder(), 'shared.sqlite');
    const reader = await openLibrary(path);
    const writer = await openLibrary(path);
    try {
      expect(reader.list({}).total).toBe(0);
      writer.create({ title: 'Alien' });
      expect(reader.list({}).total).toBe(1);
    } finally {
      await reader.close();
      await writer.close();
    }
  });
});
