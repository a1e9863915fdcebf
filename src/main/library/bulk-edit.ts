import type Database from 'better-sqlite3';
import { uniqueIgnoringCase } from '../../shared/film';
import type { Copy, Film } from '../../shared/film-schema';
import {
  bulkEditSchema,
  type BulkEdit,
  type BulkEditResult,
  type ParsedBulkEdit,
} from '../../shared/library-edits';
import { getFilm, updateFilm } from './films';
import { trashedAt } from './trash';

type Sqlite = Database.Database;

/** A film after a bulk edit, and what of the edit could not be applied to it. */
export type BulkEditOutcome = { film: Film; notApplied: string[] };

const sameText = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** Adds values not there yet (ignoring case), then drops the ones to remove, keeping order. */
function editTerms(values: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  return uniqueIgnoringCase([...values, ...add]).filter(
    (value) => !remove.some((gone) => sameText(gone, value)),
  );
}

const newCopy = (medium: string, location: string | null): Copy => ({
  medium,
  edition: null,
  region: null,
  location,
  barcode: null,
  acquired: null,
  price: null,
});

function editCopies(film: Film, edit: ParsedBulkEdit, notApplied: string[]): Copy[] {
  const { medium, location } = edit;
  if (film.copies.length === 0) {
    if (medium !== null) return [newCopy(medium, location)];
    if (location !== null)
      notApplied.push('it has no copy to give a location to (set a medium too to add one)');
    return film.copies;
  }
  return film.copies.map((copy) => ({
    ...copy,
    medium: medium ?? copy.medium,
    location: location ?? copy.location,
  }));
}

function editWatched(film: Film, seen: boolean | null): Film['watched'] {
  if (seen === true && film.watched.length === 0) return [{ date: null, note: null }];
  if (seen === false) return [];
  return film.watched;
}

/** Applies a bulk edit to one film (pure: the caller saves it). */
export function applyBulkEdit(film: Film, edit: ParsedBulkEdit): BulkEditOutcome {
  const notApplied: string[] = [];
  const edited: Film = {
    ...film,
    genres: editTerms(film.genres, edit.addGenres, edit.removeGenres),
    tags: editTerms(film.tags, edit.addTags, edit.removeTags),
    copies: editCopies(film, edit, notApplied),
    watched: editWatched(film, edit.seen),
  };
  return { film: edited, notApplied };
}

/**
 * Applies one edit to many films, all in one transaction. Films in the trash or no longer in the
 * library are reported, not edited; each changed film gets a new `updatedAt`.
 */
export function bulkEditFilms(
  sqlite: Sqlite,
  input: BulkEdit,
  now = new Date().toISOString(),
): BulkEditResult {
  const edit = bulkEditSchema.parse(input);
  const result: BulkEditResult = { changed: 0, unchanged: 0, notApplied: [] };
  sqlite.transaction(() => {
    for (const id of new Set(edit.filmIds)) {
      const film = getFilm(sqlite, id);
      const reason = !film
        ? 'it is no longer in the library'
        : trashedAt(sqlite, id)
          ? 'it is in the trash'
          : null;
      if (!film || reason) {
        result.notApplied.push({ id, title: film?.title ?? id, reason: reason ?? '' });
        continue;
      }
      const outcome = applyBulkEdit(film, edit);
      for (const why of outcome.notApplied) result.notApplied.push({ id, title: film.title, reason: why });
      if (JSON.stringify(outcome.film) === JSON.stringify(film)) {
        result.unchanged += 1;
      } else {
        updateFilm(sqlite, outcome.film, film.updatedAt, now);
        result.changed += 1;
      }
    }
  })();
  return result;
}
