import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type Database from 'better-sqlite3';
import type { Film, FilmInput } from '../../shared/film-schema';
import type { Facets, FilmPage, ListQuery } from '../../shared/browse';
import { openDatabase, type LibraryDatabase, type OpenOptions } from './database';
import { createFilm, countFilms, deleteFilm, getFilm, updateFilm } from './films';
import { facetCounts, listFilms } from './browse';
import type { LibraryTables } from './tables';

/** A library file, open: everything the app and the CLI do with films goes through here. */
export type Library = {
  path: string;
  database: LibraryDatabase;
  sqlite: Database.Database;
  count(): number;
  list(query: ListQuery): FilmPage;
  facets(): Facets;
  get(id: string): Film | undefined;
  create(input: FilmInput): Film;
  update(input: FilmInput & { id: string }, expectedUpdatedAt: string | null): Film;
  delete(id: string): boolean;
  close(): Promise<void>;
};

function libraryOver(database: LibraryDatabase): Library {
  const { sqlite } = database;
  const db = database.kysely as unknown as Kysely<LibraryTables>;
  return {
    path: database.path,
    database,
    sqlite,
    count: () => countFilms(sqlite),
    list: (query: ListQuery) => listFilms(sqlite, db, query),
    facets: () => facetCounts(sqlite),
    get: (id: string) => getFilm(sqlite, id),
    create: (input: FilmInput) => createFilm(sqlite, input),
    update: (input: FilmInput & { id: string }, expectedUpdatedAt: string | null) =>
      updateFilm(sqlite, input, expectedUpdatedAt),
    delete: (id: string) => deleteFilm(sqlite, id),
    close: () => database.close(),
  };
}

/** Opens (creating when missing, folders included) and migrates the library at `path`. */
export async function openLibrary(path: string, options: OpenOptions = {}): Promise<Library> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return libraryOver(await openDatabase(path, options));
}
