import type Database from 'better-sqlite3';
import { completeFilm } from '../../shared/film';
import { filmInputSchema, type Film, type FilmInput } from '../../shared/film-schema';
import { insertFilm, prepared, replaceFilm } from './film-rows';
import { readFilms } from './read-films';
import { SEARCH_COLUMNS, searchValues, TITLE_COLUMN } from './search-text';
import { noteTerms } from './search-terms';

type Sqlite = Database.Database;

/** Thrown when a film was changed elsewhere since the caller read it. */
export class StaleFilmError extends Error {
  readonly code = 'STALE';
  constructor(
    readonly filmId: string,
    readonly current: Film,
  ) {
    super(`“${current.title}” was changed elsewhere (at ${current.updatedAt}) since you opened it.`);
  }
}

export class FilmNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(readonly filmId: string) {
    super(`No film with id ${filmId} is in this library.`);
  }
}

const INSERT_FTS = `INSERT INTO films_fts (rowid, ${SEARCH_COLUMNS.join(', ')})
  VALUES (?, ${SEARCH_COLUMNS.map(() => '?').join(', ')})`;

/** Removes a film's search entries (the whole index's and the titles'). */
function unindexFilm(sqlite: Sqlite, key: number): void {
  prepared(sqlite, 'DELETE FROM films_fts WHERE rowid = ?').run(key);
  prepared(sqlite, 'DELETE FROM films_title_fts WHERE rowid = ?').run(key);
}

/** Writes the film's search entries; a new film has none yet, a saved one's are replaced. */
function indexFilm(sqlite: Sqlite, key: number, film: Film, isNew: boolean): void {
  if (!isNew) unindexFilm(sqlite, key);
  const values = searchValues(film);
  prepared(sqlite, INSERT_FTS).run(key, ...values);
  prepared(sqlite, 'INSERT INTO films_title_fts (rowid, title) VALUES (?, ?)').run(key, values[TITLE_COLUMN]);
  noteTerms(sqlite, values);
}

/** The film's internal key, or undefined when no film has that id. */
export function filmKey(sqlite: Sqlite, id: string): number | undefined {
  return prepared(sqlite, 'SELECT key FROM films WHERE id = ?').pluck().get(id) as number | undefined;
}

/** Writes a complete film as new, with its search entry, inside the caller's transaction. */
export function insertCompleteFilm(sqlite: Sqlite, film: Film): number {
  const key = insertFilm(sqlite, film);
  indexFilm(sqlite, key, film, true);
  return key;
}

/** Replaces the stored film with the same id, keeping its key, inside the caller's transaction. */
export function replaceCompleteFilm(sqlite: Sqlite, key: number, film: Film): void {
  replaceFilm(sqlite, key, film);
  indexFilm(sqlite, key, film, false);
}

/** Validates and adds a film; returns it as stored. */
export function createFilm(sqlite: Sqlite, input: FilmInput, now = new Date().toISOString()): Film {
  const parsed = filmInputSchema.parse(input);
  const film = completeFilm({ ...parsed, addedAt: now, updatedAt: now }, now);
  if (parsed.id && filmKey(sqlite, parsed.id) !== undefined) {
    throw new Error(`A film with id ${parsed.id} is already in this library.`);
  }
  sqlite.transaction(() => insertCompleteFilm(sqlite, film))();
  return film;
}

/** The whole film, or undefined. */
export function getFilm(sqlite: Sqlite, id: string): Film | undefined {
  const key = filmKey(sqlite, id);
  return key === undefined ? undefined : readFilms(sqlite, [key])[0];
}

/**
 * Saves a whole film over the stored one. `expectedUpdatedAt` is the `updatedAt` the caller read:
 * when the stored film has moved on since, nothing is written and StaleFilmError says so.
 */
export function updateFilm(
  sqlite: Sqlite,
  input: FilmInput & { id: string },
  expectedUpdatedAt: string | null,
  now = new Date().toISOString(),
): Film {
  const parsed = filmInputSchema.parse(input);
  return sqlite.transaction(() => {
    const key = filmKey(sqlite, input.id);
    if (key === undefined) throw new FilmNotFoundError(input.id);
    const current = readFilms(sqlite, [key])[0] as Film;
    if (expectedUpdatedAt !== null && current.updatedAt !== expectedUpdatedAt) {
      throw new StaleFilmError(input.id, current);
    }
    const film = completeFilm({
      ...parsed,
      id: input.id,
      addedAt: current.addedAt,
      updatedAt: laterThan(now, current.updatedAt),
    });
    replaceCompleteFilm(sqlite, key, film);
    return film;
  })();
}

/** A timestamp after `previous`, even when two saves fall in the same millisecond. */
function laterThan(now: string, previous: string): string {
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}

/** Removes a film and everything it holds. Returns whether there was one. */
export function deleteFilm(sqlite: Sqlite, id: string): boolean {
  return sqlite.transaction(() => {
    const key = filmKey(sqlite, id);
    if (key === undefined) return false;
    unindexFilm(sqlite, key);
    prepared(sqlite, 'DELETE FROM films WHERE key = ?').run(key);
    return true;
  })();
}

/** How many films the library holds (not counting the trash). */
export function countFilms(sqlite: Sqlite): number {
  return prepared(sqlite, 'SELECT count(*) FROM films WHERE deleted_at IS NULL').pluck().get() as number;
}
