import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  migrateTo,
  migrateToLatest,
  NEW_LIBRARY_PAGE_SIZE,
  NO_MIGRATIONS,
  openDatabase,
  pendingMigrations,
} from '../../src/main/library/database';
import { latestMigration, migrations } from '../../src/main/library/migrations';
import { tempFolder } from '../support/temp-library';

const tableNames = (sqlite: import('better-sqlite3').Database) =>
  (
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%'")
      .pluck()
      .all() as string[]
  ).sort();

describe('migrations', () => {
  it('0001-initial creates the whole model, with the search index, and can be undone', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'), { migrate: false });
    try {
      expect(await pendingMigrations(database)).toEqual(Object.keys(migrations));
      await migrateTo(database, '0001-initial');
      const tables = tableNames(database.sqlite);
      for (const table of [
        'films',
        'people',
        'film_credits',
        'film_terms',
        'film_quotes',
        'film_loans',
        'film_posters',
        'films_fts',
      ]) {
        expect(tables).toContain(table);
      }
      database.sqlite
        .prepare(
          "INSERT INTO films (id, title, sort_title, added_at, updated_at) VALUES ('x', 'A', 'A', 'now', 'now')",
        )
        .run();
      expect(database.sqlite.prepare('SELECT title FROM films').pluck().get()).toBe('A');
      await migrateTo(database, NO_MIGRATIONS);
      expect(tableNames(database.sqlite).filter((name) => !name.startsWith('films_fts_'))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('opening a library migrates it to the latest migration and leaves nothing pending', async () => {
    const path = join(tempFolder(), 'lib.sqlite');
    const database = await openDatabase(path);
    expect(await pendingMigrations(database)).toEqual([]);
    await database.close();
    const again = await openDatabase(path);
    await migrateToLatest(again);
    expect(await pendingMigrations(again)).toEqual([]);
    expect(latestMigration).toBe(Object.keys(migrations).at(-1));
    await again.close();
  });

  it('sets WAL, foreign keys, a busy timeout and full sync on every connection', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'));
    try {
      expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(database.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(database.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await database.close();
    }
  });

  it('makes a new library with 8 KiB pages and leaves an existing library its own page size', async () => {
    const folder = tempFolder();
    const created = await openDatabase(join(folder, 'new.sqlite'));
    try {
      expect(NEW_LIBRARY_PAGE_SIZE).toBe(8192);
      expect(created.sqlite.pragma('page_size', { simple: true })).toBe(8192);
    } finally {
      await created.close();
    }
    const path = join(folder, 'old.sqlite');
    const old = new Database(path);
    old.exec('CREATE TABLE made_elsewhere (x)');
    old.close();
    const opened = await openDatabase(path);
    try {
      expect(opened.sqlite.pragma('page_size', { simple: true })).toBe(4096);
      expect(tableNames(opened.sqlite)).toEqual(expect.arrayContaining(['films', 'made_elsewhere']));
      expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      await opened.close();
    }
  });
});
