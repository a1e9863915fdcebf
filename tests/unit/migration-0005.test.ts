import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, openDatabase } from '../../src/main/library/database';
import { createFilm, getFilm } from '../../src/main/library/films';
import { CHILD_TABLES } from '../../src/main/library/film-rows';
import { WITHOUT_ROWID_TABLES } from '../../src/main/library/migrations/0005-child-tables-without-rowid';
import { generateFilms } from '../support/generate-films';
import { sampleFilm, tempFolder } from '../support/temp-library';

/**
 * Migration 0005 rebuilds the child tables of short rows as WITHOUT ROWID tables. It must keep
 * every row and index, and undoing it must give back 0004's schema exactly, text for text.
 */

/** Every schema object but the migrator's own, with its SQL. */
const schemaOf = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'kysely_%' ORDER BY type, name",
    )
    .all();

/** Every row of every child table, in key order. */
const childContents = (sqlite: Database.Database) =>
  Object.fromEntries(
    CHILD_TABLES.map((table) => [
      table,
      sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).raw().all(),
    ]),
  );

const tableSql = (sqlite: Database.Database, table: string) =>
  sqlite
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
    .pluck()
    .get(table) as string;

describe('migration 0005: child tables without rowid', () => {
  it('rebuilds the short-row child tables keeping every row and index, and undoes to 0004 exactly', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'));
    try {
      const { sqlite } = database;
      // Written by today's code (which writes every later migration's tables), then taken back to 0004.
      const films = [sampleFilm(), ...generateFilms(30, { profile: 'full', seed: 5 })].map((film) =>
        createFilm(sqlite, film),
      );
      await migrateTo(database, '0004-browse-columns-written');
      expect(tableSql(sqlite, 'film_credits')).not.toMatch(/WITHOUT ROWID/);
      const as0004 = schemaOf(sqlite);
      const rows0004 = childContents(sqlite);
      expect(rows0004.film_credits?.length).toBeGreaterThan(100);

      await migrateTo(database, '0005-child-tables-without-rowid');
      for (const table of CHILD_TABLES) {
        const converted = (WITHOUT_ROWID_TABLES as readonly string[]).includes(table);
        expect(tableSql(sqlite, table).endsWith(' WITHOUT ROWID'), table).toBe(converted);
      }
      // The prose tables keep their rowid: long rows would go to overflow pages.
      expect(WITHOUT_ROWID_TABLES).not.toContain('film_sections');
      expect(childContents(sqlite)).toEqual(rows0004);
      const indexNames = (schema: unknown[]) =>
        (schema as { type: string; name: string; sql: string | null }[])
          .filter((object) => object.type === 'index' && object.sql !== null)
          .map((object) => `${object.name}: ${object.sql}`);
      expect(indexNames(schemaOf(sqlite))).toEqual(indexNames(as0004));
      for (const film of films) expect(getFilm(sqlite, film.id)).toEqual(film);
      // The keys still hold: a second first director of a film is refused.
      expect(() =>
        sqlite
          .prepare(
            "INSERT INTO film_credits (film_key, role, position, person_key) VALUES (1, 'director', 0, 1)",
          )
          .run(),
      ).toThrow(/UNIQUE|PRIMARY KEY/);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

      await migrateTo(database, '0004-browse-columns-written');
      expect(schemaOf(sqlite)).toEqual(as0004);
      expect(childContents(sqlite)).toEqual(rows0004);

      await migrateToLatest(database);
      expect(tableSql(sqlite, 'film_credits')).toMatch(/WITHOUT ROWID$/);
      for (const film of films) expect(getFilm(sqlite, film.id)).toEqual(film);
    } finally {
      await database.close();
    }
  });

  it('reads a film’s credits and finds a person’s films through the keys, not a scan', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'));
    try {
      const plan = (query: string) =>
        (database.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[])
          .map((row) => row.detail)
          .join('\n');
      expect(plan('SELECT * FROM film_credits WHERE film_key = 1 ORDER BY role, position')).toMatch(
        /SEARCH film_credits USING PRIMARY KEY \(film_key=\?\)/,
      );
      expect(plan("SELECT film_key FROM film_credits WHERE person_key = 1 AND role = 'cast'")).toMatch(
        /USING COVERING INDEX film_credits_by_person/,
      );
    } finally {
      await database.close();
    }
  });
});
