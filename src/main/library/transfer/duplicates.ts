import type Database from 'better-sqlite3';
import type { ParsedFilm } from '../../../shared/film-schema';
import type { MatchReason } from '../../../shared/transfer';
import { prepared } from '../film-rows';

/** A film already in the library, as much of it as duplicate detection needs. */
export type StoredFilmRef = { key: number; id: string; title: string; year: number | null };
export type FoundDuplicate = { stored: StoredFilmRef; by: MatchReason; detail: string };

type FilmRow = StoredFilmRef & { deleted: number };
type ExternalRow = { key: number; source: string; value: string };

/** Known sources first, by trust; their names as collectors write them. */
const SOURCE_NAMES: Record<string, string> = { imdb: 'IMDb', tmdb: 'TMDb' };
const sourceOrder = (source: string) =>
  source in SOURCE_NAMES ? Object.keys(SOURCE_NAMES).indexOf(source) : 99;

/** Title and year as duplicate detection compares them: case and Unicode form do not matter. */
export function titleYearKey(title: string, year: number | null): string {
  return `${title.normalize('NFC').trim().toLowerCase()}\u0000${year ?? ''}`;
}

const externalKey = (source: string, value: string) => `${source}\u0000${value}`;

/**
 * Finds the stored film an incoming one duplicates: by id, then by an external id (IMDb, TMDb, …),
 * then by title and year. A remake (same title, another year) is not a duplicate, and a film
 * without a year matches only a film without one. Everything is read once, so checking a large
 * import costs one pass over the library, not a query per film.
 */
export class DuplicateFinder {
  private readonly byId = new Map<string, StoredFilmRef>();
  private readonly inTrash = new Set<string>();
  private readonly byExternal = new Map<string, StoredFilmRef>();
  private readonly byTitleYear = new Map<string, StoredFilmRef>();

  constructor(sqlite: Database.Database) {
    const films = prepared(
      sqlite,
      'SELECT key, id, title, year, deleted_at IS NOT NULL AS deleted FROM films ORDER BY key',
    ).all() as FilmRow[];
    const byKey = new Map<number, StoredFilmRef>();
    for (const { deleted, ...film } of films) {
      // Ids are unique even in the trash; only live films match by title or external id.
      this.byId.set(film.id, film);
      if (deleted) {
        this.inTrash.add(film.id);
        continue;
      }
      byKey.set(film.key, film);
      const titleKey = titleYearKey(film.title, film.year);
      if (!this.byTitleYear.has(titleKey)) this.byTitleYear.set(titleKey, film);
    }
    const externals = prepared(
      sqlite,
      'SELECT film_key AS key, source, value FROM film_external_ids ORDER BY film_key',
    ).all() as ExternalRow[];
    for (const row of externals) {
      const film = byKey.get(row.key);
      const key = externalKey(row.source, row.value);
      if (film && !this.byExternal.has(key)) this.byExternal.set(key, film);
    }
  }

  /**
   * Makes a film of the import itself findable, so a later film of the same import that repeats
   * it (the same page imported twice, a file and its page) is found too. Its key is negative.
   */
  remember(film: ParsedFilm, ref: StoredFilmRef, titleKey = titleYearKey(film.title, film.year)): void {
    if (film.id && !this.byId.has(film.id)) this.byId.set(film.id, ref);
    for (const source in film.externalIds) {
      const key = externalKey(source, film.externalIds[source] as string);
      if (!this.byExternal.has(key)) this.byExternal.set(key, ref);
    }
    if (!this.byTitleYear.has(titleKey)) this.byTitleYear.set(titleKey, ref);
  }

  /** `titleKey` is `titleYearKey` of the film: a caller that also remembers the film computes it once. */
  find(film: ParsedFilm, titleKey = titleYearKey(film.title, film.year)): FoundDuplicate | null {
    const byId = film.id ? this.byId.get(film.id) : undefined;
    if (byId) {
      const detail = this.inTrash.has(byId.id) ? 'same id (that film is in the trash)' : 'same id';
      return { stored: byId, by: 'id', detail };
    }
    const sources = Object.keys(film.externalIds);
    // Most films carry one external id or none: nothing to order.
    if (sources.length > 1) sources.sort((a, b) => sourceOrder(a) - sourceOrder(b) || (a < b ? -1 : 1));
    for (const source of sources) {
      const value = film.externalIds[source] as string;
      const stored = this.byExternal.get(externalKey(source, value));
      if (stored)
        return { stored, by: 'external-id', detail: `same ${SOURCE_NAMES[source] ?? source} id ${value}` };
    }
    const stored = this.byTitleYear.get(titleKey);
    if (stored) {
      const detail = film.year === null ? 'same title, both without a year' : 'same title and year';
      return { stored, by: 'title-year', detail };
    }
    return null;
  }
}
