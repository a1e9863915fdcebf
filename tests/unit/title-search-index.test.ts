import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/main/library';
import { migrateTo, migrateToLatest, openDatabase } from '../../src/main/library/database';
import { createFilm } from '../../src/main/library/films';
import { tempFolder, tempLibrary } from '../support/temp-library';

/**
 * Migration 0006's title index (films_title_fts) answers browse's title tier, so it must hold
 * exactly the films' titles, through every write, and be built for libraries made before it.
 * Migration 0007 keeps only which fields hold each word (detail=column): every search must still
 * be a query such an index answers.
 */

/** The keys the title index finds for an FTS5 query, in key order. */
const titleKeys = (sqlite: Database.Database, match: string) =>
  sqlite
    .prepare('SELECT rowid FROM films_title_fts WHERE films_title_fts MATCH ? ORDER BY rowid')
    .pluck()
    .all(match) as number[];

const keyOf = (sqlite: Database.Database, id: string) =>
  sqlite.prepare('SELECT key FROM films WHERE id = ?').pluck().get(id) as number;

const tableExists = (sqlite: Database.Database, name: string) =>
  sqlite.prepare('SELECT count(*) FROM sqlite_master WHERE name = ?').pluck().get(name) === 1;

describe('migration 0006: the title search index', () => {
  it('is built from the search index for films written before it, and can be undone', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'));
    try {
      const { sqlite } = database;
      const alien = createFilm(sqlite, {
        title: 'Alien',
        synopsis: [{ heading: null, body: 'A lighthouse.' }],
      });
      const amelie = createFilm(sqlite, { title: 'Le Fabuleux Destin', originalTitle: 'Amélie' });
      await migrateTo(database, '0004-browse-columns-written');
      expect(tableExists(sqlite, 'films_title_fts')).toBe(false);
      await migrateToLatest(database);
      expect(titleKeys(sqlite, '"alien"')).toEqual([keyOf(sqlite, alien.id)]);
      // The original title is a title too; accents fold as in the whole index; the story is not a title.
      expect(titleKeys(sqlite, '"ameli"*')).toEqual([keyOf(sqlite, amelie.id)]);
      expect(titleKeys(sqlite, '"lighthouse"')).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

describe('the title index follows every write', () => {
  it('on create, save, trash, restore, delete for good, and import', async () => {
    const library = await tempLibrary();
    try {
      const { sqlite } = library;
      const film = library.create({ title: 'The Lantern Keeper' });
      const key = keyOf(sqlite, film.id);
      expect(titleKeys(sqlite, '"lantern"*')).toEqual([key]);

      library.update({ ...film, title: 'Harbor Lights' }, film.updatedAt);
      expect(titleKeys(sqlite, '"lantern"*')).toEqual([]);
      expect(titleKeys(sqlite, '"harbor" "lights"')).toEqual([key]);

      // The trash keeps its entry (browse leaves trashed films out by their row).
      library.trash([film.id]);
      expect(library.list({ search: 'harbor', sort: 'relevance' }).films).toEqual([]);
      library.restore([film.id]);
      expect(library.list({ search: 'harbor', sort: 'relevance' }).films.map((f) => f.id)).toEqual([film.id]);

      library.delete(film.id);
      expect(titleKeys(sqlite, '"harbor"')).toEqual([]);
      expect(sqlite.prepare('SELECT count(*) FROM films_title_fts').pluck().get()).toBe(0);
    } finally {
      await library.close();
    }
  });

  it('a library reopened finds titles as browse ranks them: whole title words first', async () => {
    const path = join(tempFolder(), 'lib.sqlite');
    const first = await openLibrary(path);
    const ids = [
      first.create({ title: 'Quiet Harvest', synopsis: [{ heading: null, body: 'An alien lands.' }] }).id,
      first.create({ title: 'Aliens' }).id,
      first.create({ title: 'Alien' }).id,
    ];
    await first.close();
    const library = await openLibrary(path);
    try {
      const page = library.list({ search: 'alien', sort: 'relevance' });
      expect(page.films.map((f) => f.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect(page.films.map((f) => f.match?.field)).toEqual(['title', 'title', 'story']);
      expect(page).toMatchObject({ total: 3, totalExact: true });
    } finally {
      await library.close();
    }
  });
});

const searchIndexSql = (sqlite: Database.Database) =>
  sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'films_fts'").pluck().get() as string;

describe('migration 0007: the search index keeps fields, not positions', () => {
  it('rebuilds the index with every film in it, and can be undone to the index 0006 left', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'));
    try {
      const { sqlite } = database;
      const film = createFilm(sqlite, {
        title: 'Quiet Harvest',
        cast: [{ person: 'Zoë Lindqvist', character: 'Inspector Dubois' }],
      });
      expect(searchIndexSql(sqlite)).toContain('detail = column');
      await migrateTo(database, '0006-title-search-index');
      const before = searchIndexSql(sqlite);
      expect(before).not.toContain('detail');
      expect(
        sqlite.prepare('SELECT rowid FROM films_fts WHERE films_fts MATCH \'"zoe"\'').pluck().all(),
      ).toEqual([keyOf(sqlite, film.id)]);
      await migrateToLatest(database);
      expect(searchIndexSql(sqlite)).toContain('detail = column');
      expect(
        sqlite.prepare('SELECT rowid FROM films_fts WHERE films_fts MATCH \'"dubo"*\'').pluck().all(),
      ).toEqual([keyOf(sqlite, film.id)]);
      await migrateTo(database, '0006-title-search-index');
      expect(searchIndexSql(sqlite)).toBe(before);
    } finally {
      await database.close();
    }
  });

  it('answers whatever is typed: no search becomes a phrase or NEAR query the index cannot answer', async () => {
    const library = await tempLibrary();
    try {
      library.create({ title: 'Amélie', originalTitle: 'Le Fabuleux Destin d’Amélie Poulain' });
      library.create({ title: 'हिन्दी फ़िल्म', cast: [{ person: 'O’Connell-Smith', character: 'n\u0308ice' }] });
      const typed = [
        'ame',
        'Ame\u0301lie',
        '"le fabuleux"',
        'NEAR(le destin)',
        'o’connell-smith',
        'हिन्दी',
        'फ़िल्',
        'n\u0308ice',
        'a*b "c" {title}: d',
        '\u0301\u0308',
        'AND OR NOT',
      ];
      for (const search of typed) {
        expect(() => library.list({ search, sort: 'relevance' }), search).not.toThrow();
        expect(() => library.found({ search }), search).not.toThrow();
        expect(() => library.facets({ search }), search).not.toThrow();
      }
      expect(library.list({ search: 'Ame\u0301lie', sort: 'relevance' }).films.map((f) => f.title)).toEqual([
        'Amélie',
      ]);
      expect(library.list({ search: 'फ़िल्', sort: 'relevance' }).films.map((f) => f.title)).toEqual([
        'हिन्दी फ़िल्म',
      ]);
    } finally {
      await library.close();
    }
  });
});
