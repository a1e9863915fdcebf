import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type Database from 'better-sqlite3';
import type { Film, FilmInput } from '../../shared/film-schema';
import type { FacetQuery, Facets, FilmPage, ListQuery } from '../../shared/browse';
import { openDatabase, type LibraryDatabase, type OpenOptions } from './database';
import { createFilm, countFilms, deleteFilm, getFilm, updateFilm } from './films';
import { countFound, facetCounts, listFilms, matchingIds } from './browse';
import type { LibraryTables } from './tables';
import type {
  BulkEdit,
  BulkEditResult,
  LendRequest,
  ReturnRequest,
  SuggestQuery,
  TrashedFilm,
  TrashPage,
  TrashQuery,
} from '../../shared/library-edits';
import { emptyTrash, listTrash, restoreFilms, trashFilms } from './trash';
import { suggest } from './suggestions';
import { lendCopy, returnLoan } from './loans';
import { bulkEditFilms } from './bulk-edit';
import { checkedPoster, savePosterThumbnail } from './posters';
import { learnCommonChars } from './search-marks';

/** A library file, open: everything the app and the CLI do with films goes through here. */
export type Library = {
  path: string;
  database: LibraryDatabase;
  sqlite: Database.Database;
  count(): number;
  list(query: ListQuery): FilmPage;
  /** The ids of every film a search and filter find, in browse's order (a whole-result selection). */
  ids(query: ListQuery): string[];
  /** Counts for the filter lists, over what the search and filter find (the whole library when omitted). */
  facets(query?: FacetQuery): Facets;
  /** The exact number of films a search and filter find (remembered while the library is unchanged). */
  found(query: FacetQuery): number;
  get(id: string): Film | undefined;
  create(input: FilmInput): Film;
  update(input: FilmInput & { id: string }, expectedUpdatedAt: string | null): Film;
  delete(id: string): boolean;
  /** Moves films to the trash (browse hides them; restore brings them back). */
  trash(ids: readonly string[]): TrashedFilm[];
  restore(ids: readonly string[]): number;
  trashList(query?: TrashQuery): TrashPage;
  /** Deletes films in the trash for good: the given ones, or all when null. */
  emptyTrash(ids: readonly string[] | null): number;
  suggest(query: SuggestQuery): string[];
  lend(request: LendRequest, expectedUpdatedAt: string | null): Film;
  returnLoan(request: ReturnRequest, expectedUpdatedAt: string | null): Film;
  bulkEdit(edit: BulkEdit): BulkEditResult;
  savePosterThumbnail(filmId: string, thumbnail: string): void;
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
    ids: (query: ListQuery) => matchingIds(sqlite, query),
    facets: (query?: FacetQuery) => facetCounts(sqlite, query),
    found: (query: FacetQuery) => countFound(sqlite, query),
    get: (id: string) => getFilm(sqlite, id),
    create: (input: FilmInput) => createFilm(sqlite, checkedPoster(input)),
    update: (input: FilmInput & { id: string }, expectedUpdatedAt: string | null) =>
      updateFilm(sqlite, checkedPoster(input), expectedUpdatedAt),
    delete: (id: string) => deleteFilm(sqlite, id),
    trash: (ids) => trashFilms(sqlite, ids),
    restore: (ids) => restoreFilms(sqlite, ids),
    trashList: (query) => listTrash(sqlite, query),
    emptyTrash: (ids) => emptyTrash(sqlite, ids),
    suggest: (query) => suggest(sqlite, query),
    lend: (request, expectedUpdatedAt) => lendCopy(sqlite, request, expectedUpdatedAt),
    returnLoan: (request, expectedUpdatedAt) => returnLoan(sqlite, request, expectedUpdatedAt),
    bulkEdit: (edit) => bulkEditFilms(sqlite, edit),
    savePosterThumbnail: (filmId, thumbnail) => savePosterThumbnail(sqlite, filmId, thumbnail),
    close: () => database.close(),
  };
}

/**
 * Opens (creating when missing, folders included) and migrates the library at `path`, and learns
 * the characters most texts hold beyond ASCII (learnCommonChars), so no early search stops for them.
 */
export async function openLibrary(path: string, options: OpenOptions = {}): Promise<Library> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = await openDatabase(path, options);
  learnCommonChars(database.sqlite);
  return libraryOver(database);
}
