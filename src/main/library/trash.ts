import type Database from 'better-sqlite3';
import {
  trashQuerySchema,
  type TrashedFilm,
  type TrashPage,
  type TrashQuery,
} from '../../shared/library-edits';
import { prepared } from './film-rows';
import { deleteFilm, FilmNotFoundError } from './films';

type Sqlite = Database.Database;

/**
 * The trash: deleting a film only stamps `films.deleted_at`, which every browse query already
 * filters out, so restoring is one column away and the trash survives restarts. Emptying it is
 * the hard delete.
 */

type TrashRow = { id: string; title: string; year: number | null; deleted_at: string };

const toTrashed = (row: TrashRow): TrashedFilm => ({
  id: row.id,
  title: row.title,
  year: row.year,
  deletedAt: row.deleted_at,
});

function trashRow(sqlite: Sqlite, id: string): TrashRow | undefined {
  return prepared(sqlite, 'SELECT id, title, year, deleted_at FROM films WHERE id = ?').get(id) as
    TrashRow | undefined;
}

/**
 * Moves films to the trash. Films already there keep their original date; every id must name a
 * film of this library, or nothing is moved.
 */
export function trashFilms(
  sqlite: Sqlite,
  ids: readonly string[],
  now = new Date().toISOString(),
): TrashedFilm[] {
  return sqlite.transaction(() =>
    ids.map((id) => {
      const row = trashRow(sqlite, id);
      if (!row) throw new FilmNotFoundError(id);
      if (row.deleted_at === null) {
        prepared(sqlite, 'UPDATE films SET deleted_at = ? WHERE id = ?').run(now, id);
        row.deleted_at = now;
      }
      return toTrashed(row);
    }),
  )();
}

/** Takes films out of the trash; returns how many were in it. Unknown ids are skipped. */
export function restoreFilms(sqlite: Sqlite, ids: readonly string[]): number {
  return sqlite.transaction(() =>
    ids.reduce(
      (restored, id) =>
        restored +
        prepared(sqlite, 'UPDATE films SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id)
          .changes,
      0,
    ),
  )();
}

/** One page of the trash, most recently deleted first. */
export function listTrash(sqlite: Sqlite, input: TrashQuery = {}): TrashPage {
  const query = trashQuerySchema.parse(input);
  const total = prepared(sqlite, 'SELECT count(*) FROM films WHERE deleted_at IS NOT NULL')
    .pluck()
    .get() as number;
  const rows = prepared(
    sqlite,
    `SELECT id, title, year, deleted_at FROM films WHERE deleted_at IS NOT NULL
     ORDER BY deleted_at DESC, sort_title, key LIMIT ? OFFSET ?`,
  ).all(query.limit, query.offset) as TrashRow[];
  return { total, offset: query.offset, films: rows.map(toTrashed) };
}

/**
 * Deletes films in the trash for good: the given ones, or all of them when `ids` is null.
 * Films not in the trash are never touched. Returns how many were deleted.
 */
export function emptyTrash(sqlite: Sqlite, ids: readonly string[] | null): number {
  return sqlite.transaction(() => {
    const trashed =
      ids ??
      (prepared(sqlite, 'SELECT id FROM films WHERE deleted_at IS NOT NULL').pluck().all() as string[]);
    return trashed.filter((id) => trashRow(sqlite, id)?.deleted_at && deleteFilm(sqlite, id)).length;
  })();
}

/** When the film was moved to the trash, or null when it is not there (or not in the library). */
export function trashedAt(sqlite: Sqlite, id: string): string | null {
  return trashRow(sqlite, id)?.deleted_at ?? null;
}
